#pragma once

#include <chrono>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "gateway/server/connection_limit.h"
#include "gateway/server/rate_limited_log.h"
#include "gateway/server/session_context.h"
#include "gateway/server/socket.h"

namespace oofgate::gateway {

// What the listeners of all I/O threads share: the process-wide connection count and the
// rate-limited log lines for accept trouble.
struct AcceptShared {
  ConnectionLimit& connections;
  RateLimitedLog& accept_errors;  // accept failing (out of descriptors, buffers, memory)
  RateLimitedLog& refused;        // connections closed because --max-connections are open
};

// Accepts connections on one io_context. Every I/O thread has its own listener bound to the
// same port with SO_REUSEPORT, so the kernel spreads connections and no thread shares a queue.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(boost::asio::io_context& io, SessionContext& context, AcceptShared shared);

  // Binds and listens; returns the bound endpoint (the real port when asked for port 0).
  boost::asio::ip::tcp::endpoint open(const boost::asio::ip::tcp::endpoint& endpoint, boost::system::error_code& error);
  void start();
  void stop();

  // Waits after a failed accept: the first, then doubling up to the last.
  static constexpr std::chrono::milliseconds kFirstRetryDelay{50};
  static constexpr std::chrono::milliseconds kLastRetryDelay{1000};

 private:
  void accept();
  void retry_later(const boost::system::error_code& error);
  void admit(Socket socket);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_timer_;
  std::chrono::milliseconds retry_delay_{0};
  SessionContext& context_;
  AcceptShared shared_;
};

}  // namespace oofgate::gateway
