#include "rest_facade/json/write_error.h"

#include "rest_facade/json/json_writer.h"

namespace oofgate::rest {

std::string error_body(const GraphError& error, std::string_view date, std::string_view request_id,
                       std::string_view client_request_id) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "error");
  writer.StartObject();
  write_member(writer, "code", error.code);
  write_member(writer, "message", error.message);
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
