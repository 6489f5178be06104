#pragma once

#include <functional>

#include <boost/beast/http.hpp>

#include "core/directory/caller.h"
#include "core/service/mailbox_service.h"

namespace oofgate::soap {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
// Called exactly once with the complete response, possibly from a store thread.
using Respond = std::function<void(HttpResponse)>;

// The Exchange Unified Messaging web service (UM2007Legacy.asmx / UnifiedMessaging/Service.asmx)
// on top of the core. Strings in, strings out: no sockets.
class SoapFacade {
 public:
  explicit SoapFacade(core::MailboxService& service);
  ~SoapFacade();

  // Any request the gateway routed here: SOAP media types, or body-less requests to SOAP paths.
  void handle(const HttpRequest& request, const core::Caller& caller, Respond respond);

 private:
  core::MailboxService& service_;
};

}  // namespace oofgate::soap
