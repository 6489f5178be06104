#include <variant>

#include "rest_facade/handlers/handlers.h"
#include "rest_facade/handlers/mailbox_access.h"
#include "rest_facade/handlers/mailbox_settings_body.h"
#include "rest_facade/json/read_patch.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {

void patch_mailbox_settings(const RouteContext& context) {
  const auto* owner = authorize_or_reply(context, core::Access::kWrite);
  if (owner == nullptr) {
    return;
  }
  if (!context.request.media.json_family) {
    context.reply->send_error(unreadable_payload_error());
    return;
  }
  const auto& body = context.request.http.body();
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    context.reply->send_error(empty_payload_error());
    return;
  }
  auto parsed = read_mailbox_settings_patch(body, context.json_limits);
  if (auto* error = std::get_if<GraphError>(&parsed)) {
    context.reply->send_error(*error);
    return;
  }
  auto& patch = std::get<ParsedPatch>(parsed);
  // The whole patch goes to the core in one call, so a rejected PATCH changes nothing.
  context.service.update(*owner, patch.patch,
                         on_snapshot(context, [reply = context.reply, version = context.match.version, owner,
                                               members = patch.members](const core::MailboxSnapshot& snapshot) {
                           reply->send_json(boost::beast::http::status::ok,
                                            mailbox_settings_body(version, *owner, snapshot.settings, members, ""));
                         }));
}

}  // namespace oofgate::rest
