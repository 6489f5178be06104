#include "soap_facade/autodiscover/pox_request.h"

#include "soap_facade/text.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap {
namespace {

constexpr std::string_view kRequestSchema = "://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
constexpr std::string_view kOutlookResponseSchema =
    "://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

// "http" or "https" when `uri` is `<scheme>` + `suffix`.
std::optional<std::string_view> scheme_of(std::string_view uri, std::string_view suffix) {
  for (std::string_view scheme : {"http", "https"}) {
    if (uri.size() == scheme.size() + suffix.size() && uri.starts_with(scheme) && uri.ends_with(suffix)) {
      return scheme;
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<PoxRequest, PoxErrorCode> read_pox_request(std::string_view body, const XmlLimits& limits) {
  XmlDocument document;
  if (document.load(body, limits)) {
    return PoxErrorCode::kInvalidRequest;
  }
  const auto root = document.root();
  const auto root_name = document.name_of(root);
  const auto scheme = scheme_of(root_name.ns, kRequestSchema);
  if (!scheme || root_name.local != "Autodiscover") {
    return PoxErrorCode::kInvalidRequest;
  }
  const auto request = first_element(root);
  if (!request || document.name_of(request) != QName{root_name.ns, "Request"}) {
    return PoxErrorCode::kInvalidRequest;
  }
  PoxRequest result;
  result.scheme = *scheme;
  std::optional<std::string> address;
  std::optional<std::string> schema;
  for (auto child = first_element(request); child; child = next_element(child)) {
    const auto name = document.name_of(child);
    if (name.ns != root_name.ns) {
      continue;
    }
    // Each at most once: with two addresses, which mailbox was asked about is anybody's guess.
    std::optional<std::string>* field = name.local == "EMailAddress"               ? &address
                                        : name.local == "AcceptableResponseSchema" ? &schema
                                                                                   : nullptr;
    if (field == nullptr) {
      continue;
    }
    auto text = simple_content(child);
    if (!text || field->has_value()) {
      return PoxErrorCode::kInvalidRequest;
    }
    *field = std::string(trim_xml_space(*text));
  }
  if (address) {
    result.email_address = std::move(*address);
  }
  if (result.email_address.empty() || !schema) {
    return PoxErrorCode::kInvalidRequest;
  }
  if (!scheme_of(*schema, kOutlookResponseSchema)) {
    return PoxErrorCode::kProviderNotAvailable;
  }
  return result;
}

}  // namespace oofgate::soap
