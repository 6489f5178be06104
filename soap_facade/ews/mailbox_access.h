#pragma once

#include <pugixml.hpp>

#include "core/service/mailbox_service.h"
#include "soap_facade/ews/ews_operation.h"
#include "soap_facade/ews/ews_protocol.h"

namespace oofgate::soap::ews {

// Reads t:Mailbox (Types.xsd EmailAddressType: Name?, Address, RoutingType?) and decides whether
// the caller may act on it: a delegated caller only on its own mailbox (else MS-OXWOOF §3.1.4.1's
// soap:Client fault "User is not mailbox owner"), an application on any. Returns the owner, or
// nullptr once it has answered: a fault for a malformed Mailbox, the access-denied fault, or the
// operation's error response (ErrorNonExistentMailbox, ErrorMissingEmailAddress, ...).
const core::User* authorize_mailbox(const EwsContext& context, pugi::xml_node mailbox, core::Access access,
                                    const Reply& reply);

// The operation's response holding only an error ResponseMessage.
void answer_error(const EwsContext& context, const Reply& reply, const EwsError& error);

}  // namespace oofgate::soap::ews
