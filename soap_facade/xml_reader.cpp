#include "soap_facade/xml_reader.h"

#include "core/text/ascii.h"
#include "core/text/utf8.h"
#include "soap_facade/xml_characters.h"
#include "soap_facade/xml_checker.h"

namespace oofgate::soap {
namespace {

Fault invalid_request(std::string reason) { return client_fault(ExceptionType::kInvalidRequest, std::move(reason)); }

// XML 1.0 §2.1: document ::= prolog element Misc*. Comments and processing instructions are not
// kept by the parser, so any top-level node besides the one element is a second element or text.
std::optional<Fault> check_single_root(const pugi::xml_document& document) {
  std::size_t elements = 0;
  for (pugi::xml_node node = document.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element || ++elements > 1) {
      return invalid_request("The request has content outside its root element.");
    }
  }
  if (elements == 0) {
    return invalid_request("The request body holds no XML element.");
  }
  return std::nullopt;
}

// XML 1.0 §4.3.3: a document may declare its encoding; the facade reads UTF-8 only (the media
// type's charset is checked at the edge), so a declaration of anything else is refused rather
// than read as if it were UTF-8.
std::optional<Fault> check_declared_encoding(std::string_view bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.starts_with(kBom)) {
    bytes.remove_prefix(kBom.size());
  }
  if (!bytes.starts_with("<?xml") || bytes.size() < 6 ||
      std::string_view(" \t\r\n").find(bytes[5]) == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view declaration = bytes.substr(0, bytes.find("?>"));
  const auto at = declaration.find("encoding");
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view rest = core::trim(declaration.substr(at + 8), " \t\r\n");
  if (rest.empty() || rest.front() != '=') {
    return invalid_request("The XML declaration is not well-formed.");
  }
  rest = core::trim(rest.substr(1), " \t\r\n");
  if (rest.empty() || (rest.front() != '"' && rest.front() != '\'')) {
    return invalid_request("The XML declaration is not well-formed.");
  }
  const auto end = rest.find(rest.front(), 1);
  const std::string_view encoding = rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  if (core::iequals_ascii(encoding, "utf-8") || core::iequals_ascii(encoding, "us-ascii")) {
    return std::nullopt;
  }
  return invalid_request("The request declares the encoding '" + core::printable_excerpt(encoding) +
                         "'; requests must be encoded in UTF-8.");
}

// Every name of a loaded document passed split_qname() in check_document().
std::string_view local_part(std::string_view name) { return split_qname(name).value().local; }

}  // namespace

std::optional<Fault> XmlDocument::load(std::string_view bytes, const XmlLimits& limits) {
  // pugixml never expands user entities, but refusing the declarations outright also rules out
  // anything a later parser change might do with them.
  if (bytes.find("<!DOCTYPE") != std::string_view::npos || bytes.find("<!ENTITY") != std::string_view::npos) {
    return invalid_request("Document type declarations and entity declarations are not allowed in a request.");
  }
  if (auto fault = check_xml_characters(bytes)) {
    return fault;
  }
  if (auto fault = check_declared_encoding(bytes)) {
    return fault;
  }
  // parse_default: predefined and character entities only; no DOCTYPE, PI or comment nodes kept.
  // parse_fragment keeps top-level text, which parse_default would drop silently, so it can be refused.
  const pugi::xml_parse_result result = document_.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_fragment, pugi::encoding_utf8);
  if (!result) {
    return invalid_request(std::string("The request is not well-formed XML: ") + result.description() + " at offset " +
                           std::to_string(result.offset) + ".");
  }
  if (auto fault = check_single_root(document_)) {
    return fault;
  }
  return check_document(root(), limits, namespaces_);
}

QName XmlDocument::name_of(pugi::xml_node element) const {
  return QName{namespaces_.at(element.internal_object()), local_part(element.name())};
}

// xmlns declarations are named by the prefix they declare, the default one by "xmlns".
QName XmlDocument::name_of(pugi::xml_attribute attribute) const {
  return QName{namespaces_.at(attribute.internal_object()), local_part(attribute.name())};
}

pugi::xml_node first_element(pugi::xml_node parent) {
  pugi::xml_node child = parent.first_child();
  while (child && child.type() != pugi::node_element) {
    child = child.next_sibling();
  }
  return child;
}

pugi::xml_node next_element(pugi::xml_node element) {
  pugi::xml_node sibling = element.next_sibling();
  while (sibling && sibling.type() != pugi::node_element) {
    sibling = sibling.next_sibling();
  }
  return sibling;
}

bool has_text(pugi::xml_node element) {
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> simple_content(pugi::xml_node element) {
  std::string text;
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element) {
      return std::nullopt;
    }
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return text;
}

}  // namespace oofgate::soap
