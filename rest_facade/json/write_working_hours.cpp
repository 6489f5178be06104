#include <variant>

#include "rest_facade/json/serializers.h"
#include "rest_facade/wire/wire_enums.h"
#include "rest_facade/wire/wire_time.h"

namespace oofgate::rest {
namespace {

// Graph: standardTimeZoneOffset; daylightTimeZoneOffset adds daylightBias after these.
void write_transition_members(JsonWriter& writer, const core::TimeZoneTransition& transition) {
  write_member(writer, "time", format_time_of_day(transition.time));
  write_key(writer, "dayOccurrence");
  writer.Int(transition.day_occurrence);
  write_member(writer, "dayOfWeek", to_wire(transition.day_of_week));
  write_key(writer, "month");
  writer.Int(transition.month);
  write_key(writer, "year");
  writer.Int(transition.year);
}

void write_custom_time_zone(JsonWriter& writer, const core::CustomTimeZone& zone) {
  writer.StartObject();
  write_member(writer, "@odata.type", "#microsoft.graph.customTimeZone");
  write_key(writer, "bias");
  writer.Int(zone.bias);
  write_member(writer, "name", zone.name);
  if (zone.standard_offset) {
    write_key(writer, "standardOffset");
    writer.StartObject();
    write_transition_members(writer, *zone.standard_offset);
    writer.EndObject();
  }
  if (zone.daylight_offset) {
    write_key(writer, "daylightOffset");
    writer.StartObject();
    write_transition_members(writer, zone.daylight_offset->transition);
    write_key(writer, "daylightBias");
    writer.Int(zone.daylight_offset->daylight_bias);
    writer.EndObject();
  }
  writer.EndObject();
}

}  // namespace

void write_working_hours_time_zone(JsonWriter& writer, const core::WorkingHoursTimeZone& zone) {
  if (const auto* custom = std::get_if<core::CustomTimeZone>(&zone)) {
    write_custom_time_zone(writer, *custom);
    return;
  }
  writer.StartObject();
  write_member(writer, "name", std::get<core::NamedTimeZone>(zone).name);
  writer.EndObject();
}

void write_working_hours_members(JsonWriter& writer, const core::WorkingHours& hours) {
  write_key(writer, "daysOfWeek");
  writer.StartArray();
  for (auto day : hours.days_of_week) {
    write_string(writer, to_wire(day));
  }
  writer.EndArray();
  write_member(writer, "startTime", format_time_of_day(hours.start_time));
  write_member(writer, "endTime", format_time_of_day(hours.end_time));
  write_key(writer, "timeZone");
  write_working_hours_time_zone(writer, hours.time_zone);
}

}  // namespace oofgate::rest
