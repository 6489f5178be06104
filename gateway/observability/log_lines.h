#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/service/request_trace.h"
#include "core/service/settings_audit.h"
#include "gateway/observability/byte_buffer.h"

namespace oofgate::gateway {

// What the session knows of one answered request, beyond what the facade put on its trace.
struct AccessFacts {
  std::string_view remote_address;
  unsigned status = 0;
  std::chrono::microseconds duration{0};
  std::size_t bytes_in = 0;
  std::size_t bytes_out = 0;
  // When the answer was written (the steady reading that ends `duration`): the line's time.
  std::chrono::steady_clock::time_point finished{};
};

// One access-log line, in two steps: the I/O thread copies the line's facts as they are (a few
// short strings and numbers) into its lane of the log writer as an access record, and the writer
// thread renders the record as the line, a JSON object with "type":"access" ending in '\n'
// (render_access_record, the log writer's Renderer for these records).
class AccessRecord {
 public:
  static constexpr std::size_t kTexts = 7;
  // The fixed part of a record; its texts' bytes follow it, in the order of their sizes.
  struct Head {
    std::int64_t time_us = 0;  // since the epoch, system clock
    std::uint32_t status = 0;
    std::array<std::uint32_t, kTexts> sizes{};
    std::uint64_t duration_us = 0;
    std::uint64_t bytes_in = 0;
    std::uint64_t bytes_out = 0;
  };

  // Views of `trace` and `facts`, which must outlive the record.
  AccessRecord(const core::RequestTrace& trace, const AccessFacts& facts, std::chrono::system_clock::time_point now);
  // The record's size in bytes.
  std::size_t size() const noexcept { return size_; }
  // The record, written at `at` (room for size() bytes); copied with memcpy both ways, so `at`
  // needs no alignment.
  void write_to(char* at) const noexcept;

 private:
  Head head_;
  std::array<std::string_view, kTexts> texts_;
  std::size_t size_ = sizeof(Head);
};
void render_access_record(std::string_view record, ByteBuffer& out);
// The line of one request, both steps at once.
std::string access_log_line(const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now);
// One audit line: a JSON object with "type":"audit" and the changed properties, ending in '\n';
// appended to `out`.
void append_audit_log_line(std::string& out, const core::SettingsChange& change,
                           std::chrono::system_clock::time_point now);
// The same line as a string of its own.
std::string audit_log_line(const core::SettingsChange& change, std::chrono::system_clock::time_point now);

}  // namespace oofgate::gateway
