#pragma once

#include <atomic>
#include <memory>

#include <boost/asio/ssl/context.hpp>

namespace oofgate::gateway {

// The TLS settings new connections are made with, replaceable while the server runs (SIGHUP
// reloads the certificate and key). A connection keeps the settings it started with for its
// whole life, so a reload never disturbs an open connection; one atomic load per connection.
class ReloadableTlsContext {
 public:
  explicit ReloadableTlsContext(std::shared_ptr<boost::asio::ssl::context> first) : current_(std::move(first)) {}

  std::shared_ptr<boost::asio::ssl::context> current() const { return current_.load(std::memory_order_acquire); }
  void replace(std::shared_ptr<boost::asio::ssl::context> next) {
    current_.store(std::move(next), std::memory_order_release);
  }

 private:
  std::atomic<std::shared_ptr<boost::asio::ssl::context>> current_;
};

}  // namespace oofgate::gateway
