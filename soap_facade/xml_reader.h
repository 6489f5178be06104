#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <pugixml.hpp>

#include "soap_facade/fault.h"
#include "soap_facade/xml_limits.h"

namespace oofgate::soap {

// An element or attribute name resolved against the in-scope xmlns declarations. The views point
// into the XmlDocument the name came from.
struct QName {
  std::string_view ns;
  std::string_view local;

  bool operator==(const QName&) const = default;
};

// A request document that passed every check on untrusted XML, with each name's namespace
// resolved once, in the same linear pass.
class XmlDocument {
 public:
  // Parses request bytes and checks them whole, or says why they were refused: DTDs and entity
  // declarations (on the raw bytes, so nothing is ever expanded), characters XML does not allow,
  // malformed XML, anything but one root element at top level, any XmlLimits exceeded, names
  // that are not namespace-well-formed (unbound prefix, two colons), and two attributes of one
  // element with the same qualified or expanded name.
  std::optional<Fault> load(std::string_view bytes, const XmlLimits& limits);

  pugi::xml_node root() const { return document_.document_element(); }

  // The resolved name of an element or attribute of this loaded document.
  QName name_of(pugi::xml_node element) const;
  QName name_of(pugi::xml_attribute attribute) const;

 private:
  pugi::xml_document document_;
  // Element and attribute internals -> namespace URI (empty: no namespace).
  std::unordered_map<const void*, std::string_view> namespaces_;
};

// The first child element, skipping text; null if there is none.
pugi::xml_node first_element(pugi::xml_node parent);
pugi::xml_node next_element(pugi::xml_node element);

// Whether an element has character data of its own (whitespace-only text is not kept by the parser).
bool has_text(pugi::xml_node element);

// The character content of a simple-typed element; nullopt if it has element children.
std::optional<std::string> simple_content(pugi::xml_node element);

}  // namespace oofgate::soap
