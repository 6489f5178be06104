#include "gateway/observability/log_lines.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>

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

namespace {

// The names of an access record's texts, in their order in the record.
constexpr std::array<std::string_view, AccessRecord::kTexts> kAccessTextKeys{
    "request_id", "client_request_id", "remote_address", "facade", "operation", "caller", "mailbox"};
using AccessRecordHead = AccessRecord::Head;
constexpr std::size_t kAccessTexts = AccessRecord::kTexts;

// The line's numbers, after its texts.
constexpr std::array<std::string_view, 4> kAccessNumberKeys{"status", "duration_us", "bytes_in", "bytes_out"};
std::array<std::uint64_t, 4> access_numbers(const AccessRecordHead& head) {
  return {head.status, head.duration_us, head.bytes_in, head.bytes_out};
}

// `,"key":` of one field, made at compile time, stored in a fixed-size array so the fast path
// copies it with one fixed-size move.
constexpr std::size_t kKeyPrefixRoom = 24;
struct KeyPrefix {
  std::array<char, kKeyPrefixRoom> text{};
  std::size_t size = 0;
};
constexpr KeyPrefix key_prefix(std::string_view key) {
  KeyPrefix prefix;
  prefix.text.at(0) = ',';
  prefix.text.at(1) = '"';
  std::size_t at = 2;
  for (const char c : key) {
    prefix.text.at(at++) = c;  // a key too long for the array fails to compile
  }
  prefix.text.at(at++) = '"';
  prefix.text.at(at++) = ':';
  prefix.size = at;
  return prefix;
}
template <std::size_t N>
constexpr std::array<KeyPrefix, N> key_prefixes(const std::array<std::string_view, N>& keys) {
  std::array<KeyPrefix, N> prefixes{};
  for (std::size_t i = 0; i < N; ++i) {
    prefixes.at(i) = key_prefix(keys.at(i));
  }
  return prefixes;
}
constexpr auto kAccessTextPrefixes = key_prefixes(kAccessTextKeys);
constexpr auto kAccessNumberPrefixes = key_prefixes(kAccessNumberKeys);

template <std::size_t N>
char* put_literal(char* at, const char (&literal)[N]) {
  std::memcpy(at, literal, N - 1);
  return at + N - 1;
}

// The most text bytes of a line the fast path takes, and the room it writes such a line in.
constexpr std::size_t kPlainTextRoom = 512;
constexpr std::size_t kDigits = 20;  // of the largest std::uint64_t
constexpr std::size_t kPlainLineRoom = 64 + facade::kLogTimestampSize +
                                       kAccessTexts * (kKeyPrefixRoom + 2 + facade::kPlainCopySlack) + kPlainTextRoom +
                                       kAccessNumberKeys.size() * (kKeyPrefixRoom + kDigits);

// The fast path of render_access_record, for a line whose texts (`texts`: their bytes one after
// another, sizes in `head`, kPlainTextRoom at most) are all plain ASCII with nothing to escape, as
// nearly every line's are (ids, addresses and names the gateway chose): written straight into
// the batch at `at` (room for kPlainLineRoom bytes) with fixed-size moves and vector-at-a-time
// checked copies (perf had put the general path's small variable-size copies, its escaping
// checks and the zeroed room it grows its buffer by at two thirds of a line's cost, and a copy
// through a buffer of its own at a fifth of what was left). Returns the line's end, or nullptr
// (what was written at `at` to be discarded) for any other line.
char* write_plain_access_line(const AccessRecordHead& head, const char* texts,
                              std::chrono::system_clock::time_point time, char* at) {
  at = put_literal(at, R"({"time":")");
  at = facade::write_log_timestamp(at, time);
  at = put_literal(at, R"(","type":"access")");
  for (std::size_t i = 0; i < kAccessTexts; ++i) {
    std::memcpy(at, kAccessTextPrefixes.at(i).text.data(), kAccessTextPrefixes.at(i).text.size());
    at += kAccessTextPrefixes.at(i).size;
    const std::size_t size = head.sizes.at(i);
    if (size == 0) {
      at = put_literal(at, "null");
      continue;
    }
    *at++ = '"';
    at = facade::copy_if_plain(at, std::string_view(texts, size));
    if (at == nullptr) {
      return nullptr;
    }
    texts += size;
    *at++ = '"';
  }
  const auto numbers = access_numbers(head);
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    std::memcpy(at, kAccessNumberPrefixes.at(i).text.data(), kAccessNumberPrefixes.at(i).text.size());
    at += kAccessNumberPrefixes.at(i).size;
    at = std::to_chars(at, at + kDigits, numbers.at(i)).ptr;
  }
  return put_literal(at, "}\n");
}

}  // namespace

