#include "gateway/server/server.h"

#include <algorithm>
#include <iostream>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>

#include "gateway/server/turn_end_waker.h"

namespace oofgate::gateway {

namespace net = boost::asio;

namespace {

// At most one line per condition in this interval, however often it recurs.
constexpr std::chrono::seconds kLogInterval{10};

std::string address_text(const net::ip::address& address, std::uint16_t port) {
  return (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) + ":" + std::to_string(port);
}

}  // namespace

Server::Server(RequestDispatcher& dispatcher, SessionLimits limits, unsigned threads, std::size_t max_connections,
               ReloadableTlsContext* tls)
    : connections_(max_connections),
      // At least one body of the largest size a request may have fits, whatever was configured.
      bodies_(std::max(limits.body_memory, limits.body_limit)),
      accept_errors_(std::cerr, kLogInterval),
      refused_(std::cerr, kLogInterval) {
  for (unsigned i = 0; i < threads; ++i) {
    workers_.push_back(std::make_unique<Worker>(dispatcher, limits, tls));
    workers_.back()->context.set_bodies(&bodies_);
  }
}

Server::~Server() {
  try {
    stop(std::chrono::seconds(0));
  } catch (const std::exception& e) {
    std::cerr << "oofgate: stopping the server failed: " << e.what() << std::endl;
  }
}

core::Result<net::ip::tcp::endpoint> Server::bind(const std::string& host, std::uint16_t port) {
  boost::system::error_code error;
  const auto address = net::ip::make_address(host, error);
  if (error) {
    return core::Error{core::ErrorCode::kInvalidArgument, "cannot listen on '" + host + "': not an IP address"};
  }
  net::ip::tcp::endpoint endpoint{address, port};
  const AcceptShared shared{connections_, accept_errors_, refused_};
  for (auto& worker : workers_) {
    // A given port is taken before the first bind, so a second oofgate never joins our
    // SO_REUSEPORT group even for a moment (it would take connections with it when it quits).
    // Port 0 is taken once the first bind has resolved it to a port nobody else had.
    if (endpoint.port() != 0 && worker == workers_.front()) {
      if (auto refused = take_port(address, endpoint.port())) {
        return *refused;
      }
    }
    worker->listener = std::make_shared<Listener>(worker->io, worker->context, shared);
    // The first bind resolves port 0; the others join the same port.
    const auto bound = worker->listener->open(endpoint, error);
    if (error) {
      return core::Error{core::ErrorCode::kInvalidArgument,
                         "cannot listen on " + address_text(address, endpoint.port()) + ": " + error.message()};
    }
    if (endpoint.port() == 0) {
      if (auto refused = take_port(address, bound.port())) {
        return *refused;
      }
    }
    endpoint = bound;
  }
  return endpoint;
}

void Server::run() {
  for (auto& worker : workers_) {
    worker->listener->start();
    worker->sweeper->start();
    worker->thread = std::thread([&io = worker->io] {
      // Writes queued while answering a turn's requests wake the committer once, at its end.
      TurnEndWaker waker(io);
      core::set_this_thread_wake_deferral(&waker);
      io.run();
      core::set_this_thread_wake_deferral(nullptr);
    });
  }
}

std::optional<core::Error> Server::take_port(const net::ip::address& address, std::uint16_t port) {
  auto lock = ListenAddressLock::acquire(port, address_text(address, port));
  if (!lock) {
    return lock.error();
  }
  address_lock_ = std::move(lock).value();
  return std::nullopt;
}

void Server::stop(std::chrono::seconds grace) {
  for (auto& worker : workers_) {
    if (!worker->thread.joinable()) {
      continue;
    }
    net::post(worker->io, [&worker = *worker] {
      worker.listener->stop();
      worker.context.drain();
      if (worker.context.live_sessions() == 0) {
        worker.sweeper->stop();  // nothing left to hold to a deadline: let run() return now
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + grace;
  for (auto& worker : workers_) {
    if (!worker->thread.joinable()) {
      continue;
    }
    // io.run() returns by itself once the last session has finished; past the grace period
    // the loop is stopped and any remaining connection is dropped.
    while (!worker->io.stopped() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    worker->io.stop();
    worker->thread.join();
  }
}

void Server::set_observability(Observability* observability) {
  for (auto& worker : workers_) {
    worker->context.set_observability(observability);
  }
}

}  // namespace oofgate::gateway
