#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "core/result.h"
#include "gateway/http/request_dispatcher.h"
#include "gateway/server/body_budget.h"
#include "gateway/server/connection_limit.h"
#include "gateway/server/deadline_sweeper.h"
#include "gateway/server/listen_address_lock.h"
#include "gateway/server/listener.h"
#include "gateway/server/rate_limited_log.h"
#include "gateway/server/session_context.h"
#include "gateway/tls/reloadable_tls_context.h"

namespace oofgate::gateway {

class Observability;

// N I/O threads, each running its own single-threaded io_context with its own SO_REUSEPORT
// listener (measured faster than one shared io_context with strands).
class Server {
 public:
  // `max_connections`: open connections of the whole process; more are accepted and closed.
  // `tls`: serve HTTPS with these settings (kept alive by the caller), or nullptr for plain HTTP.
  Server(RequestDispatcher& dispatcher, SessionLimits limits, unsigned threads, std::size_t max_connections,
         ReloadableTlsContext* tls = nullptr);
  ~Server();

  // Takes the port (ListenAddressLock: one oofgate per port) and binds every listener; nothing
  // is accepted yet. Returns the real endpoint (port 0 resolved), so what depends on it can be
  // set up before the first request.
  core::Result<boost::asio::ip::tcp::endpoint> bind(const std::string& host, std::uint16_t port);
  // Where every connection records its requests (before run(); not owned).
  void set_observability(Observability* observability);
  // Starts the threads: connections are accepted from now on.
  void run();
  // Graceful stop: no new connections, idle ones closed, in-flight requests finish (up to
  // `grace`), then the threads are joined.
  void stop(std::chrono::seconds grace);

 private:
  // Takes `port` for this process (ListenAddressLock); the error if another oofgate has it.
  std::optional<core::Error> take_port(const boost::asio::ip::address& address, std::uint16_t port);

  struct Worker {
    Worker(RequestDispatcher& dispatcher, SessionLimits limits, ReloadableTlsContext* tls)
        : io(1), context(dispatcher, limits, tls), sweeper(std::make_shared<DeadlineSweeper>(io, context)) {}
    boost::asio::io_context io;
    SessionContext context;
    std::shared_ptr<DeadlineSweeper> sweeper;
    std::shared_ptr<Listener> listener;
    std::thread thread;
  };

  // Shared by the workers' listeners and sessions, so declared (and destroyed) outside them.
  ConnectionLimit connections_;
  BodyBudget bodies_;
  RateLimitedLog accept_errors_;
  RateLimitedLog refused_;
  ListenAddressLock address_lock_;
  std::vector<std::unique_ptr<Worker>> workers_;
};

}  // namespace oofgate::gateway
