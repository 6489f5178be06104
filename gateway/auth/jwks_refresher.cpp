#include "gateway/auth/jwks_refresher.h"

#include <chrono>
#include <utility>

#include "facade_common/log.h"

namespace oofgate::gateway {

JwksRefresher::JwksRefresher(const JwksSource& source, const core::Clock& clock, Install install)
    : source_(source), clock_(clock), install_(std::move(install)), thread_([this] { run(); }) {}

JwksRefresher::~JwksRefresher() {
  {
    const std::scoped_lock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool JwksRefresher::request() {
  const std::int64_t now = std::chrono::floor<std::chrono::seconds>(clock_.now()).time_since_epoch().count();
  {
    const std::scoped_lock lock(mutex_);
    if (stopping_ || requested_ || (last_start_ && now - *last_start_ < source_.min_interval.count())) {
      return false;
    }
    requested_ = true;
    last_start_ = now;
  }
  wake_.notify_one();
  return true;
}

void JwksRefresher::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return stopping_ || (!requested_ && !running_); });
}

void JwksRefresher::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || requested_; });
    if (stopping_) {
      break;
    }
    requested_ = false;
    running_ = true;
    lock.unlock();
    auto loaded = load_jwks(source_);
    if (loaded) {
      install_(std::move(loaded).value());
    } else {
      facade::log_line(facade::LogLevel::kWarn, "jwks", "",
                       "refresh failed, keeping the last good keys: " + loaded.error().message);
    }
    lock.lock();
    running_ = false;
    idle_.notify_all();
  }
  idle_.notify_all();
}

}  // namespace oofgate::gateway
