#pragma once

#include "core/service/mailbox_service.h"
#include "facade_common/edge_rejection.h"
#include "facade_common/request.h"
#include "soap_facade/xml_limits.h"

namespace oofgate::soap {

namespace http = boost::beast::http;
using facade::HttpRequest;
using facade::HttpResponse;
using facade::Respond;

// The Exchange Unified Messaging web service (UM2007Legacy.asmx / UnifiedMessaging/Service.asmx)
// on top of the core. Strings in, strings out: no sockets.
class SoapFacade {
 public:
  explicit SoapFacade(core::MailboxService& service, XmlLimits limits = {});

  // Any request the gateway routed here: SOAP media types, or body-less requests to SOAP paths.
  // Calls `respond` exactly once. Never throws.
  void handle(const facade::Request& request, Respond respond) noexcept;
  // The SOAP fault (in the version the Content-Type announced) for a request the gateway refused
  // before it reached handle(); on the EWS endpoint (`path`) with EWS's header and detail.
  HttpResponse render_rejection(const facade::EdgeRejection& rejection, const facade::MediaType& media,
                                std::string_view path = {}) noexcept;

 private:
  core::MailboxService& service_;
  XmlLimits limits_;
};

}  // namespace oofgate::soap
