#pragma once

#include <functional>

#include "core/store/mailbox_store.h"
#include "rest_facade/routing/route.h"

namespace oofgate::rest {

// The mailbox the route names, if the caller may access it and the throttle admits the request
// (the reply then holds its throttle lease); otherwise the error is sent and nullptr returned.
const core::User* authorize_or_reply(const RouteContext& context, core::Access access);

// A store callback that hops back to the request's connection thread (so the committer never
// renders), then answers store errors itself and runs `on_snapshot` under the facade's catch-all.
core::SnapshotCallback on_snapshot(const RouteContext& context,
                                   std::function<void(const core::MailboxSnapshot&)> on_snapshot);

}  // namespace oofgate::rest
