#include "soap_facade/envelope_reader.h"

#include <optional>
#include <string>

#include "core/text/utf8.h"
#include "soap_facade/text.h"

namespace oofgate::soap {
namespace {

constexpr std::string_view kSoap11NextActor = "http://schemas.xmlsoap.org/soap/actor/next";
constexpr std::string_view kSoap12NextRole = "http://www.w3.org/2003/05/soap-envelope/role/next";
constexpr std::string_view kSoap12UltimateReceiverRole =
    "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

std::string_view version_label(SoapVersion version) {
  return version == SoapVersion::k11 ? "SOAP 1.1 (text/xml)" : "SOAP 1.2 (application/soap+xml)";
}

// "{ns}local" for a fault reason; the name is the client's, so it is quoted as an excerpt.
std::string braced(const QName& name) {
  return "{" + core::printable_excerpt(name.ns) + "}" + core::printable_excerpt(name.local);
}

Fault invalid_request(std::string reason) { return client_fault(ExceptionType::kInvalidRequest, std::move(reason)); }

Fault version_mismatch(std::string reason) {
  Fault fault;
  fault.code = FaultCode::kVersionMismatch;
  fault.reason = std::move(reason);
  return fault;
}

// SOAP 1.1 §4.2.2 actor / §4.2.3 mustUnderstand; SOAP 1.2 §5.2.2 role / §5.2.3 mustUnderstand.
struct BlockTargeting {
  bool must_understand = false;
  bool targets_us = true;  // blocks for other nodes are not ours to understand
};

BlockTargeting read_targeting(const XmlDocument& document, pugi::xml_node block, SoapVersion version,
                              std::string_view env_ns) {
  BlockTargeting targeting;
  for (pugi::xml_attribute attribute : block.attributes()) {
    const QName name = document.name_of(attribute);
    if (name.ns != env_ns) {
      continue;
    }
    const std::string_view value = trim_xml_space(attribute.value());
    if (name.local == "mustUnderstand") {
      targeting.must_understand = value == "1" || value == "true";
    } else if (version == SoapVersion::k11 && name.local == "actor") {
      targeting.targets_us = value == kSoap11NextActor;
    } else if (version == SoapVersion::k12 && name.local == "role") {
      targeting.targets_us = value.empty() || value == kSoap12NextRole || value == kSoap12UltimateReceiverRole;
    }
  }
  return targeting;
}

std::optional<Fault> check_header(const XmlDocument& document, pugi::xml_node header, SoapVersion version,
                                  std::string_view env_ns) {
  if (has_text(header)) {
    return invalid_request("The SOAP Header holds text; it may hold only header block elements.");
  }
  for (pugi::xml_node block = first_element(header); block; block = next_element(block)) {
    const BlockTargeting targeting = read_targeting(document, block, version, env_ns);
    if (targeting.must_understand && targeting.targets_us) {
      const QName name = document.name_of(block);
      Fault fault;
      fault.code = FaultCode::kMustUnderstand;
      fault.reason = "The header block " + braced(name) + " is not understood by this service.";
      fault.not_understood_ns = name.ns;
      fault.not_understood_local = name.local;
      return fault;
    }
  }
  return std::nullopt;
}

bool is_envelope_element(const XmlDocument& document, pugi::xml_node element, std::string_view env_ns,
                         std::string_view local) {
  if (!element) {
    return false;
  }
  const QName name = document.name_of(element);
  return name.ns == env_ns && name.local == local;
}

std::variant<BodyOperation, Fault> read_body(const XmlDocument& document, pugi::xml_node body) {
  if (has_text(body)) {
    return invalid_request("The SOAP Body holds text; it may hold only the operation element.");
  }
  const pugi::xml_node operation = first_element(body);
  if (!operation) {
    return invalid_request("The SOAP Body holds no operation element.");
  }
  if (next_element(operation)) {
    // One request, one operation: a second one would be applied or ignored without the client knowing which.
    return invalid_request("The SOAP Body holds more than one operation element.");
  }
  return BodyOperation{operation, document.name_of(operation)};
}

// What may follow the Body. SOAP 1.2 Part 1 §5.1: nothing. SOAP 1.1 §4.1.1: namespace-qualified
// extension elements, which carry nothing for UM or EWS; but not a second Body or a Header, which
// a reader that took that one instead would see as another request than the one run.
std::optional<Fault> check_after_body(const XmlDocument& document, pugi::xml_node after, SoapVersion version,
                                      std::string_view env_ns) {
  for (; after; after = next_element(after)) {
    if (version == SoapVersion::k12) {
      return invalid_request("The SOAP 1.2 Envelope has an element after the Body.");
    }
    const QName name = document.name_of(after);
    if (name.ns == env_ns) {
      return invalid_request("The SOAP Envelope has a " + core::printable_excerpt(name.local) +
                             " element after the Body; only one Body, after the Header, is allowed.");
    }
    if (name.ns.empty()) {
      return invalid_request("The SOAP Envelope has an element without a namespace after the Body.");
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<BodyOperation, Fault> read_envelope(const XmlDocument& document, SoapVersion version) {
  const std::string_view env_ns = envelope_ns(version);
  const pugi::xml_node envelope = document.root();
  const QName envelope_name = document.name_of(envelope);
  if (envelope_name.local != "Envelope") {
    return version_mismatch("The request is not a SOAP envelope; the root element is " + braced(envelope_name) + ".");
  }
  if (envelope_name.ns != env_ns) {
    return version_mismatch("The envelope namespace '" + core::printable_excerpt(envelope_name.ns) +
                            "' does not match " + std::string(version_label(version)) +
                            ", whose envelope namespace is '" + std::string(env_ns) + "'.");
  }
  if (has_text(envelope)) {
    return invalid_request("The SOAP Envelope holds text; it may hold only Header and Body elements.");
  }
  pugi::xml_node child = first_element(envelope);
  if (is_envelope_element(document, child, env_ns, "Header")) {
    if (auto fault = check_header(document, child, version, env_ns)) {
      return *fault;
    }
    child = next_element(child);
    if (is_envelope_element(document, child, env_ns, "Header")) {
      return invalid_request("The SOAP Envelope has more than one Header element.");
    }
  }
  if (!is_envelope_element(document, child, env_ns, "Body")) {
    return invalid_request("The SOAP envelope has no Body element where one is required.");
  }
  if (auto fault = check_after_body(document, next_element(child), version, env_ns)) {
    return *fault;
  }
  return read_body(document, child);
}

std::variant<BodyOperation, Fault> parse_envelope(XmlDocument& document, std::string_view body, SoapVersion version,
                                                  const XmlLimits& limits) {
  if (auto fault = document.load(body, limits)) {
    return *fault;
  }
  return read_envelope(document, version);
}

}  // namespace oofgate::soap
