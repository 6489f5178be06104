#include "facade_common/log_time.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

#include <date/date.h>

namespace oofgate::facade {
namespace {

void put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// "00" to "99": the six digits of a line's microseconds in three lookups, not six divisions.
constexpr std::array<char, 200> kTwoDigits = [] {
  std::array<char, 200> pairs{};
  for (std::size_t i = 0; i < 100; ++i) {
    pairs.at(2 * i) = static_cast<char>('0' + i / 10);
    pairs.at(2 * i + 1) = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

void put_two_digits(char* out, unsigned value) { std::memcpy(out, kTwoDigits.data() + 2 * value, 2); }

// "YYYY-MM-DDTHH:MM:SS." of one second: the calendar arithmetic, then a copy for every line
// of the same second (perf had shown the conversion at a quarter of an access line's cost).
struct SecondPrefix {
  std::int64_t second = std::numeric_limits<std::int64_t>::min();
  char text[20] = {};
};

void write_second_prefix(SecondPrefix& prefix, std::chrono::sys_seconds second) {
  const auto day = std::chrono::floor<date::days>(second);
  const date::year_month_day ymd{day};
  const auto seconds = (second - day).count();
  char* text = prefix.text;
  put_digits(text, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  text[4] = '-';
  put_digits(text + 5, static_cast<unsigned>(ymd.month()), 2);
  text[7] = '-';
  put_digits(text + 8, static_cast<unsigned>(ymd.day()), 2);
  text[10] = 'T';
  put_digits(text + 11, static_cast<unsigned>(seconds / 3600), 2);
  text[13] = ':';
  put_digits(text + 14, static_cast<unsigned>(seconds / 60 % 60), 2);
  text[16] = ':';
  put_digits(text + 17, static_cast<unsigned>(seconds % 60), 2);
  text[19] = '.';
  prefix.second = second.time_since_epoch().count();
}

}  // namespace

char* write_log_timestamp(char* text, std::chrono::system_clock::time_point now) {
  thread_local SecondPrefix prefix;  // each logging thread's last second
  // Plain integers from here: chrono's floor of a signed count costs a branch per step.
  constexpr std::int64_t kMicrosPerSecond = 1'000'000;
  const std::int64_t micros = std::chrono::floor<std::chrono::microseconds>(now).time_since_epoch().count();
  std::int64_t second = micros / kMicrosPerSecond;
  std::int64_t fraction = micros % kMicrosPerSecond;
  if (fraction < 0) {  // before 1970: division truncated toward zero
    fraction += kMicrosPerSecond;
    --second;
  }
  if (second != prefix.second) {
    write_second_prefix(prefix, std::chrono::sys_seconds(std::chrono::seconds(second)));
  }
  std::memcpy(text, prefix.text, sizeof prefix.text);
  const auto digits = static_cast<unsigned>(fraction);
  put_two_digits(text + 20, digits / 10000);
  put_two_digits(text + 22, digits / 100 % 100);
  put_two_digits(text + 24, digits % 100);
  text[26] = 'Z';
  return text + kLogTimestampSize;
}

std::chrono::system_clock::time_point wall_time_of(std::chrono::steady_clock::time_point instant) {
  using std::chrono::system_clock;
  struct ClockOffset {
    bool read = false;
    std::chrono::steady_clock::time_point when;  // the steady reading the offset was taken with
    system_clock::duration offset{};             // wall minus steady
  };
  thread_local ClockOffset last;
  if (!last.read || instant < last.when || instant - last.when >= std::chrono::seconds(1)) {
    const auto steady = std::chrono::steady_clock::now();
    const auto wall = system_clock::now();
    last = ClockOffset{
        true, steady,
        wall.time_since_epoch() - std::chrono::duration_cast<system_clock::duration>(steady.time_since_epoch())};
  }
  return system_clock::time_point(std::chrono::duration_cast<system_clock::duration>(instant.time_since_epoch()) +
                                  last.offset);
}

std::string log_timestamp(std::chrono::system_clock::time_point now) {
  char text[kLogTimestampSize];
  return std::string(text, write_log_timestamp(text, now));
}

}  // namespace oofgate::facade
