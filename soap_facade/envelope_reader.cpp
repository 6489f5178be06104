#include "soap_facade/envelope_reader.h"

#include <string>

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

Fault unbound_prefix() {
  return client_fault(ExceptionType::kInvalidRequest, "The request uses a namespace prefix that is not declared.");
}

Fault version_mismatch(std::string reason) {
  Fault fault;
  fault.code = FaultCode::kVersionMismatch;
  fault.reason = std::move(reason);
  return fault;
}

// SOAP 1.1 §4.2.2 actor / SOAP 1.2 §5.2.2 role: blocks for other nodes are not ours to understand.
bool targets_us(pugi::xml_node block, SoapVersion version, std::string_view env_ns) {
  for (pugi::xml_attribute attribute : block.attributes()) {
    const auto name = attribute_qname(block, attribute);
    if (!name || name->ns != env_ns) {
      continue;
    }
    const std::string_view value = trim_xml_space(attribute.value());
    if (version == SoapVersion::k11 && name->local == "actor") {
      return value == kSoap11NextActor;
    }
    if (version == SoapVersion::k12 && name->local == "role") {
      return value.empty() || value == kSoap12NextRole || value == kSoap12UltimateReceiverRole;
    }
  }
  return true;
}

bool must_understand(pugi::xml_node block, std::string_view env_ns) {
  for (pugi::xml_attribute attribute : block.attributes()) {
    const auto name = attribute_qname(block, attribute);
    if (name && name->ns == env_ns && name->local == "mustUnderstand") {
      const std::string_view value = trim_xml_space(attribute.value());
      return value == "1" || value == "true";
    }
  }
  return false;
}

std::optional<Fault> check_header(pugi::xml_node header, SoapVersion version, std::string_view env_ns) {
  for (pugi::xml_node block = first_element(header); block; block = next_element(block)) {
    const auto name = element_qname(block);
    if (!name) {
      return unbound_prefix();
    }
    if (must_understand(block, env_ns) && targets_us(block, version, env_ns)) {
      Fault fault;
      fault.code = FaultCode::kMustUnderstand;
      fault.reason = "The header block {" + name->ns + "}" + name->local + " is not understood by this service.";
      fault.not_understood_ns = name->ns;
      fault.not_understood_local = name->local;
      return fault;
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<BodyOperation, Fault> read_envelope(const pugi::xml_document& doc, SoapVersion version) {
  const std::string_view env_ns = envelope_ns(version);
  const pugi::xml_node envelope = doc.document_element();
  const auto envelope_name = element_qname(envelope);
  if (!envelope_name) {
    return unbound_prefix();
  }
  if (envelope_name->local != "Envelope") {
    return version_mismatch("The request is not a SOAP envelope; the root element is {" + envelope_name->ns + "}" +
                            envelope_name->local + ".");
  }
  if (envelope_name->ns != env_ns) {
    return version_mismatch("The envelope namespace '" + envelope_name->ns + "' does not match " +
                            std::string(version_label(version)) + ", whose envelope namespace is '" +
                            std::string(env_ns) + "'.");
  }
  pugi::xml_node child = first_element(envelope);
  auto child_name = child ? element_qname(child) : std::optional<QName>(QName{});
  if (!child_name) {
    return unbound_prefix();
  }
  if (child && child_name->ns == env_ns && child_name->local == "Header") {
    if (auto fault = check_header(child, version, env_ns)) {
      return *fault;
    }
    child = next_element(child);
    child_name = child ? element_qname(child) : std::optional<QName>(QName{});
    if (!child_name) {
      return unbound_prefix();
    }
  }
  if (!child || child_name->ns != env_ns || child_name->local != "Body") {
    return client_fault(ExceptionType::kInvalidRequest, "The SOAP envelope has no Body element where one is required.");
  }
  const pugi::xml_node operation = first_element(child);
  if (!operation) {
    return client_fault(ExceptionType::kInvalidRequest, "The SOAP Body holds no operation element.");
  }
  auto operation_name = element_qname(operation);
  if (!operation_name) {
    return unbound_prefix();
  }
  return BodyOperation{operation, std::move(*operation_name)};
}

}  // namespace oofgate::soap
