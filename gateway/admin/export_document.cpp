#include "gateway/admin/export_document.h"

#include <limits>
#include <optional>
#include <variant>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "rest_facade/wire/wire_enums.h"
#include "rest_facade/wire/wire_time.h"

namespace oofgate::gateway {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
using rapidjson::Value;

constexpr const char* kFormatName = "oofgate-export";

void key(Writer& writer, const char* name) { writer.Key(name); }
void text(Writer& writer, const char* name, std::string_view value) {
  writer.Key(name);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
void integer(Writer& writer, const char* name, std::int64_t value) {
  writer.Key(name);
  writer.Int64(value);
}

void write_date_time(Writer& writer, const char* name, const core::DateTimeTimeZone& value) {
  key(writer, name);
  writer.StartObject();
  text(writer, "dateTime", rest::format_date_time(value.local));
  text(writer, "timeZone", value.time_zone);
  writer.EndObject();
}

void write_transition(Writer& writer, const core::TimeZoneTransition& transition) {
  text(writer, "time", rest::format_time_of_day(transition.time));
  integer(writer, "dayOccurrence", transition.day_occurrence);
  text(writer, "dayOfWeek", rest::to_wire(transition.day_of_week));
  integer(writer, "month", transition.month);
  integer(writer, "year", transition.year);
}

void write_working_hours(Writer& writer, const core::WorkingHours& hours) {
  key(writer, "workingHours");
  writer.StartObject();
  key(writer, "daysOfWeek");
  writer.StartArray();
  for (auto day : hours.days_of_week) {
    const auto name = rest::to_wire(day);
    writer.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  }
  writer.EndArray();
  text(writer, "startTime", rest::format_time_of_day(hours.start_time));
  text(writer, "endTime", rest::format_time_of_day(hours.end_time));
  key(writer, "timeZone");
  writer.StartObject();
  if (const auto* named = std::get_if<core::NamedTimeZone>(&hours.time_zone)) {
    text(writer, "name", named->name);
  } else {
    const auto& custom = std::get<core::CustomTimeZone>(hours.time_zone);
    key(writer, "custom");
    writer.StartObject();
    integer(writer, "bias", custom.bias);
    text(writer, "name", custom.name);
    if (custom.standard_offset) {
      key(writer, "standardOffset");
      writer.StartObject();
      write_transition(writer, *custom.standard_offset);
      writer.EndObject();
    }
    if (custom.daylight_offset) {
      key(writer, "daylightOffset");
      writer.StartObject();
      write_transition(writer, custom.daylight_offset->transition);
      integer(writer, "daylightBias", custom.daylight_offset->daylight_bias);
      writer.EndObject();
    }
    writer.EndObject();
  }
  writer.EndObject();
  writer.EndObject();
}

void write_settings(Writer& writer, const core::MailboxSettings& settings) {
  writer.StartObject();
  const auto& replies = settings.automatic_replies;
  key(writer, "automaticReplies");
  writer.StartObject();
  text(writer, "status", rest::to_wire(replies.state));
  text(writer, "externalAudience", rest::to_wire(replies.external_audience));
  write_date_time(writer, "scheduledStartDateTime", replies.scheduled_start);
  write_date_time(writer, "scheduledEndDateTime", replies.scheduled_end);
  text(writer, "internalReplyMessage", replies.internal_reply_message);
  text(writer, "externalReplyMessage", replies.external_reply_message);
  writer.EndObject();
  text(writer, "timeZone", settings.time_zone);
  write_working_hours(writer, settings.working_hours);
  key(writer, "language");
  writer.StartObject();
  text(writer, "locale", settings.language.locale);
  text(writer, "displayName", settings.language.display_name);
  writer.EndObject();
  text(writer, "dateFormat", settings.date_format);
  text(writer, "timeFormat", settings.time_format);
  text(writer, "delegateMeetingMessageDeliveryOptions", rest::to_wire(settings.delegate_meeting_message_delivery));
  text(writer, "userPurpose", rest::to_wire(settings.user_purpose));
  key(writer, "um");
  writer.StartObject();
  key(writer, "missedCallNotificationEnabled");
  writer.Bool(settings.um.missed_call_notification_enabled);
  text(writer, "playOnPhoneDialString", settings.um.play_on_phone_dial_string);
  text(writer, "telephoneAccessNumbers", settings.um.telephone_access_numbers);
  text(writer, "telephoneAccessFolderEmail", settings.um.telephone_access_folder_email);
  text(writer, "pinHash", settings.um.pin_hash);
  writer.EndObject();
  writer.EndObject();
}

// A value that does not fit the format, named by JSON pointer; caught in read_export_document.
struct DocumentError {
  std::string pointer;
  std::string message;
};

// One object of the document and where it is.
class Node {
 public:
  Node(const Value& value, std::string pointer) : value_(value), pointer_(std::move(pointer)) {
    if (!value_.IsObject()) {
      throw DocumentError{pointer_, "expected an object"};
    }
  }

  const std::string& pointer() const { return pointer_; }

  const Value& member(const char* name) const {
    const auto it = value_.FindMember(name);
    if (it == value_.MemberEnd()) {
      throw DocumentError{pointer_ + "/" + name, "missing"};
    }
    return it->value;
  }
  bool has(const char* name) const { return value_.HasMember(name); }
  Node object(const char* name) const { return Node(member(name), pointer_ + "/" + name); }

  std::string string(const char* name) const {
    const Value& value = member(name);
    if (!value.IsString()) {
      throw DocumentError{pointer_ + "/" + name, "expected a string"};
    }
    return std::string(value.GetString(), value.GetStringLength());
  }
  std::int32_t int32(const char* name) const {
    const Value& value = member(name);
    if (!value.IsInt()) {
      throw DocumentError{pointer_ + "/" + name, "expected a 32-bit integer"};
    }
    return value.GetInt();
  }
  bool boolean(const char* name) const {
    const Value& value = member(name);
    if (!value.IsBool()) {
      throw DocumentError{pointer_ + "/" + name, "expected true or false"};
    }
    return value.GetBool();
  }
  template <typename Enum>
  Enum enumeration(const char* name) const {
    const std::string spelled = string(name);
    if (auto value = rest::enum_from_wire<Enum>(spelled); value && rest::to_wire(*value) == spelled) {
      return *value;
    }
    throw DocumentError{pointer_ + "/" + name, "unknown value '" + spelled + "'"};
  }
  core::TimeOfDay time_of_day(const char* name) const {
    if (auto value = rest::parse_time_of_day(string(name))) {
      return *value;
    }
    throw DocumentError{pointer_ + "/" + name, "expected HH:mm:ss.fffffff"};
  }
  core::DateTimeTimeZone date_time(const char* name) const {
    const Node node = object(name);
    const auto parsed = rest::parse_date_time(node.string("dateTime"));
    if (!parsed || parsed->utc_offset) {
      throw DocumentError{node.pointer() + "/dateTime", "expected yyyy-MM-ddTHH:mm:ss.fffffff without an offset"};
    }
    return core::DateTimeTimeZone{parsed->local, node.string("timeZone")};
  }

 private:
  const Value& value_;
  std::string pointer_;
};

core::UserPurpose read_user_purpose(const Node& node) {
  const std::string spelled = node.string("userPurpose");
  for (int i = 0; i <= static_cast<int>(core::UserPurpose::kUnknownFutureValue); ++i) {
    const auto value = static_cast<core::UserPurpose>(i);
    if (rest::to_wire(value) == spelled) {
      return value;
    }
  }
  throw DocumentError{node.pointer() + "/userPurpose", "unknown value '" + spelled + "'"};
}

core::TimeZoneTransition read_transition(const Node& node) {
  return core::TimeZoneTransition{node.time_of_day("time"), node.int32("dayOccurrence"),
                                  node.enumeration<core::DayOfWeek>("dayOfWeek"), node.int32("month"),
                                  node.int32("year")};
}

core::WorkingHours read_working_hours(const Node& node) {
  core::WorkingHours hours;
  const Value& days = node.member("daysOfWeek");
  if (!days.IsArray()) {
    throw DocumentError{node.pointer() + "/daysOfWeek", "expected an array"};
  }
  for (rapidjson::SizeType i = 0; i < days.Size(); ++i) {
    const std::string where = node.pointer() + "/daysOfWeek/" + std::to_string(i);
    const auto day = days[i].IsString() ? rest::enum_from_wire<core::DayOfWeek>(days[i].GetString()) : std::nullopt;
    if (!day) {
      throw DocumentError{where, "expected a day of the week"};
    }
    hours.days_of_week.push_back(*day);
  }
  hours.start_time = node.time_of_day("startTime");
  hours.end_time = node.time_of_day("endTime");
  const Node zone = node.object("timeZone");
  if (zone.has("custom")) {
    const Node custom_node = zone.object("custom");
    core::CustomTimeZone custom;
    custom.bias = custom_node.int32("bias");
    custom.name = custom_node.string("name");
    if (custom_node.has("standardOffset")) {
      custom.standard_offset = read_transition(custom_node.object("standardOffset"));
    }
    if (custom_node.has("daylightOffset")) {
      const Node daylight = custom_node.object("daylightOffset");
      custom.daylight_offset = core::DaylightTransition{read_transition(daylight), daylight.int32("daylightBias")};
    }
    hours.time_zone = std::move(custom);
  } else {
    hours.time_zone = core::NamedTimeZone{zone.string("name")};
  }
  return hours;
}

core::MailboxSettings read_settings(const Node& node) {
  core::MailboxSettings settings;
  const Node replies = node.object("automaticReplies");
  settings.automatic_replies = core::AutomaticReplies{
      replies.enumeration<core::OofState>("status"), replies.enumeration<core::ExternalAudience>("externalAudience"),
      replies.date_time("scheduledStartDateTime"),   replies.date_time("scheduledEndDateTime"),
      replies.string("internalReplyMessage"),        replies.string("externalReplyMessage")};
  settings.time_zone = node.string("timeZone");
  settings.working_hours = read_working_hours(node.object("workingHours"));
  const Node language = node.object("language");
  settings.language = core::LocaleInfo{language.string("locale"), language.string("displayName")};
  settings.date_format = node.string("dateFormat");
  settings.time_format = node.string("timeFormat");
  settings.delegate_meeting_message_delivery =
      node.enumeration<core::DelegateMeetingMessageDelivery>("delegateMeetingMessageDeliveryOptions");
  settings.user_purpose = read_user_purpose(node);
  const Node um = node.object("um");
  settings.um = core::UmSettings{um.boolean("missedCallNotificationEnabled"), um.string("playOnPhoneDialString"),
                                 um.string("telephoneAccessNumbers"), um.string("telephoneAccessFolderEmail"),
                                 um.string("pinHash")};
  return settings;
}

std::vector<core::StoredMailbox> read_mailboxes(const Node& root) {
  if (root.string("format") != kFormatName) {
    throw DocumentError{"/format", std::string("expected \"") + kFormatName + "\""};
  }
  if (root.int32("version") != kExportFormatVersion) {
    throw DocumentError{"/version", "this oofgate reads version " + std::to_string(kExportFormatVersion)};
  }
  const Value& list = root.member("mailboxes");
  if (!list.IsArray()) {
    throw DocumentError{"/mailboxes", "expected an array"};
  }
  std::vector<core::StoredMailbox> mailboxes;
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const Node entry(list[i], "/mailboxes/" + std::to_string(i));
    const Value& version = entry.member("version");
    if (!version.IsUint64() || version.GetUint64() == 0 ||
        version.GetUint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      throw DocumentError{entry.pointer() + "/version", "expected a positive 63-bit integer"};
    }
    mailboxes.push_back(
        core::StoredMailbox{entry.string("id"), version.GetUint64(), read_settings(entry.object("settings"))});
  }
  return mailboxes;
}

}  // namespace

std::string write_export_document(const std::vector<core::StoredMailbox>& mailboxes) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  text(writer, "format", kFormatName);
  integer(writer, "version", kExportFormatVersion);
  key(writer, "mailboxes");
  writer.StartArray();
  for (const auto& mailbox : mailboxes) {
    writer.StartObject();
    text(writer, "id", mailbox.mailbox_id);
    key(writer, "version");
    writer.Uint64(mailbox.version);
    key(writer, "settings");
    write_settings(writer, mailbox.settings);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

core::Result<std::vector<core::StoredMailbox>> read_export_document(const std::string& text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (document.HasParseError()) {
    return core::Error{core::ErrorCode::kInvalidArgument, "not valid JSON at offset " +
                                                              std::to_string(document.GetErrorOffset()) + ": " +
                                                              rapidjson::GetParseError_En(document.GetParseError())};
  }
  try {
    return read_mailboxes(Node(document, ""));
  } catch (const DocumentError& error) {
    return core::Error{core::ErrorCode::kInvalidArgument,
                       (error.pointer.empty() ? std::string("/") : error.pointer) + ": " + error.message};
  }
}

}  // namespace oofgate::gateway