AccessRecord::AccessRecord(const core::RequestTrace& trace, const AccessFacts& facts,
                           std::chrono::system_clock::time_point now)
    : texts_{trace.request_id, trace.client_request_id, facts.remote_address, trace.facade,
             trace.operation,  trace.subject,           trace.mailbox} {
  head_.time_us = std::chrono::floor<std::chrono::microseconds>(now).time_since_epoch().count();
  head_.duration_us = static_cast<std::uint64_t>(std::max<std::int64_t>(facts.duration.count(), 0));
  head_.bytes_in = facts.bytes_in;
  head_.bytes_out = facts.bytes_out;
  head_.status = facts.status;
  for (std::size_t i = 0; i < texts_.size(); ++i) {
    // Every text is bounded by the request's header limit or by the gateway's own values.
    texts_.at(i) = texts_.at(i).substr(0, std::numeric_limits<std::uint32_t>::max());
    head_.sizes.at(i) = static_cast<std::uint32_t>(texts_.at(i).size());
    size_ += texts_.at(i).size();
  }
}

void AccessRecord::write_to(char* at) const noexcept {
  std::memcpy(at, &head_, sizeof head_);
  at += sizeof head_;
  for (const auto& text : texts_) {
    // An absent text is an empty view whose data may be null, which memcpy must not be given.
    if (!text.empty()) {
      std::memcpy(at, text.data(), text.size());
      at += text.size();
    }
  }
}

void render_access_record(std::string_view record, ByteBuffer& out) {
  AccessRecordHead head;
  if (record.size() < sizeof head) {
    return;  // not a record AccessRecord wrote
  }
  std::memcpy(&head, record.data(), sizeof head);
  std::uint64_t text_bytes = 0;  // seven 32-bit sizes: no overflow
  for (const std::uint32_t size : head.sizes) {
    text_bytes += size;
  }
  if (record.size() - sizeof head < text_bytes) {
    return;
  }
  const char* const texts = record.data() + sizeof head;
  const std::chrono::system_clock::time_point time{std::chrono::microseconds(head.time_us)};
  if (text_bytes <= kPlainTextRoom) {
    const std::size_t start = out.size();
    char* const line = out.extend(kPlainLineRoom);
    if (const char* end = write_plain_access_line(head, texts, time, line)) {
      out.truncate(start + static_cast<std::size_t>(end - line));
      return;
    }
    out.truncate(start);
  }
  std::string text;
  JsonLine line(text, "access", time);
  std::size_t at = 0;
  for (std::size_t i = 0; i < kAccessTexts; ++i) {
    line.text(kAccessTextKeys.at(i), std::string_view(texts + at, head.sizes.at(i)));
    at += head.sizes.at(i);
  }
  const auto numbers = access_numbers(head);
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    line.number(kAccessNumberKeys.at(i), numbers.at(i));
  }
  line.finish();
  out.append(text);
}

std::string access_log_line(const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now) {
  const AccessRecord record(trace, facts, now);
  std::string bytes(record.size(), '\0');
  record.write_to(bytes.data());
  ByteBuffer line;
  render_access_record(bytes, line);
  return std::string(line.view());
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
