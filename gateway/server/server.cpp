#include "gateway/server/server.h"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>

namespace oofgate::gateway {

namespace net = boost::asio;

Server::Server(RequestDispatcher& dispatcher, SessionLimits limits, unsigned threads) {
  for (unsigned i = 0; i < threads; ++i) {
    workers_.push_back(std::make_unique<Worker>(dispatcher, limits));
  }
}

Server::~Server() { stop(std::chrono::seconds(0)); }

core::Result<net::ip::tcp::endpoint> Server::start(const std::string& host, std::uint16_t port) {
  boost::system::error_code error;
  const auto address = net::ip::make_address(host, error);
  if (error) {
    return core::Error{core::ErrorCode::kInvalidArgument, "cannot listen on '" + host + "': not an IP address"};
  }
  net::ip::tcp::endpoint endpoint{address, port};
  for (auto& worker : workers_) {
    worker->listener = std::make_shared<Listener>(worker->io, worker->context);
    // The first bind resolves port 0; the others join the same port.
    const auto bound = worker->listener->open(endpoint, error);
    if (error) {
      return core::Error{core::ErrorCode::kInvalidArgument,
                         "cannot listen on " + host + ":" + std::to_string(endpoint.port()) + ": " + error.message()};
    }
    endpoint = bound;
  }
  for (auto& worker : workers_) {
    worker->listener->start();
    worker->thread = std::thread([&io = worker->io] { io.run(); });
  }
  return endpoint;
}

void Server::stop(std::chrono::seconds grace) {
  for (auto& worker : workers_) {
    if (!worker->thread.joinable()) {
      continue;
    }
    net::post(worker->io, [&worker = *worker] {
      worker.listener->stop();
      worker.context.drain();
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

}  // namespace oofgate::gateway
