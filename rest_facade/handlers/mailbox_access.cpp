#include "rest_facade/handlers/mailbox_access.h"

namespace oofgate::rest {

const core::User* authorize_or_reply(const RouteContext& context, core::Access access) {
  auto owner = context.service.authorize(context.principal, context.match.mailbox, access);
  if (!owner) {
    context.reply->send_error(graph_error_from(owner.error()));
    return nullptr;
  }
  return owner.value();
}

core::SnapshotCallback on_snapshot(ReplyPtr reply, std::function<void(const core::MailboxSnapshot&)> on_snapshot) {
  return [reply = std::move(reply), on_snapshot = std::move(on_snapshot)](core::Result<core::SnapshotPtr> result) {
    run_at_edge(reply, [&] {
      if (!result) {
        reply->send_error(graph_error_from(result.error()));
        return;
      }
      on_snapshot(*result.value());
    });
  };
}

}  // namespace oofgate::rest
