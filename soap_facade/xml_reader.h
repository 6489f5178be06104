#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "soap_facade/fault.h"

namespace oofgate::soap {

// Untrusted-input limits: far above anything a UM request needs, far below what hurts.
inline constexpr std::size_t kMaxXmlDepth = 32;
inline constexpr std::size_t kMaxXmlElements = 1000;

// Parses request bytes into `doc`, or says why they were refused: DTDs and entity declarations
// (checked on the raw bytes, so nothing is ever expanded), malformed XML, too deep, too many elements.
std::optional<Fault> parse_untrusted_xml(std::string_view bytes, pugi::xml_document& doc);

// An element or attribute name resolved against the in-scope xmlns declarations.
struct QName {
  std::string ns;
  std::string local;

  bool operator==(const QName&) const = default;
};

// nullopt when the prefix is not bound (the document is not namespace-well-formed).
std::optional<QName> element_qname(pugi::xml_node element);
std::optional<QName> attribute_qname(pugi::xml_node owner, pugi::xml_attribute attribute);

// The first child element, skipping text; null if there is none.
pugi::xml_node first_element(pugi::xml_node parent);
pugi::xml_node next_element(pugi::xml_node element);

// The character content of a simple-typed element; nullopt if it has element children.
std::optional<std::string> simple_content(pugi::xml_node element);

}  // namespace oofgate::soap
