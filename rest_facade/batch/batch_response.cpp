#include "rest_facade/batch/batch_response.h"

#include "rest_facade/json/json_writer.h"

namespace oofgate::rest {
namespace {

namespace http = boost::beast::http;

bool is_json(std::string_view content_type) { return content_type.starts_with("application/json"); }

}  // namespace

void write_batch_item(std::string& out, std::string_view id, const facade::HttpResponse& response) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_member(writer, "id", id);
  write_key(writer, "status");
  writer.Uint(response.result_int());
  write_key(writer, "headers");
  writer.StartObject();
  for (const auto& field : response) {
    write_member(writer, std::string_view(field.name_string().data(), field.name_string().size()),
                 std::string_view(field.value().data(), field.value().size()));
  }
  writer.EndObject();
  const auto status = response.result();
  if (!response.body().empty() && status != http::status::no_content && status != http::status::not_modified) {
    write_key(writer, "body");
    const auto content_type = response[http::field::content_type];
    if (is_json(std::string_view(content_type.data(), content_type.size()))) {
      // The facade's own output: already well-formed JSON.
      writer.RawValue(response.body().data(), response.body().size(), rapidjson::kObjectType);
    } else {
      write_string(writer, response.body());
    }
  }
  writer.EndObject();
  out.append(buffer.GetString(), buffer.GetSize());
}

std::string batch_envelope(std::string_view items) {
  std::string out;
  out.reserve(items.size() + 16);
  out.append("{\"responses\":[").append(items).append("]}");
  return out;
}

}  // namespace oofgate::rest
