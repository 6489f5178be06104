#include "rest_facade/handlers/mailbox_settings_body.h"

#include "rest_facade/json/serializers.h"

namespace oofgate::rest {

std::string mailbox_settings_body(ApiVersion version, std::string_view object_id, const core::MailboxSettings& settings,
                                  const MemberSet& members, std::string_view context_suffix) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_member(writer, "@odata.context", mailbox_settings_context(version, object_id, context_suffix));
  write_mailbox_settings_members(writer, settings, members);
  writer.EndObject();
  return take_json(buffer);
}

}  // namespace oofgate::rest
