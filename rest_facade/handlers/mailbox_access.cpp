#include "rest_facade/handlers/mailbox_access.h"

#include <functional>
#include <variant>

namespace oofgate::rest {

const core::User* authorize_or_reply(const RouteContext& context, core::Access access) {
  auto owner = context.service.authorize(context.principal, context.match.mailbox, access);
  if (!owner) {
    context.reply->send_error(graph_error_from(owner.error()));
    return nullptr;
  }
  auto admitted = context.throttle.admit(context.principal.subject, owner.value()->id);
  if (auto* rejection = std::get_if<core::Throttle::Rejection>(&admitted)) {
    context.reply->send_error(throttled_error(rejection->retry_after));
    return nullptr;
  }
  context.reply->hold(std::get<core::Throttle::Lease>(std::move(admitted)));
  facade::trace_mailbox(owner.value()->id);
  return owner.value();
}

core::SnapshotCallback on_snapshot(const RouteContext& context,
                                   std::function<void(const core::MailboxSnapshot&)> on_snapshot) {
  return [reply = context.reply, connection = context.request.connection,
          on_snapshot = std::move(on_snapshot)](core::Result<core::SnapshotPtr> result) mutable {
    auto render = [reply, on_snapshot = std::move(on_snapshot), result = std::move(result)]() mutable {
      run_at_edge(reply, [&] {
        if (!result) {
          reply->send_error(graph_error_from(result.error()));
          return;
        }
        on_snapshot(*result.value());
      });
    };
    run_at_edge(reply, [&] { facade::run_on_connection(connection, std::move(render)); });
  };
}

}  // namespace oofgate::rest
