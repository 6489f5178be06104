#include "rest_facade/handlers/mailbox_settings_body.h"

#include "core/directory/archive_folder.h"
#include "rest_facade/json/owned_body.h"
#include "rest_facade/json/serializers.h"
#include "rest_facade/render_slots.h"

namespace oofgate::rest {

std::string mailbox_settings_body(ApiVersion version, const core::User& owner, const core::MailboxSettings& settings,
                                  const MemberSet& members, std::string_view context_suffix) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_member(writer, "@odata.context", mailbox_settings_context(version, owner.id, context_suffix));
  write_mailbox_settings_members(
      writer, settings, members,
      contains(members, MailboxMember::kArchiveFolder) ? core::archive_folder_id(owner) : std::string());
  writer.EndObject();
  return take_json(buffer);
}

std::string full_mailbox_settings_body(ApiVersion version, const core::User& owner,
                                       const core::MailboxSnapshot& snapshot) {
  // archiveFolder is the first member and the owner's; everything after it is the snapshot's.
  const auto shared = cached_body(snapshot, kFullSettingsSlot, [&] {
    MemberSet shared_members = all_members();
    shared_members.reset(static_cast<std::size_t>(MailboxMember::kArchiveFolder));
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    write_mailbox_settings_members(writer, snapshot.settings, shared_members, {});
    writer.EndObject();
    return take_json(buffer);
  });
  return owned_body(mailbox_settings_context(version, owner.id, ""), core::archive_folder_id(owner), *shared);
}

}  // namespace oofgate::rest
