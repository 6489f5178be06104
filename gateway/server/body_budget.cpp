#include "gateway/server/body_budget.h"

namespace oofgate::gateway {

bool BodyBudget::try_reserve(std::size_t bytes) noexcept {
  std::size_t used = in_use_.load(std::memory_order_relaxed);
  do {
    if (bytes > capacity_ || used > capacity_ - bytes) {
      return false;
    }
  } while (!in_use_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
  return true;
}

void BodyBudget::release(std::size_t bytes) noexcept { in_use_.fetch_sub(bytes, std::memory_order_relaxed); }

}  // namespace oofgate::gateway
