#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "core/model/date_time.h"
#include "core/text/ascii.h"

#include "rest_facade/graph_error.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {

using JsonValue = rapidjson::Value;

// Type-checked reads of request-body values. Each read either stores the value or records the
// first error in the Graph (OData reader) wording and returns false; callers stop at false.
class BodyReader {
 public:
  const GraphError& error() const { return *error_; }
  bool fail(GraphError error);

  // Graph type names (e.g. "microsoft.graph.workingHours") feed the OData-style messages.
  bool expect_object(const JsonValue& value, std::string_view name, std::string_view type);
  bool expect_array(const JsonValue& value, std::string_view name, std::string_view type);
  bool read_string(const JsonValue& value, std::string_view name, std::string& out);
  bool read_int32(const JsonValue& value, std::string_view name, std::int32_t& out);
  bool read_time_of_day(const JsonValue& value, std::string_view name, core::TimeOfDay& out);

  template <typename Enum>
  bool read_enum(const JsonValue& value, std::string_view name, std::string_view type, Enum& out) {
    if (!expect_primitive(value, name, type, rapidjson::kStringType)) {
      return false;
    }
    const std::string_view text(value.GetString(), value.GetStringLength());
    const auto parsed = enum_from_wire<Enum>(text);
    if (!parsed) {
      // Graph's documented daysOfWeek error; used for every enum so clients see one shape.
      return fail(requested_value_not_found_error(text));
    }
    out = *parsed;
    return true;
  }

  // Calls on_member(name, value) for each member that is not an instance annotation
  // ("@odata.context", "x@odata.type"); on_member returns false after fail(), or
  // unknown_property() for names the type does not have. Duplicate names are rejected, as
  // Graph's OData reader does ("Duplicate property named ..."), rather than last-wins.
  template <typename OnMember>
  bool for_each_member(const JsonValue& object, std::string_view type, OnMember on_member) {
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
      const std::string_view name(it->name.GetString(), it->name.GetStringLength());
      if (name.find('@') != std::string_view::npos) {
        continue;
      }
      for (auto previous = object.MemberBegin(); previous != it; ++previous) {
        if (core::iequals_ascii(std::string_view(previous->name.GetString(), previous->name.GetStringLength()), name)) {
          return duplicate_property(name);
        }
      }
      if (!on_member(name, it->value)) {
        if (!error_) {
          unknown_property(name, type);
        }
        return false;
      }
    }
    return true;
  }

  bool unknown_property(std::string_view name, std::string_view type);
  bool duplicate_property(std::string_view name);

 private:
  bool expect_primitive(const JsonValue& value, std::string_view name, std::string_view type, rapidjson::Type expected);

  std::optional<GraphError> error_;
};

}  // namespace oofgate::rest
