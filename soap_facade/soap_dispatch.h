#pragma once

#include <optional>
#include <string_view>

#include "core/directory/principal.h"
#include "core/service/mailbox_service.h"
#include "soap_facade/reply.h"
#include "soap_facade/xml_limits.h"

namespace oofgate::soap {

// From request bytes to a handler: parse safely within `limits`, check the envelope, find the
// operation in the table, check SOAPAction and the caller's rights, then run the handler. Every
// refusal happens before the handler runs, so a refused request changes nothing.
void dispatch_soap(core::MailboxService& service, const core::Principal& principal, std::string_view body,
                   std::optional<std::string_view> action, const Reply& reply, const XmlLimits& limits = XmlLimits{});

}  // namespace oofgate::soap
