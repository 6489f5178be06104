#pragma once

#include <optional>
#include <string_view>

#include "soap_facade/fault.h"

namespace oofgate::soap {

// SOAP 1.1 SOAPAction header or SOAP 1.2 `action` parameter, checked against the Body's operation.
// Dispatch is on the Body (exchangelib sends no SOAPAction); the action is only refused when it
// names a different UM operation, since then the client and the Body disagree on what to do.
// The operation a SOAPAction names (its last path segment, quotes and spaces removed), and the
// whole action for messages; nullopt when there is none or it is empty.
struct NamedAction {
  std::string_view value;
  std::string_view operation;
};
std::optional<NamedAction> named_action(std::optional<std::string_view> action);

std::optional<Fault> check_soap_action(std::optional<std::string_view> action, std::string_view operation);

}  // namespace oofgate::soap
