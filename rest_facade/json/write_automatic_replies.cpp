#include "rest_facade/json/serializers.h"
#include "rest_facade/wire/wire_enums.h"
#include "rest_facade/wire/wire_time.h"

namespace oofgate::rest {

void write_automatic_replies_members(JsonWriter& writer, const core::AutomaticReplies& replies) {
  write_member(writer, "status", to_wire(replies.state));
  write_member(writer, "externalAudience", to_wire(replies.external_audience));
  write_member(writer, "internalReplyMessage", replies.internal_reply_message);
  write_member(writer, "externalReplyMessage", replies.external_reply_message);
  write_key(writer, "scheduledStartDateTime");
  write_date_time_time_zone(writer, replies.scheduled_start);
  write_key(writer, "scheduledEndDateTime");
  write_date_time_time_zone(writer, replies.scheduled_end);
}

void write_date_time_time_zone(JsonWriter& writer, const core::DateTimeTimeZone& value) {
  writer.StartObject();
  write_member(writer, "dateTime", format_date_time(value.local));
  write_member(writer, "timeZone", value.time_zone);
  writer.EndObject();
}

}  // namespace oofgate::rest
