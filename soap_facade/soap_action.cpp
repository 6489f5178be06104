#include "soap_facade/soap_action.h"

#include <string>

#include "core/text/ascii.h"
#include "soap_facade/operations/operation.h"
#include "soap_facade/text.h"

namespace oofgate::soap {

std::optional<Fault> check_soap_action(std::optional<std::string_view> action, std::string_view operation) {
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
  const std::string_view named = slash == std::string_view::npos ? value : value.substr(slash + 1);
  if (named == operation || find_um_operation(named) == nullptr) {
    return std::nullopt;
  }
  return client_fault(ExceptionType::kInvalidRequest, "The SOAPAction '" + std::string(value) +
                                                          "' names a different operation than the Body element " +
                                                          std::string(operation) + ".");
}

}  // namespace oofgate::soap
