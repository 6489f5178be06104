#include "soap_facade/ews/oof_settings_xml.h"

#include <array>
#include <optional>
#include <utility>

#include "core/text/utf8.h"
#include "facade_common/wire_time.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/operations/parameters.h"
#include "soap_facade/text.h"

namespace oofgate::soap::ews {
namespace {

using core::ExternalAudience;
using core::OofState;

// Types.xsd OofState and ExternalAudience, in the core enums' order.
constexpr std::array<std::pair<std::string_view, OofState>, 3> kStates = {{
    {"Disabled", OofState::kDisabled},
    {"Enabled", OofState::kAlwaysEnabled},
    {"Scheduled", OofState::kScheduled},
}};
constexpr std::array<std::pair<std::string_view, ExternalAudience>, 3> kAudiences = {{
    {"None", ExternalAudience::kNone},
    {"Known", ExternalAudience::kContactsOnly},
    {"All", ExternalAudience::kAll},
}};

template <typename Enum, std::size_t N>
std::string_view wire_name(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum value) {
  for (const auto& [name, member] : table) {
    if (member == value) {
      return name;
    }
  }
  return table.front().first;
}

Fault schema_fault(std::string reason) { return client_fault(ExceptionType::kSchemaValidation, std::move(reason)); }

template <typename Enum, std::size_t N>
std::variant<Enum, Fault> read_enum(const Parameters& parameters, std::string_view element,
                                    const std::array<std::pair<std::string_view, Enum>, N>& table) {
  auto text = parameters.required_text(element);
  if (auto* fault = std::get_if<Fault>(&text)) {
    return std::move(*fault);
  }
  const std::string_view value = trim_xml_space(std::get<std::string>(text));
  for (const auto& [name, member] : table) {
    if (value == name) {
      return member;
    }
  }
  return schema_fault("The value '" + core::printable_excerpt(value) + "' of <" + std::string(element) +
                      "> is not one the schema allows.");
}

// "2030-01-01T00:00:00Z": UTC to the second.
std::string format_utc(core::Instant instant) { return facade::format_error_date(instant) + "Z"; }

void append_reply(std::string& out, std::string_view name, std::string_view message) {
  append_element_xml(out, name, "<Message>" + escaped(message) + "</Message>");
}

std::variant<core::DateTimeTimeZoneInput, Fault> read_time(const Parameters& parameters, std::string_view element) {
  auto text = parameters.required_text(element);
  if (auto* fault = std::get_if<Fault>(&text)) {
    return std::move(*fault);
  }
  const std::string_view value = trim_xml_space(std::get<std::string>(text));
  const auto parsed = facade::parse_date_time(value);
  if (!parsed) {
    return schema_fault("The value '" + core::printable_excerpt(value) + "' of <" + std::string(element) +
                        "> is not an xs:dateTime between years 0001 and 9999.");
  }
  // EWS OOF times are UTC: a reading without an offset is taken as UTC.
  return core::DateTimeTimeZoneInput{parsed->local, parsed->utc_offset.value_or(std::chrono::minutes{0}), "UTC"};
}

std::optional<Fault> read_duration(const XmlDocument& document, pugi::xml_node duration,
                                   core::AutomaticRepliesPatch& patch) {
  auto bounds = Parameters::read_children(document, duration, "Duration", kTypesNs, {{"StartTime"}, {"EndTime"}});
  if (auto* fault = std::get_if<Fault>(&bounds)) {
    return std::move(*fault);
  }
  const Parameters& parameters = std::get<Parameters>(bounds);
  for (auto [element, field] : {std::pair{std::string_view("StartTime"), &patch.scheduled_start},
                                std::pair{std::string_view("EndTime"), &patch.scheduled_end}}) {
    auto time = read_time(parameters, element);
    if (auto* fault = std::get_if<Fault>(&time)) {
      return std::move(*fault);
    }
    *field = std::get<core::DateTimeTimeZoneInput>(std::move(time));
  }
  return std::nullopt;
}

// Types.xsd ReplyBody: an optional Message (and xml:lang, which the one model does not keep).
std::optional<Fault> read_reply(const XmlDocument& document, pugi::xml_node reply, std::string_view element,
                                std::optional<std::string>& message) {
  auto parts = Parameters::read_children(document, reply, element, kTypesNs, {{"Message"}});
  if (auto* fault = std::get_if<Fault>(&parts)) {
    return std::move(*fault);
  }
  const Parameters& parameters = std::get<Parameters>(parts);
  if (!parameters.find("Message")) {
    return std::nullopt;
  }
  auto text = parameters.required_text("Message");
  if (auto* fault = std::get_if<Fault>(&text)) {
    return std::move(*fault);
  }
  message = std::get<std::string>(std::move(text));
  return std::nullopt;
}

}  // namespace

std::string render_oof_settings(const core::AutomaticReplies& replies, const core::TimeZoneDb& zones,
                                core::Instant now) {
  auto start = zones.to_instant(replies.scheduled_start);
  auto end = zones.to_instant(replies.scheduled_end);
  const core::Instant default_start = std::chrono::floor<std::chrono::hours>(now);
  std::string out;
  out.reserve(512 + replies.internal_reply_message.size() + replies.external_reply_message.size());
  out += R"(<OofSettings xmlns=")";
  out += kTypesNs;
  out += R"(">)";
  append_element_xml(out, "OofState", wire_name(kStates, replies.state));
  append_element_xml(out, "ExternalAudience", wire_name(kAudiences, replies.external_audience));
  out += "<Duration>";
  append_element_xml(out, "StartTime", format_utc(start && end ? start.value() : default_start));
  append_element_xml(out, "EndTime", format_utc(start && end ? end.value() : default_start + std::chrono::hours{24}));
  out += "</Duration>";
  append_reply(out, "InternalReply", replies.internal_reply_message);
  append_reply(out, "ExternalReply", replies.external_reply_message);
  out += "</OofSettings>";
  return out;
}

