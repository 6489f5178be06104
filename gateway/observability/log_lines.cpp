#include "gateway/observability/log_lines.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include <date/date.h>

#include "core/text/utf8.h"
#include "facade_common/json_text.h"

namespace oofgate::gateway {
namespace {

void put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// "YYYY-MM-DDTHH:MM:SS.ffffffZ", written by hand: it is on every access line, and date::format
// goes through an ostringstream that cost more than the rest of the line.
std::string_view utc_timestamp(std::chrono::system_clock::time_point now, char (&out)[27]) {
  const auto micros = std::chrono::floor<std::chrono::microseconds>(now);
  const auto day = std::chrono::floor<date::days>(micros);
  const date::year_month_day ymd{day};
  const auto since_midnight = micros - day;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_midnight).count();
  put_digits(out, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  out[4] = '-';
  put_digits(out + 5, static_cast<unsigned>(ymd.month()), 2);
  out[7] = '-';
  put_digits(out + 8, static_cast<unsigned>(ymd.day()), 2);
  out[10] = 'T';
  put_digits(out + 11, static_cast<unsigned>(seconds / 3600), 2);
  out[13] = ':';
  put_digits(out + 14, static_cast<unsigned>(seconds / 60 % 60), 2);
  out[16] = ':';
  put_digits(out + 17, static_cast<unsigned>(seconds % 60), 2);
  out[19] = '.';
  put_digits(out + 20, static_cast<unsigned>(since_midnight.count() % 1000000), 6);
  out[26] = 'Z';
  return {out, sizeof out};
}

// One log line, built by appending: every field is a key and a string, a number or null, in a
// flat object or in the objects of one array (the audit's changes).
class JsonLine {
 public:
  JsonLine(std::string_view type, std::chrono::system_clock::time_point now) {
    line_.reserve(512);
    line_ += '{';
    char stamp[27];
    text("time", utc_timestamp(now, stamp));
    text("type", type);
  }

  // Client-chosen text (a client-request-id, an operation name) is made printable UTF-8 first.
  void text(std::string_view key, std::string_view value) {
    put_key(key);
    if (value.empty()) {
      line_ += "null";
    } else if (core::is_valid_utf8(value)) {
      facade::append_json_string(line_, value);
    } else {
      facade::append_json_string(line_, core::printable_excerpt(value, 256));
    }
  }
  void number(std::string_view key, std::uint64_t value) {
    put_key(key);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    line_.append(digits, end);
  }
  void open(std::string_view key, char bracket) {
    put_key(key);
    line_ += bracket;
    first_ = true;
  }
  void open_element() {
    if (!first_) {
      line_ += ',';
    }
    line_ += '{';
    first_ = true;
  }
  void close(char bracket) {
    line_ += bracket;
    first_ = false;
  }
  std::string take() {
    line_ += "}\n";
    return std::move(line_);
  }

 private:
  void put_key(std::string_view key) {
    if (!first_) {
      line_ += ',';
    }
    first_ = false;
    line_ += '"';
    line_.append(key);  // keys are this file's own plain literals
    line_ += "\":";
  }

  std::string line_;
  bool first_ = true;
};

}  // namespace

std::string access_log_line(const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now) {
  JsonLine line("access", now);
  line.text("request_id", trace.request_id);
  line.text("client_request_id", trace.client_request_id);
  line.text("remote_address", facts.remote_address);
  line.text("facade", trace.facade);
  line.text("operation", trace.operation);
  line.text("caller", trace.subject);
  line.text("mailbox", trace.mailbox);
  line.number("status", facts.status);
  line.number("duration_us", static_cast<std::uint64_t>(std::max<std::int64_t>(facts.duration.count(), 0)));
  line.number("bytes_in", facts.bytes_in);
  line.number("bytes_out", facts.bytes_out);
  return line.take();
}

std::string audit_log_line(const core::SettingsChange& change, std::chrono::system_clock::time_point now) {
  JsonLine line("audit", now);
  line.text("request_id", change.origin.request_id);
  line.text("caller", change.origin.subject);
  line.text("facade", change.origin.facade);
  line.text("operation", change.origin.operation);
  line.text("mailbox", change.mailbox_id);
  line.open("changes", '[');
  for (const auto& property : change.changes) {
    line.open_element();
    line.text("property", property.property);
    line.text("from", property.before);
    line.text("to", property.after);
    line.close('}');
  }
  line.close(']');
  return line.take();
}

}  // namespace oofgate::gateway
