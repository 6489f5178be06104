#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

namespace oofgate::gateway {

// Growable bytes that are not zeroed as they grow: a log lane is extended by an entry's size and
// the entry copied over at once, and a batch's text by the most a line can take and the line
// written in place, where std::string::resize would first fill the room with zeros (perf had
// put that fill at a fifth of an access record's cost on the I/O thread).
class ByteBuffer {
 public:
  // Grows the buffer by `count` bytes and returns where they start; their value is unspecified
  // until written. Throws std::bad_alloc, leaving the buffer as it was.
  char* extend(std::size_t count) {
    if (capacity_ - size_ < count) {
      reserve(std::max(size_ + count, 2 * capacity_));
    }
    char* start = data_.get() + size_;
    size_ += count;
    return start;
  }
  // Copies `bytes` onto the end. Throws std::bad_alloc, leaving the buffer as it was.
  void append(std::string_view bytes) {
    if (!bytes.empty()) {  // an empty view's data may be null, which memcpy must not be given
      std::memcpy(extend(bytes.size()), bytes.data(), bytes.size());
    }
  }
  // Gives back what was extended past `size` (no more than the buffer holds), keeping the room.
  void truncate(std::size_t size) noexcept { size_ = std::min(size, size_); }
  void clear() noexcept { size_ = 0; }
  void swap(ByteBuffer& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::string_view view() const noexcept { return {data_.get(), size_}; }

 private:
  void reserve(std::size_t capacity) {
    auto grown = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ != 0) {
      std::memcpy(grown.get(), data_.get(), size_);
    }
    data_ = std::move(grown);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace oofgate::gateway
