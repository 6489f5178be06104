#pragma once

#include <optional>

#include "core/directory/caller.h"
#include "core/service/mailbox_service.h"
#include "soap_facade/media_type.h"
#include "soap_facade/reply.h"
#include "soap_facade/soap_facade.h"

namespace oofgate::soap {

// The HTTP side of the facade: which path, which method, WSDL, credentials, media type.
void route_request(core::MailboxService& service, const HttpRequest& request, const core::Caller& caller,
                   const std::optional<SoapMediaType>& media, const Reply& reply);

}  // namespace oofgate::soap
