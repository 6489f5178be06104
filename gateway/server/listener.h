#pragma once

#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "gateway/server/session_context.h"

namespace oofgate::gateway {

// Accepts connections on one io_context. Every I/O thread has its own listener bound to the
// same port with SO_REUSEPORT, so the kernel spreads connections and no thread shares a queue.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(boost::asio::io_context& io, SessionContext& context);

  // Binds and listens; returns the bound endpoint (the real port when asked for port 0).
  boost::asio::ip::tcp::endpoint open(const boost::asio::ip::tcp::endpoint& endpoint, boost::system::error_code& error);
  void start();
  void stop();

 private:
  void accept();

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  SessionContext& context_;
};

}  // namespace oofgate::gateway