std::variant<core::AutomaticRepliesPatch, Fault> read_user_oof_settings(const XmlDocument& document,
                                                                        pugi::xml_node settings) {
  // Types.xsd UserOofSettings, with the Exchange 2016 additions accepted and not kept.
  auto parts = Parameters::read_children(document, settings, "UserOofSettings", kTypesNs,
                                         {{"OofState"},
                                          {"ExternalAudience"},
                                          {"Duration"},
                                          {"InternalReply"},
                                          {"ExternalReply"},
                                          {"DeclineMeetingReply"},
                                          {"DeclineEventsForScheduledOOF"},
                                          {"DeclineAllEventsForScheduledOOF"},
                                          {"EventsToDeleteIDs"},
                                          {"AutoDeclineFutureRequestsWhenOOF"}});
  if (auto* fault = std::get_if<Fault>(&parts)) {
    return std::move(*fault);
  }
  const Parameters& parameters = std::get<Parameters>(parts);
  core::AutomaticRepliesPatch patch;
  auto state = read_enum(parameters, "OofState", kStates);
  if (auto* fault = std::get_if<Fault>(&state)) {
    return std::move(*fault);
  }
  patch.state = std::get<OofState>(state);
  auto audience = read_enum(parameters, "ExternalAudience", kAudiences);
  if (auto* fault = std::get_if<Fault>(&audience)) {
    return std::move(*fault);
  }
  patch.external_audience = std::get<ExternalAudience>(audience);
  if (const pugi::xml_node duration = parameters.find("Duration")) {
    if (auto fault = read_duration(document, duration, patch)) {
      return std::move(*fault);
    }
  }
  for (auto [element, field] : {std::pair{std::string_view("InternalReply"), &patch.internal_reply_message},
                                std::pair{std::string_view("ExternalReply"), &patch.external_reply_message}}) {
    if (const pugi::xml_node reply = parameters.find(element)) {
      if (auto fault = read_reply(document, reply, element, *field)) {
        return std::move(*fault);
      }
      if (patch.state == OofState::kDisabled && *field && (*field)->empty()) {
        field->reset();
      }
    }
  }
  return patch;
}

}  // namespace oofgate::soap::ews
