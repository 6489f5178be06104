#include "core/directory/archive_folder.h"
#include "rest_facade/handlers/handlers.h"
#include "rest_facade/handlers/mailbox_access.h"
#include "rest_facade/json/owned_body.h"
#include "rest_facade/json/serializers.h"
#include "rest_facade/render_slots.h"

namespace oofgate::rest {

void get_mailbox_setting(const RouteContext& context) {
  const auto member = member_from_name(context.match.property);
  if (!member) {
    context.reply->send_error(segment_not_found_error(context.match.property));
    return;
  }
  const auto* owner = authorize_or_reply(context, core::Access::kRead);
  if (owner == nullptr) {
    return;
  }
  context.service.read(*owner, on_snapshot(context, [reply = context.reply, version = context.match.version, owner,
                                                     member = *member](const core::MailboxSnapshot& snapshot) {
    const auto context_url = mailbox_settings_context(version, owner->id, "/" + std::string(member_name(member)));
    if (const auto slot = member_slot(member)) {
      // Graph answers a complex property as the object itself with the context injected first.
      const auto shared = cached_body(snapshot, *slot, [&] {
        rapidjson::StringBuffer buffer;
        JsonWriter writer(buffer);
        writer.StartObject();
        write_complex_member_members(writer, snapshot.settings, member);
        writer.EndObject();
        return take_json(buffer);
      });
      reply->send_json(boost::beast::http::status::ok, owned_body(context_url, std::nullopt, *shared));
      return;
    }
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    write_member(writer, "@odata.context", context_url);
    write_key(writer, "value");
    write_member_value(writer, snapshot.settings, member,
                       member == MailboxMember::kArchiveFolder ? core::archive_folder_id(*owner) : std::string());
    writer.EndObject();
    reply->send_json(boost::beast::http::status::ok, take_json(buffer));
  }));
}

}  // namespace oofgate::rest
