#include "soap_facade/soap_action.h"

#include <string>

#include "core/text/ascii.h"
#include "core/text/utf8.h"
#include "soap_facade/operations/operation.h"
#include "soap_facade/text.h"

namespace oofgate::soap {

std::optional<NamedAction> named_action(std::optional<std::string_view> action) {
  if (!action) {
    return std::nullopt;
  }
  std::string_view value = core::trim(*action, core::kHttpSpace);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  if (value.empty()) {
    return std::nullopt;
  }
  const auto slash = value.rfind('/');
  return NamedAction{value, slash == std::string_view::npos ? value : value.substr(slash + 1)};
}

std::optional<Fault> check_soap_action(std::optional<std::string_view> action, std::string_view operation) {
  const auto named = named_action(action);
  if (!named || named->operation == operation || find_um_operation(named->operation) == nullptr) {
    return std::nullopt;
  }
  const std::string_view value = named->value;
  return client_fault(ExceptionType::kInvalidRequest, "The SOAPAction '" + core::printable_excerpt(value, 256) +
                                                          "' names a different operation than the Body element " +
                                                          std::string(operation) + ".");
}

}  // namespace oofgate::soap
