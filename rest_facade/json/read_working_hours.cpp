#include "rest_facade/json/read_working_hours.h"

#include "core/text/ascii.h"
#include "core/text/utf8.h"

namespace oofgate::rest {
namespace {

constexpr std::string_view kCustomTimeZoneType = "microsoft.graph.customTimeZone";
constexpr std::string_view kTimeZoneBaseType = "microsoft.graph.timeZoneBase";

// The shared members of standardTimeZoneOffset and daylightTimeZoneOffset.
bool read_transition_member(BodyReader& reader, std::string_view member, const JsonValue& v,
                            core::TimeZoneTransition& out) {
  if (core::iequals_ascii(member, "time")) {
    return reader.read_time_of_day(v, member, out.time);
  }
  if (core::iequals_ascii(member, "dayOccurrence")) {
    return reader.read_int32(v, member, out.day_occurrence);
  }
  if (core::iequals_ascii(member, "dayOfWeek")) {
    return reader.read_enum(v, member, "microsoft.graph.dayOfWeek", out.day_of_week);
  }
  if (core::iequals_ascii(member, "month")) {
    return reader.read_int32(v, member, out.month);
  }
  if (core::iequals_ascii(member, "year")) {
    return reader.read_int32(v, member, out.year);
  }
  return false;
}

// Graph: standardTimeZoneOffset.
bool read_standard_offset(BodyReader& reader, const JsonValue& value, core::TimeZoneTransition& out) {
  constexpr std::string_view kType = "microsoft.graph.standardTimeZoneOffset";
  if (!reader.expect_object(value, "standardOffset", kType)) {
    return false;
  }
  return reader.for_each_member(value, kType, [&](std::string_view member, const JsonValue& v) {
    return read_transition_member(reader, member, v, out);
  });
}

// Graph: daylightTimeZoneOffset.
bool read_daylight_offset(BodyReader& reader, const JsonValue& value, core::DaylightTransition& out) {
  constexpr std::string_view kType = "microsoft.graph.daylightTimeZoneOffset";
  if (!reader.expect_object(value, "daylightOffset", kType)) {
    return false;
  }
  return reader.for_each_member(value, kType, [&](std::string_view member, const JsonValue& v) {
    if (core::iequals_ascii(member, "daylightBias")) {
      return reader.read_int32(v, member, out.daylight_bias);
    }
    return read_transition_member(reader, member, v, out.transition);
  });
}

// The derived type named by "@odata.type", with or without the leading '#'.
std::string_view odata_type(const JsonValue& object) {
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (core::iequals_ascii(std::string_view(it->name.GetString(), it->name.GetStringLength()), "@odata.type") &&
        it->value.IsString()) {
      std::string_view type(it->value.GetString(), it->value.GetStringLength());
      if (!type.empty() && type.front() == '#') {
        type.remove_prefix(1);
      }
      return type;
    }
  }
  return kTimeZoneBaseType;
}

bool read_custom_time_zone(BodyReader& reader, const JsonValue& value, core::CustomTimeZone& out) {
  return reader.for_each_member(value, kCustomTimeZoneType, [&](std::string_view member, const JsonValue& v) {
    if (core::iequals_ascii(member, "bias")) {
      return reader.read_int32(v, member, out.bias);
    }
    if (core::iequals_ascii(member, "name")) {
      return reader.read_string(v, member, out.name);
    }
    if (core::iequals_ascii(member, "standardOffset")) {
      return read_standard_offset(reader, v, out.standard_offset.emplace());
    }
    if (core::iequals_ascii(member, "daylightOffset")) {
      return read_daylight_offset(reader, v, out.daylight_offset.emplace());
    }
    return false;
  });
}

// Graph: timeZoneBase, or customTimeZone when @odata.type says so.
bool read_time_zone(BodyReader& reader, const JsonValue& value, core::WorkingHoursTimeZone& out) {
  if (!reader.expect_object(value, "timeZone", kTimeZoneBaseType)) {
    return false;
  }
  const auto type = odata_type(value);
  if (core::iequals_ascii(type, kCustomTimeZoneType)) {
    return read_custom_time_zone(reader, value, out.emplace<core::CustomTimeZone>());
  }
  if (!core::iequals_ascii(type, kTimeZoneBaseType)) {
    return reader.fail(request_body_read_error("A type named '" + core::printable_excerpt(type) +
                                               "' could not be resolved by the model. When a model is available, each "
                                               "type name must resolve to a valid type."));
  }
  auto& named = out.emplace<core::NamedTimeZone>();
  return reader.for_each_member(value, kTimeZoneBaseType, [&](std::string_view member, const JsonValue& v) {
    if (core::iequals_ascii(member, "name")) {
      return reader.read_string(v, member, named.name);
    }
    return false;
  });
}

}  // namespace

bool read_working_hours(BodyReader& reader, const JsonValue& value, core::WorkingHoursPatch& out) {
  constexpr std::string_view kType = "microsoft.graph.workingHours";
  if (!reader.expect_object(value, "workingHours", kType)) {
    return false;
  }
  return reader.for_each_member(value, kType, [&](std::string_view member, const JsonValue& v) {
    if (core::iequals_ascii(member, "daysOfWeek")) {
      if (!reader.expect_array(v, member, "microsoft.graph.dayOfWeek")) {
        return false;
      }
      auto& days = out.days_of_week.emplace();
      for (const auto& item : v.GetArray()) {
        if (!reader.read_enum(item, member, "microsoft.graph.dayOfWeek", days.emplace_back())) {
          return false;
        }
      }
      return true;
    }
    if (core::iequals_ascii(member, "startTime")) {
      return reader.read_time_of_day(v, member, out.start_time.emplace());
    }
    if (core::iequals_ascii(member, "endTime")) {
      return reader.read_time_of_day(v, member, out.end_time.emplace());
    }
    if (core::iequals_ascii(member, "timeZone")) {
      return read_time_zone(reader, v, out.time_zone.emplace());
    }
    return false;
  });
}

}  // namespace oofgate::rest
