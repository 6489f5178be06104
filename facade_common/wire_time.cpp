#include "facade_common/wire_time.h"

#include <cstdint>
#include <string>

#include <date/date.h>

namespace oofgate::facade {
namespace {

constexpr int kFractionDigits = 7;

// Reads exactly `width` decimal digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// hh:mm:ss(.f{1,7})? at pos; returns the time since midnight in ticks.
std::optional<core::Ticks> clock_time(std::string_view text, std::size_t& pos, bool fraction_may_be_empty) {
  const auto h = digits(text, pos, 2);
  if (!h || !expect(text, pos, ':')) {
    return std::nullopt;
  }
  const auto m = digits(text, pos, 2);
  if (!m || !expect(text, pos, ':')) {
    return std::nullopt;
  }
  const auto s = digits(text, pos, 2);
  if (!s || *h > 23 || *m > 59 || *s > 59) {
    return std::nullopt;
  }
  std::int64_t ticks = 0;
  if (expect(text, pos, '.')) {
    int count = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (++count > kFractionDigits) {
        return std::nullopt;
      }
      ticks = ticks * 10 + (text[pos] - '0');
      ++pos;
    }
    if (count == 0 && !fraction_may_be_empty) {
      return std::nullopt;
    }
    for (; count < kFractionDigits; ++count) {
      ticks *= 10;
    }
  }
  using std::chrono::hours;
  using std::chrono::minutes;
  using std::chrono::seconds;
  return std::chrono::duration_cast<core::Ticks>(hours{*h} + minutes{*m} + seconds{*s}) + core::Ticks{ticks};
}

// Appends `value` as exactly `width` decimal digits (value is in range by construction); written
// by hand because snprintf was most of the cost of rendering a body (callgrind).
void append_digits(std::string& out, std::int64_t value, int width) {
  char buffer[8];
  for (int i = width - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer, static_cast<std::size_t>(width));
}

void append_clock_time(std::string& out, core::Ticks since_midnight) {
  const auto total = since_midnight.count();
  const auto seconds_total = total / 10'000'000;
  append_digits(out, seconds_total / 3600, 2);
  out += ':';
  append_digits(out, seconds_total / 60 % 60, 2);
  out += ':';
  append_digits(out, seconds_total % 60, 2);
  out += '.';
  append_digits(out, total % 10'000'000, kFractionDigits);
}

}  // namespace

std::optional<WireDateTime> parse_date_time(std::string_view text) {
  std::size_t pos = 0;
  const auto y = digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) {
    return std::nullopt;
  }
  const auto mo = digits(text, pos, 2);
  if (!mo || !expect(text, pos, '-')) {
    return std::nullopt;
  }
  const auto d = digits(text, pos, 2);
  if (!d || !(expect(text, pos, 'T') || expect(text, pos, 't'))) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*mo)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  const auto time = clock_time(text, pos, false);
  if (!time) {
    return std::nullopt;
  }
  WireDateTime result;
  result.local = core::LocalDateTime{date::local_days{ymd}.time_since_epoch() + *time};
  if (!core::in_supported_range(result.local)) {
    return std::nullopt;  // year 0000
  }
  if (pos == text.size()) {
    return result;
  }
  if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) {
    result.utc_offset = std::chrono::minutes{0};
    return result;
  }
  const char sign = text[pos];
  if (sign != '+' && sign != '-') {
    return std::nullopt;
  }
  ++pos;
  const auto oh = digits(text, pos, 2);
  if (!oh || !expect(text, pos, ':')) {
    return std::nullopt;
  }
  const auto om = digits(text, pos, 2);
  if (!om || pos != text.size() || *oh > 14 || *om > 59) {
    return std::nullopt;
  }
  const std::chrono::minutes offset{*oh * 60 + *om};
  result.utc_offset = sign == '+' ? offset : -offset;
  // As .NET's DateTimeOffset: the instant named, not only the reading, must be in 0001-9999.
  if (!core::in_supported_range(core::Instant{result.local.time_since_epoch() - *result.utc_offset})) {
    return std::nullopt;
  }
  return result;
}

std::string format_date_time(core::LocalDateTime value) {
  const auto day = date::floor<date::days>(value);
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  std::string out;
  out.reserve(27);
  if (year >= 0 && year <= 9999) {
    append_digits(out, year, 4);
  } else {
    out += std::to_string(year);  // outside what Graph parses; written plainly rather than truncated
  }
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.day()), 2);
  out += 'T';
  append_clock_time(out, value - day);
  return out;
}

std::optional<core::TimeOfDay> parse_time_of_day(std::string_view text) {
  std::size_t pos = 0;
  const auto time = clock_time(text, pos, false);
  if (!time || pos != text.size()) {
    return std::nullopt;
  }
  return *time;
}

std::string format_time_of_day(core::TimeOfDay value) {
  std::string out;
  append_clock_time(out, value);
  return out;
}

std::string format_error_date(core::Instant value) {
  const auto seconds = date::floor<std::chrono::seconds>(value);
  return date::format("%Y-%m-%dT%H:%M:%S", seconds);
}

}  // namespace oofgate::facade
