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
// audit's changes). Each field first makes room for the most it can take and is then written
// through a pointer: an access line costs one resize of its buffer, not fifty small appends
// (perf had shown the appends at half the cost of the line).
class JsonLine {
 public:
  JsonLine(std::string& out, std::string_view type, std::chrono::system_clock::time_point now) : out_(out) {
    const std::size_t start = out_.size();
    out_.resize(start + kWindow);
    cursor_ = out_.data() + start;
    limit_ = out_.data() + out_.size();
    put(R"({"time":")");
    cursor_ = facade::write_log_timestamp(cursor_, now);
    *cursor_++ = '"';
    first_ = false;
    text("type", type);
  }

  // Client-chosen text (a client-request-id, an operation name) that is not UTF-8 is written as
  // its printable excerpt instead; the check is made in the same pass as the escaping.
  void text(std::string_view key, std::string_view value) {
    if (value.empty()) {
      put_key(key, 4);
      put("null");
      return;
    }
    put_key(key, facade::json_string_bound(value.size()));
    if (char* end = facade::write_json_string_if_utf8(cursor_, value)) {
      cursor_ = end;
      return;
    }
    const std::string printable = core::printable_excerpt(value, 256);
    make_room(facade::json_string_bound(printable.size()));
    cursor_ = facade::write_json_string(cursor_, printable);
  }
  void number(std::string_view key, std::uint64_t value) {
    constexpr std::size_t kDigits = 20;  // of the largest std::uint64_t
    put_key(key, kDigits);
    cursor_ = std::to_chars(cursor_, cursor_ + kDigits, value).ptr;
  }
  void open(std::string_view key, char bracket) {
    put_key(key, 1);
    *cursor_++ = bracket;
    first_ = true;
  }
  void open_element() {
    make_room(2);
    if (!first_) {
      *cursor_++ = ',';
    }
    *cursor_++ = '{';
    first_ = true;
  }
  void close(char bracket) {
    make_room(1);
    *cursor_++ = bracket;
    first_ = false;
  }
  // Ends the line and gives the buffer back the room not used.
  void finish() {
    make_room(2);
    put("}\n");
    out_.resize(static_cast<std::size_t>(cursor_ - out_.data()));
  }

 private:
  // Room made at once for a line's first fields: an access line fits, an audit line may grow.
  static constexpr std::size_t kWindow = 1024;

  // A comma when needed, the quoted key and a colon, then room for `value_bound` more bytes.
  void put_key(std::string_view key, std::size_t value_bound) {
    make_room(key.size() + 4 + value_bound);
    if (!first_) {
      *cursor_++ = ',';
    }
    first_ = false;
    *cursor_++ = '"';
    put(key);  // keys are this file's own plain literals
    *cursor_++ = '"';
    *cursor_++ = ':';
  }
  void put(std::string_view text) { cursor_ = std::copy(text.begin(), text.end(), cursor_); }
  void make_room(std::size_t bytes) {
    if (static_cast<std::size_t>(limit_ - cursor_) < bytes) {
      const auto used = static_cast<std::size_t>(cursor_ - out_.data());
      out_.resize(used + bytes + kWindow);
      cursor_ = out_.data() + used;
      limit_ = out_.data() + out_.size();
    }
  }

  std::string& out_;
  char* cursor_ = nullptr;  // where the next byte goes, inside out_
  char* limit_ = nullptr;   // the end of out_: room is [cursor_, limit_)
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
  append_access_log_line(line, trace, facts, now);
  return line;
}

void append_audit_log_line(std::string& out, const core::SettingsChange& change,
                           std::chrono::system_clock::time_point now) {
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
}

std::string audit_log_line(const core::SettingsChange& change, std::chrono::system_clock::time_point now) {
  std::string line;
  append_audit_log_line(line, change, now);
  return line;
}

}  // namespace oofgate::gateway
