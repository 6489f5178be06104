#pragma once

#include <optional>

#include "core/service/mailbox_service.h"
#include "facade_common/request.h"
#include "soap_facade/reply.h"
#include "soap_facade/xml_limits.h"

namespace oofgate::soap {

// The HTTP side of the facade: which path, which method, WSDL, credentials, media type.
void route_request(core::MailboxService& service, const facade::Request& request, const XmlLimits& limits,
                   const Reply& reply);

}  // namespace oofgate::soap
