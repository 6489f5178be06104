#include "gateway/observability/log_lines.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "core/text/utf8.h"
#include "facade_common/json_text.h"
#include "facade_common/log_time.h"

namespace oofgate::gateway {
namespace {

// One log line, appended to a buffer (a log writer's lane, or a string of its own): every field
// is a key and a string, a number or null, in a flat object or in the objects of one array (the
// audit's changes).
class JsonLine {
 public:
  JsonLine(std::string& out, std::string_view type, std::chrono::system_clock::time_point now) : line_(out) {
    line_ += R"({"time":")";
    facade::append_log_timestamp(line_, now);
    line_ += '"';
    first_ = false;
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
  void finish() { line_ += "}\n"; }

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

  std::string& line_;
  bool first_ = true;
};

}  // namespace

void append_access_log_line(std::string& out, const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now) {
  JsonLine line(out, "access", now);
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
  line.finish();
}

std::string access_log_line(const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now) {
  std::string line;
  line.reserve(512);
  append_access_log_line(line, trace, facts, now);
  return line;
}

std::string audit_log_line(const core::SettingsChange& change, std::chrono::system_clock::time_point now) {
  std::string out;
  out.reserve(512);
  JsonLine line(out, "audit", now);
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
  line.finish();
  return out;
}

}  // namespace oofgate::gateway
