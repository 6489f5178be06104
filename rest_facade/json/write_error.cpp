#include "rest_facade/json/write_error.h"

#include "core/text/utf8.h"
#include "rest_facade/json/json_writer.h"

namespace oofgate::rest {
namespace {

// The factories excerpt client text already; this is the net for a message composed elsewhere
// (a core error naming a requested user, a handler's own text), so the body is always UTF-8.
std::string well_formed(const std::string& message) {
  if (core::is_valid_utf8(message)) {
    return message;
  }
  constexpr std::size_t kMostBytesPerInputByte = 4;  // "\xNN"
  return core::printable_excerpt(message, message.size() * kMostBytesPerInputByte + 1);
}

}  // namespace

std::string error_body(const GraphError& error, std::string_view date, std::string_view request_id,
                       std::string_view client_request_id) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "error");
  writer.StartObject();
  write_member(writer, "code", error.code);
  write_member(writer, "message", well_formed(error.message));
  // Graph spells it innerError (the errors doc's "innererror" is not what the service sends).
  write_key(writer, "innerError");
  writer.StartObject();
  write_member(writer, "date", date);
  write_member(writer, "request-id", request_id);
  write_member(writer, "client-request-id", client_request_id);
  writer.EndObject();
  writer.EndObject();
  writer.EndObject();
  return take_json(buffer);
}

}  // namespace oofgate::rest
