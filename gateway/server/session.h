#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "gateway/http/request_dispatcher.h"
#include "gateway/server/session_context.h"

namespace oofgate::gateway {

// One HTTP/1.1 connection: reads a request (within the limits), hands it to the dispatcher,
// writes the response, repeats while keep-alive. Only I/O; one request in flight at a time.
// Lives on one single-threaded io_context, so its handlers never race each other.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(boost::asio::ip::tcp::socket socket, SessionContext& context);
  ~Session();

  void start();
  // Called on the session's thread during shutdown.
  void drain();

 private:
  void read_request();
  void on_read(boost::beast::error_code error, std::size_t bytes);
  void send(HttpResponse response);
  void on_write(bool keep_alive, boost::beast::error_code error, std::size_t bytes);
  void close();
  void linger_then_close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string output_;  // the response being written, reused across requests
  bool head_request_ = false;
  SessionContext& context_;
  bool busy_ = false;
  bool linger_on_close_ = false;
  std::array<char, 4096> discard_{};
  std::size_t discarded_ = 0;
};

}  // namespace oofgate::gateway
