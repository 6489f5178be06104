#include "soap_facade/xml_reader.h"

namespace oofgate::soap {
namespace {

constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

std::optional<Fault> check_limits(const pugi::xml_document& doc) {
  // Iterative walk: the limits exist to protect the stack, so the check must not recurse.
  std::size_t elements = 0;
  std::size_t depth = 0;
  pugi::xml_node node = doc.first_child();
  while (node) {
    if (node.type() == pugi::node_element) {
      if (++elements > kMaxXmlElements) {
        return client_fault(ExceptionType::kInvalidRequest, "The request has more than " +
                                                                std::to_string(kMaxXmlElements) + " XML elements.");
      }
      if (depth + 1 > kMaxXmlDepth) {
        return client_fault(ExceptionType::kInvalidRequest, "The request nests XML elements deeper than " +
                                                                std::to_string(kMaxXmlDepth) + " levels.");
      }
    }
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      if (depth == 0) {
        return std::nullopt;
      }
      --depth;
    }
    if (node) {
      node = node.next_sibling();
    }
  }
  return std::nullopt;
}

std::optional<std::string> lookup_prefix(pugi::xml_node element, std::string_view prefix) {
  if (prefix == "xml") {
    return std::string(kXmlNs);
  }
  const std::string attribute = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node scope = element; scope && scope.type() == pugi::node_element; scope = scope.parent()) {
    if (const pugi::xml_attribute declaration = scope.attribute(attribute.c_str())) {
      return std::string(declaration.value());
    }
  }
  if (prefix.empty()) {
    return std::string();
  }
  return std::nullopt;
}

std::optional<QName> resolve(pugi::xml_node scope, std::string_view name, bool default_applies) {
  const auto colon = name.find(':');
  if (colon == std::string_view::npos) {
    if (!default_applies) {
      return QName{{}, std::string(name)};
    }
    auto ns = lookup_prefix(scope, {});
    return QName{std::move(*ns), std::string(name)};
  }
  auto ns = lookup_prefix(scope, name.substr(0, colon));
  if (!ns || ns->empty()) {
    return std::nullopt;
  }
  return QName{std::move(*ns), std::string(name.substr(colon + 1))};
}

}  // namespace

std::optional<Fault> parse_untrusted_xml(std::string_view bytes, pugi::xml_document& doc) {
  // pugixml never expands user entities, but refusing the declarations outright also rules out
  // anything a later parser change might do with them.
  if (bytes.find("<!DOCTYPE") != std::string_view::npos || bytes.find("<!ENTITY") != std::string_view::npos) {
    return client_fault(ExceptionType::kInvalidRequest,
                        "Document type declarations and entity declarations are not allowed in a request.");
  }
  // parse_default: predefined and character entities only; no DOCTYPE, PI or comment nodes kept.
  const pugi::xml_parse_result result =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    return client_fault(ExceptionType::kInvalidRequest, std::string("The request is not well-formed XML: ") +
                                                            result.description() + " at offset " +
                                                            std::to_string(result.offset) + ".");
  }
  if (!doc.document_element()) {
    return client_fault(ExceptionType::kInvalidRequest, "The request body holds no XML element.");
  }
  return check_limits(doc);
}

std::optional<QName> element_qname(pugi::xml_node element) { return resolve(element, element.name(), true); }

std::optional<QName> attribute_qname(pugi::xml_node owner, pugi::xml_attribute attribute) {
  return resolve(owner, attribute.name(), false);
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
