#include "gateway/observability/log_lines.h"

#include <rapidjson/writer.h>

#include <date/date.h>

#include "core/text/utf8.h"

namespace oofgate::gateway {
namespace {

// RapidJSON's output stream concept over the line itself: the line is built in place, with room
// for a typical line reserved up front, instead of in a StringBuffer and copied out.
class LineStream {
 public:
  using Ch = char;
  LineStream() { line_.reserve(512); }
  void Put(char c) { line_.push_back(c); }
  void Flush() {}
  std::string take() {
    line_.push_back('\n');
    return std::move(line_);
  }

 private:
  std::string line_;
};

using JsonWriter = rapidjson::Writer<LineStream>;

// Client-chosen text (a client-request-id, an operation name) is made printable UTF-8 first.
void text(JsonWriter& writer, std::string_view key, std::string_view value) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  if (value.empty()) {
    writer.Null();
    return;
  }
  if (core::is_valid_utf8(value)) {
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    return;
  }
  const std::string safe = core::printable_excerpt(value, 256);
  writer.String(safe.data(), static_cast<rapidjson::SizeType>(safe.size()));
}

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

void start(JsonWriter& writer, std::string_view type, std::chrono::system_clock::time_point now) {
  writer.StartObject();
  char stamp[27];
  text(writer, "time", utc_timestamp(now, stamp));
  text(writer, "type", type);
}

}  // namespace

std::string access_log_line(const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now) {
  LineStream line;
  JsonWriter writer(line);
  start(writer, "access", now);
  text(writer, "request_id", trace.request_id);
  text(writer, "client_request_id", trace.client_request_id);
  text(writer, "remote_address", facts.remote_address);
  text(writer, "facade", trace.facade);
  text(writer, "operation", trace.operation);
  text(writer, "caller", trace.subject);
  text(writer, "mailbox", trace.mailbox);
  writer.Key("status");
  writer.Uint(facts.status);
  writer.Key("duration_us");
  writer.Int64(facts.duration.count());
  writer.Key("bytes_in");
  writer.Uint64(facts.bytes_in);
  writer.Key("bytes_out");
  writer.Uint64(facts.bytes_out);
  writer.EndObject();
  return line.take();
}

std::string audit_log_line(const core::SettingsChange& change, std::chrono::system_clock::time_point now) {
  LineStream line;
  JsonWriter writer(line);
  start(writer, "audit", now);
  text(writer, "request_id", change.origin.request_id);
  text(writer, "caller", change.origin.subject);
  text(writer, "facade", change.origin.facade);
  text(writer, "operation", change.origin.operation);
  text(writer, "mailbox", change.mailbox_id);
  writer.Key("changes");
  writer.StartArray();
  for (const auto& property : change.changes) {
    writer.StartObject();
    text(writer, "property", property.property);
    text(writer, "from", property.before);
    text(writer, "to", property.after);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return line.take();
}

}  // namespace oofgate::gateway
