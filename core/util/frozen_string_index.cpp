#include "core/util/frozen_string_index.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace oofgate::core {
namespace {

std::uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }

}  // namespace

FrozenStringIndex::FrozenStringIndex(std::size_t count)
    : slots_(std::bit_ceil(std::max<std::size_t>(2 * count, 8))), mask_(slots_.size() - 1) {}

bool FrozenStringIndex::matches(const Slot& slot, std::uint64_t hash, std::string_view key) const {
  if (slot.hash != hash || slot.length != key.size()) {
    return false;
  }
  if (key.size() <= kInlineKey) {
    return std::memcmp(slot.key, key.data(), key.size()) == 0;
  }
  std::uint32_t long_index = 0;
  std::memcpy(&long_index, slot.key, sizeof long_index);
  return long_keys_[long_index] == key;
}

bool FrozenStringIndex::insert(std::string_view key, std::uint32_t position) {
  if (2 * (size_ + 1) > slots_.size()) {
    throw std::length_error("FrozenStringIndex: more keys than it was sized for");
  }
  const std::uint64_t hash = hash_of(key);
  std::size_t i = hash & mask_;
  for (; slots_[i].position != kMissing; i = (i + 1) & mask_) {
    if (matches(slots_[i], hash, key)) {
      return false;
    }
  }
  Slot& slot = slots_[i];
  slot.hash = hash;
  slot.position = position;
  slot.length = static_cast<std::uint32_t>(key.size());
  if (key.size() <= kInlineKey) {
    std::memcpy(slot.key, key.data(), key.size());
  } else {
    const auto long_index = static_cast<std::uint32_t>(long_keys_.size());
    long_keys_.emplace_back(key);
    std::memcpy(slot.key, &long_index, sizeof long_index);
  }
  ++size_;
  return true;
}

std::uint32_t FrozenStringIndex::find(std::string_view key) const {
  const std::uint64_t hash = hash_of(key);
  for (std::size_t i = hash & mask_; slots_[i].position != kMissing; i = (i + 1) & mask_) {
    if (matches(slots_[i], hash, key)) {
      return slots_[i].position;
    }
  }
  return kMissing;
}

}  // namespace oofgate::core
