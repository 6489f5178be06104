#include "rest_facade/json/body_reader.h"

#include "core/text/utf8.h"

#include "rest_facade/wire/wire_time.h"

namespace oofgate::rest {
namespace {

std::string_view node_kind(const JsonValue& value) {
  if (value.IsObject()) {
    return "StartObject";
  }
  if (value.IsArray()) {
    return "StartArray";
  }
  return "PrimitiveValue";
}

std::string unexpected_node(const JsonValue& value, std::string_view expected) {
  return "An unexpected '" + std::string(node_kind(value)) + "' node was found when reading from the JSON reader. A '" +
         std::string(expected) + "' node was expected.";
}

std::string null_value(std::string_view name, std::string_view type) {
  const std::string full = std::string(type) + "[Nullable=False]";
  return "A null value was found for the property named '" + std::string(name) + "', which has the expected type '" +
         full + "'. The expected type '" + full + "' does not allow null values.";
}

}  // namespace

bool BodyReader::fail(GraphError error) {
  if (!error_) {
    error_ = std::move(error);
  }
  return false;
}

bool BodyReader::unknown_property(std::string_view name, std::string_view type) {
  return fail(request_body_read_error("The property '" + core::printable_excerpt(name) + "' does not exist on type '" +
                                      std::string(type) +
                                      "'. Make sure to only use property names that are defined by the type or mark "
                                      "the type as open type."));
}

bool BodyReader::duplicate_property(std::string_view name) {
  return fail(request_body_read_error("Duplicate property named '" + core::printable_excerpt(name) + "' was found."));
}

bool BodyReader::expect_object(const JsonValue& value, std::string_view name, std::string_view type) {
  if (value.IsNull()) {
    return fail(request_body_read_error(null_value(name, type)));
  }
  if (!value.IsObject()) {
    return fail(request_body_read_error(unexpected_node(value, "StartObject")));
  }
  return true;
}

bool BodyReader::expect_array(const JsonValue& value, std::string_view name, std::string_view type) {
  if (value.IsNull()) {
    return fail(request_body_read_error(null_value(name, "Collection(" + std::string(type) + ")")));
  }
  if (!value.IsArray()) {
    return fail(request_body_read_error(unexpected_node(value, "StartArray")));
  }
  return true;
}

bool BodyReader::expect_primitive(const JsonValue& value, std::string_view name, std::string_view type,
                                  rapidjson::Type expected) {
  if (value.IsNull()) {
    return fail(request_body_read_error(null_value(name, type)));
  }
  if (value.IsObject() || value.IsArray()) {
    return fail(request_body_read_error(unexpected_node(value, "PrimitiveValue")));
  }
  if (value.GetType() != expected) {
    return fail(request_body_read_error("Cannot convert a primitive value to the expected type '" + std::string(type) +
                                        "'. See the inner exception for more details."));
  }
  return true;
}

bool BodyReader::read_string(const JsonValue& value, std::string_view name, std::string& out) {
  if (!expect_primitive(value, name, "Edm.String", rapidjson::kStringType)) {
    return false;
  }
  out.assign(value.GetString(), value.GetStringLength());
  return true;
}

bool BodyReader::read_int32(const JsonValue& value, std::string_view name, std::int32_t& out) {
  if (!expect_primitive(value, name, "Edm.Int32", rapidjson::kNumberType)) {
    return false;
  }
  if (!value.IsInt()) {
    return fail(
        request_body_read_error("Cannot convert a primitive value to the expected type 'Edm.Int32'. See the "
                                "inner exception for more details."));
  }
  out = value.GetInt();
  return true;
}

bool BodyReader::read_time_of_day(const JsonValue& value, std::string_view name, core::TimeOfDay& out) {
  if (!expect_primitive(value, name, "Edm.TimeOfDay", rapidjson::kStringType)) {
    return false;
  }
  const std::string_view text(value.GetString(), value.GetStringLength());
  const auto parsed = parse_time_of_day(text);
  if (!parsed) {
    // Graph: documented PATCH workingHours error for a bad startTime/endTime literal.
    return fail(literal_conversion_error(text, "Edm.TimeOfDay"));
  }
  out = *parsed;
  return true;
}

}  // namespace oofgate::rest
