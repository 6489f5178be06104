#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/service/pin_notifier.h"

namespace oofgate::testing {

// A PinNotifier that keeps what it was given, so tests can check the PIN against the stored
// hash; `fail_next` makes one delivery fail as a full outbox would.
class RecordingPinNotifier final : public core::PinNotifier {
 public:
  struct Delivery {
    std::string user_id;
    std::string pin;
    std::string receipt;
  };

  core::Result<std::string> deliver(const core::User& user, std::string_view pin) override {
    std::lock_guard lock(mutex_);
    if (fail_next_) {
      fail_next_ = false;
      return core::Error{core::ErrorCode::kStoreUnavailable, "test outbox is full"};
    }
    std::string receipt = "message-" + std::to_string(deliveries_.size() + 1);
    deliveries_.push_back({user.id, std::string(pin), receipt});
    return receipt;
  }

  void withdraw(const std::string& receipt) override {
    std::lock_guard lock(mutex_);
    withdrawn_.push_back(receipt);
  }

  void fail_next() {
    std::lock_guard lock(mutex_);
    fail_next_ = true;
  }
  std::vector<Delivery> deliveries() const {
    std::lock_guard lock(mutex_);
    return deliveries_;
  }
  std::vector<std::string> withdrawn() const {
    std::lock_guard lock(mutex_);
    return withdrawn_;
  }

 private:
  mutable std::mutex mutex_;
  bool fail_next_ = false;
  std::vector<Delivery> deliveries_;
  std::vector<std::string> withdrawn_;
};

}  // namespace oofgate::testing
