#include "rest_facade/handlers/mailbox_access.h"

#include <cstdint>
#include <functional>
#include <string>
#include <variant>

namespace oofgate::rest {
namespace {

// Whom the throttle counts: a delegated caller is its user; an application is its token (Graph
// counts per app ID, and each configured application token stands for one app). Only a hash of
// the token is kept, so the throttle holds no credential.
std::string throttle_caller_key(const RouteContext& context) {
  if (context.principal.kind == core::PrincipalKind::kDelegated && context.principal.user != nullptr) {
    return "user:" + context.principal.user->id;
  }
  const auto authorization = context.request[boost::beast::http::field::authorization];
  const auto digest = std::hash<std::string_view>{}(std::string_view(authorization.data(), authorization.size()));
  std::string key = "app:0000000000000000";
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t bits = digest;
  for (std::size_t i = key.size(); i > 4; bits >>= 4U) {
    key[--i] = kHex[bits & 0xFU];
  }
  return key;
}

}  // namespace

const core::User* authorize_or_reply(const RouteContext& context, core::Access access) {
  auto owner = context.service.authorize(context.principal, context.match.mailbox, access);
  if (!owner) {
    context.reply->send_error(graph_error_from(owner.error()));
    return nullptr;
  }
  auto admitted = context.throttle.admit(throttle_caller_key(context), owner.value()->id);
  if (auto* rejection = std::get_if<core::Throttle::Rejection>(&admitted)) {
    context.reply->send_error(throttled_error(rejection->retry_after));
    return nullptr;
  }
  context.reply->hold(std::get<core::Throttle::Lease>(std::move(admitted)));
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
