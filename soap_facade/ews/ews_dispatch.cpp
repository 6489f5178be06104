#include <array>
#include <string>
#include <variant>

#include "core/text/utf8.h"
#include "soap_facade/envelope_reader.h"
#include "soap_facade/ews/ews_operation.h"
#include "soap_facade/ews/ews_protocol.h"
#include "soap_facade/ews/ews_response.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/soap_action.h"
#include "soap_facade/text.h"

namespace oofgate::soap::ews {
namespace {

struct EwsOperationSpec {
  std::string_view element;  // the Body element's local name (messages namespace)
  EwsHandler handler;
};

// THE EWS table: Body element -> handler (MS-OXWOOF). Anything else in the messages namespace
// is answered by unsupported_operation_response().
constexpr std::array<EwsOperationSpec, 2> kEwsOperations = {{
    {"GetUserOofSettingsRequest", handle_get_user_oof_settings},
    {"SetUserOofSettingsRequest", handle_set_user_oof_settings},
}};

constexpr std::string_view kRequestSuffix = "Request";

// EWS operations are named by their Body element, less the "Request" suffix some carry
// (GetUserOofSettingsRequest -> GetUserOofSettings; ConvertId -> ConvertId).
std::string_view operation_name(std::string_view element) {
  if (element.size() > kRequestSuffix.size() && element.ends_with(kRequestSuffix)) {
    return element.substr(0, element.size() - kRequestSuffix.size());
  }
  return element;
}

// MS-OXWSCDATA RequestServerVersion: optional; an unknown Version is the one case EWS answers
// with ErrorInvalidServerVersion, on which clients retry with an older version.
std::optional<Fault> check_request_version(const XmlDocument& document) {
  const pugi::xml_node header = first_element(document.root());
  if (!header || document.name_of(header).local != "Header") {
    return std::nullopt;
  }
  for (pugi::xml_node block = first_element(header); block; block = next_element(block)) {
    if (document.name_of(block) != QName{kTypesNs, "RequestServerVersion"}) {
      continue;
    }
    const std::string_view version = trim_xml_space(block.attribute("Version").value());
    if (!is_known_request_version(version)) {
      return ews_fault(
          FaultCode::kClient, "ErrorInvalidServerVersion",
          "The RequestServerVersion '" + core::printable_excerpt(version) + "' is not a known EWS version.");
    }
  }
  return std::nullopt;
}

}  // namespace

void dispatch_ews(core::MailboxService& service, const core::Principal& principal, std::string_view body,
                  std::optional<std::string_view> action, const Reply& reply, const XmlLimits& limits,
                  std::string_view endpoint_url) {
  XmlDocument document;
  auto envelope = parse_envelope(document, body, reply.version(), limits);
  if (auto* fault = std::get_if<Fault>(&envelope)) {
    reply.fault(*fault);
    return;
  }
  if (auto fault = check_request_version(document)) {
    reply.fault(*fault);
    return;
  }
  const BodyOperation& operation = std::get<BodyOperation>(envelope);
  if (operation.name.ns != kMessagesNs) {
    reply.fault(ews_fault(FaultCode::kClient, "ErrorSchemaValidation",
                          "The Body element {" + core::printable_excerpt(operation.name.ns) + "}" +
                              core::printable_excerpt(operation.name.local) + " is not an EWS operation."));
    return;
  }
  const std::string_view name = operation_name(operation.name.local);
  if (const auto named = named_action(action); named && named->operation != name) {
    reply.fault(ews_fault(FaultCode::kClient, "ErrorInvalidOperation",
                          "The SOAPAction '" + core::printable_excerpt(named->value, 256) +
                              "' names a different operation than the Body element " + std::string(name) + "."));
    return;
  }
  for (const EwsOperationSpec& spec : kEwsOperations) {
    if (spec.element == operation.name.local) {
      const EwsContext context{.service = service,
                               .principal = principal,
                               .request = operation.element,
                               .document = document,
                               .operation = name,
                               .endpoint_url = endpoint_url};
      spec.handler(context, reply);
      return;
    }
  }
  reply.success(unsupported_operation_response(name));
}

}  // namespace oofgate::soap::ews
