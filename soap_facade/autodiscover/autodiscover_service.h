#pragma once

#include "core/directory/directory.h"
#include "core/time/clock.h"
#include "facade_common/edge_rejection.h"
#include "facade_common/request.h"
#include "soap_facade/xml_limits.h"

namespace oofgate::soap {

// Autodiscover: Outlook POX (MS-OXDSCLI; request schema 2006, response schema 2006a) and the v2
// JSON endpoint. It lives beside the SOAP facade because POX is plain XML read with the same
// hardened reader and limits, but it is no SOAP: no envelope, and protocol errors are HTTP 200
// with an <Error> as Exchange answers them. Strings in, strings out.
class AutodiscoverService {
 public:
  AutodiscoverService(const core::Directory& directory, const core::Clock& clock, XmlLimits limits = {});

  // Calls `respond` exactly once. Never throws. POX needs Basic or bearer credentials (an
  // anonymous POST is 401 offering both: exchangelib 4.x abandons a URL that offers only Bearer)
  // and answers only for the caller's own address (an application token: any known mailbox); v2
  // JSON is anonymous.
  void handle(const facade::Request& request, facade::Respond respond) noexcept;
  // A request the gateway refused (too large, bad framing): the POX error 600, with the
  // condition's HTTP status.
  facade::HttpResponse render_rejection(const facade::EdgeRejection& rejection) const noexcept;

 private:
  facade::HttpResponse answer_pox(const facade::Request& request) const;

  const core::Directory& directory_;
  const core::Clock& clock_;
  XmlLimits limits_;
};

}  // namespace oofgate::soap
