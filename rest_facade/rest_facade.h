#pragma once

#include "core/service/mailbox_service.h"
#include "core/service/throttle.h"
#include "facade_common/edge_rejection.h"
#include "facade_common/request.h"
#include "rest_facade/cors/cors_policy.h"
#include "rest_facade/json/json_limits.h"
#include "rest_facade/reply.h"
#include "rest_facade/request_ids.h"

namespace oofgate::rest {

using facade::HttpRequest;
using facade::HttpResponse;
using facade::Respond;

// The Microsoft Graph mailboxSettings surface (/v1.0 and /beta) on top of the core.
// Strings in, strings out: no sockets.
class RestFacade {
 public:
  // `limits` caps each (caller, mailbox) pair (Graph: 429 ApplicationThrottled beyond them).
  // `issuer`: the identity provider a 401 points clients to (WWW-Authenticate authorization_uri);
  // empty: Graph's own challenge.
  RestFacade(core::MailboxService& service, core::ThrottleLimits limits = {}, JsonLimits json_limits = {},
             std::string issuer = {});
  ~RestFacade();

  // Any request the gateway routed here: JSON bodies, or body-less requests to /v1.0 and /beta.
  // Calls `respond` exactly once. Never throws.
  void handle(const facade::Request& request, facade::Respond respond) noexcept;
  // The Graph error for a request the gateway refused before it reached handle().
  facade::HttpResponse render_rejection(const facade::EdgeRejection& rejection,
                                        const facade::HttpRequest& request) noexcept;
  // Browser origins allowed to call (--cors-origin); empty: any. Set before serving.
  void set_cors_origins(std::vector<std::string> origins) { cors_ = CorsPolicy(std::move(origins)); }

 private:
  // Graph JSON batching: each item runs through handle() as if sent alone.
  void handle_batch(const facade::Request& request, std::string_view version_root, const ReplyPtr& reply);

  core::MailboxService& service_;
  core::Throttle throttle_;
  JsonLimits json_limits_;
  std::string issuer_;
  RequestIds request_ids_;
  CorsPolicy cors_;
};

}  // namespace oofgate::rest
