#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/model/mailbox_settings.h"

namespace oofgate::core {

// Bytes a facade rendered from one snapshot, kept with it so repeated reads cost no
// serialization. The core never interprets them; slot numbers belong to the facades.
class RenderCache {
 public:
  static constexpr std::size_t kSlots = 16;

  std::shared_ptr<const std::string> get(std::size_t slot) const {
    return slots_[slot].load(std::memory_order_acquire);
  }
  void put(std::size_t slot, std::shared_ptr<const std::string> bytes) const {
    slots_[slot].store(std::move(bytes), std::memory_order_release);
  }

 private:
  mutable std::array<std::atomic<std::shared_ptr<const std::string>>, kSlots> slots_{};
};

// One committed state of a mailbox. Immutable once published; readers share it.
struct MailboxSnapshot {
  std::uint64_t version = 0;  // 0 = never written (defaults)
  MailboxSettings settings;
  RenderCache render_cache;
};

using SnapshotPtr = std::shared_ptr<const MailboxSnapshot>;

}  // namespace oofgate::core
