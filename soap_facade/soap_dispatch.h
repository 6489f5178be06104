#pragma once

#include <optional>
#include <string_view>

#include "core/directory/principal.h"
#include "core/service/mailbox_service.h"
#include "soap_facade/reply.h"

namespace oofgate::soap {

// From request bytes to a handler: parse safely, check the envelope, find the operation in the
// table, check SOAPAction and the caller's rights, then run the handler.
void dispatch_soap(core::MailboxService& service, const core::Principal& principal, std::string_view body,
                   std::optional<std::string_view> action, Reply reply);

}  // namespace oofgate::soap
