#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/beast/http.hpp>

#include "core/directory/principal.h"
#include "core/service/mailbox_service.h"
#include "core/service/throttle.h"
#include "facade_common/request.h"
#include "rest_facade/json/json_limits.h"
#include "rest_facade/odata_context.h"
#include "rest_facade/reply.h"
#include "rest_facade/routing/request_target.h"

namespace oofgate::rest {

// What a route pattern captured from the path.
struct RouteMatch {
  ApiVersion version = ApiVersion::kV1;
  core::MailboxTarget mailbox;               // {mailbox}: "me", "users/{key}" or "users('{key}')"
  std::string property;                      // {property}
  std::optional<std::string> function_args;  // the "(...)" of a function segment such as "name()"
};

// Everything a handler gets. The references are valid only until the handler returns; work that
// continues in a store callback must copy what it needs and answer through `reply`.
struct RouteContext {
  core::MailboxService& service;
  core::Throttle& throttle;  // admits requests per (caller, mailbox) once the mailbox is known
  const JsonLimits& json_limits;
  const facade::Request& request;
  const core::Principal& principal;
  const RequestTarget& target;
  RouteMatch match;
  ReplyPtr reply;
};

using RouteHandler = void (*)(const RouteContext& context);

// One row of the facade's route table. Pattern segments: "{version}" (v1.0 | beta),
// "{mailbox}" (me | users/{key} | users('{key}')), "{property}" (any one segment), "name()"
// (an OData function, arguments optional) or a literal; literals match case-insensitively.
struct Route {
  boost::beast::http::verb method;
  std::string_view pattern;
  RouteHandler handler;
  std::string_view operation;  // Graph's name for it (access log and metrics labels)
};

}  // namespace oofgate::rest
