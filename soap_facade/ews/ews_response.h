#pragma once

#include <string>
#include <string_view>

#include "soap_facade/ews/ews_protocol.h"

namespace oofgate::soap::ews {

// Messages.xsd ResponseMessageType: `<element ResponseClass="Success"><ResponseCode>NoError</...>`.
void append_success_message(std::string& out, std::string_view element);
// The error form: MessageText, ResponseCode, DescriptiveLinkKey (0), in the XSD's order.
void append_error_message(std::string& out, std::string_view element, const EwsError& error);

// `<{operation}Response xmlns="messages">content</{operation}Response>`.
std::string operation_response(std::string_view operation, std::string_view content);

// The answer to an EWS operation oofgate does not implement, in that operation's own response
// shape (ResponseMessages/{operation}ResponseMessage, ResponseClass Error, ErrorInvalidOperation),
// so a client probing operations (Outlook at start, exchangelib's ConvertId) gets an EWS error
// rather than a fault or an HTTP status it would read as a credential problem.
std::string unsupported_operation_response(std::string_view operation);

}  // namespace oofgate::soap::ews
