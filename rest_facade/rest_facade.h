#pragma once

#include <functional>

#include <boost/beast/http.hpp>

#include "core/directory/caller.h"
#include "core/service/mailbox_service.h"
#include "core/service/throttle.h"
#include "rest_facade/request_ids.h"

namespace oofgate::rest {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
// Called exactly once with the complete response, possibly from a store thread.
using Respond = std::function<void(HttpResponse)>;

// The Microsoft Graph mailboxSettings surface (/v1.0 and /beta) on top of the core.
// Strings in, strings out: no sockets.
class RestFacade {
 public:
  // `limits` caps each (caller, mailbox) pair (Graph: 429 ApplicationThrottled beyond them).
  explicit RestFacade(core::MailboxService& service, core::ThrottleLimits limits = {});
  ~RestFacade();

  // Any request the gateway routed here: JSON bodies, or body-less requests to /v1.0 and /beta.
  void handle(const HttpRequest& request, const core::Caller& caller, Respond respond);

 private:
  core::MailboxService& service_;
  core::Throttle throttle_;
  RequestIds request_ids_;
};

}  // namespace oofgate::rest
