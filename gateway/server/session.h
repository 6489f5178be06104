#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/http.hpp>

#include "core/service/request_trace.h"
#include "facade_common/connection_executor.h"
#include "facade_common/edge_rejection.h"
#include "gateway/http/request_dispatcher.h"
#include "gateway/server/session_context.h"
#include "gateway/server/socket.h"

namespace oofgate::gateway {

// The two transports a Session runs over: plain HTTP, and HTTPS (TLS over the same socket, so one
// deadline bounds the handshake and every TLS record alike).
using PlainStream = Socket;
using TlsStream = boost::asio::ssl::stream<Socket>;

// One HTTP/1.1 connection: reads a request within the limits, checks its framing (RFC 9112),
// hands it to the dispatcher, writes the response, repeats while keep-alive. Only I/O; one
// request in flight at a time. Lives on one single-threaded io_context, so its handlers never
// race each other; every handler is noexcept and catches everything, so no request can end the
// process or the thread's io_context. A template on the stream, so plain HTTP pays for neither a
// virtual call nor a branch per read; over TLS the handshake comes first, within the read timeout.
// Timeouts are a deadline the session stores (no timer per operation); its thread's
// DeadlineSweeper closes the connection once the deadline has passed (see expire_if_overdue).
template <class Stream>
class Session final : public Connection,
                      public std::enable_shared_from_this<Session<Stream>>,
                      public facade::ConnectionExecutor {
 public:
  Session(Socket socket, SessionContext& context);
  ~Session();

  void start();
  // Called on the session's thread during shutdown.
  void drain() override;
  // Called on the session's thread by its DeadlineSweeper.
  void expire_if_overdue(SteadyTime now) override;

  bool running_here() const override;
  void post(std::function<void()> work) override;

 private:
  static constexpr bool kEncrypted = std::is_same_v<Stream, TlsStream>;

  Socket& tcp() { return boost::beast::get_lowest_layer(stream_); }
  // The read, write or idle time allowed from now; checked by the sweeper, not by a timer.
  void set_deadline(std::chrono::seconds allowed) { deadline_ = coarse_now() + allowed; }
  void clear_deadline() { deadline_ = SteadyTime::max(); }
  // TLS only: tells TLS from plain HTTP by the first byte, then handshakes.
  void accept_tls() noexcept;
  void on_tls_detected(boost::beast::error_code error, bool tls) noexcept;
  void on_handshake(boost::beast::error_code error, std::size_t used) noexcept;
  void refuse_plain_http() noexcept;
  void read_request() noexcept;
  void parse_buffered() noexcept;
  void read_more();
  void on_read_some(boost::beast::error_code error, std::size_t bytes) noexcept;
  // Checks the head once it is complete; false when the request was refused.
  bool on_head();
  bool reserve_body();
  void release_body() noexcept;
  void on_parse_error(boost::beast::error_code error);
  void on_request();
  // Answers in the protocol of whoever owns the request, then closes the connection.
  void refuse(const RequestHead* head, const facade::EdgeRejection& rejection);
  void send(HttpResponse response) noexcept;
  void on_write(bool keep_alive, boost::beast::error_code error, std::size_t bytes) noexcept;
  void close() noexcept;
  // Starts the record of a request being answered (access log, metrics).
  void begin_record(const RequestHead* head, std::size_t bytes_in);
  void finish_record(std::size_t bytes_out) noexcept;
  void linger_then_close() noexcept;
  std::optional<facade::EdgeRejection> framing_error(const HttpRequest& message) const;
  RequestHead head_of_partial_request_line();
  bool strip_trailers(HttpRequest& message);

  boost::asio::io_context::executor_type executor_;  // the connection's thread (its io_context)
  // TLS only: the settings this connection started with, kept for its life (a reload may replace
  // the server's meanwhile). Declared before the stream, which refers to it.
  std::shared_ptr<boost::asio::ssl::context> tls_settings_;
  Stream stream_;
  // Bounded: it holds one head or one trailer section at most, so neither can grow memory.
  boost::beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  // How much of buffer_'s front the bare-LF check has already looked at while the parser waits
  // for more chunked framing; 0 again once the parser consumes any of it. Each read is checked
  // once, so a client sending its framing a byte at a time costs a linear scan, not a quadratic.
  std::size_t framing_checked_ = 0;
  RequestHead head_;
  SessionContext& context_;
  std::string output_;          // the response being written, reused across requests
  std::string client_address_;  // the peer's IP, for per-address limits
  std::size_t header_fields_ = 0;
  unsigned version_ = 11;
  bool head_done_ = false;
  bool message_started_ = false;
  bool keep_alive_ = true;
  bool head_request_ = false;
  bool busy_ = false;
  bool linger_on_close_ = false;
  bool closed_ = false;
  SteadyTime deadline_ = SteadyTime::max();
  std::array<char, 4096> discard_{};
  std::size_t discarded_ = 0;
  std::size_t body_reserved_ = 0;  // of the process's BodyBudget, for the message in parser_
  // The request being answered, as the access log and metrics see it.
  core::RequestTrace trace_;
  std::chrono::steady_clock::time_point started_{};
  std::size_t bytes_in_ = 0;
  unsigned status_ = 0;
  bool recording_ = false;
};

}  // namespace oofgate::gateway
