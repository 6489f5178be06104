#include "gateway/observability/log_lines.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <date/date.h>

#include "core/text/utf8.h"

namespace oofgate::gateway {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Client-chosen text (a client-request-id, an operation name) is made printable UTF-8 first.
void text(JsonWriter& writer, std::string_view key, std::string_view value) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  if (value.empty()) {
    writer.Null();
    return;
  }
  const std::string safe = core::is_valid_utf8(value) ? std::string(value) : core::printable_excerpt(value, 256);
  writer.String(safe.data(), static_cast<rapidjson::SizeType>(safe.size()));
}

void start(JsonWriter& writer, std::string_view type, std::chrono::system_clock::time_point now) {
  writer.StartObject();
  text(writer, "time", date::format("%FT%TZ", std::chrono::floor<std::chrono::microseconds>(now)));
  text(writer, "type", type);
}

std::string finish(rapidjson::StringBuffer& buffer) {
  std::string line(buffer.GetString(), buffer.GetSize());
  line += '\n';
  return line;
}

}  // namespace

std::string access_log_line(const core::RequestTrace& trace, const AccessFacts& facts,
                            std::chrono::system_clock::time_point now) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
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
  return finish(buffer);
}

std::string audit_log_line(const core::SettingsChange& change, std::chrono::system_clock::time_point now) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
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
  return finish(buffer);
}

}  // namespace oofgate::gateway
