#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>

#include <pugixml.hpp>

#include "soap_facade/fault.h"
#include "soap_facade/xml_limits.h"

namespace oofgate::soap {

// Namespaces in XML 1.0 §2.1: the namespace every xmlns declaration attribute is in.
inline constexpr std::string_view kXmlnsNs = "http://www.w3.org/2000/xmlns/";

// Element and attribute internals (pugi internal_object()) -> namespace URI, "" for none.
using NamespaceTable = std::unordered_map<const void*, std::string_view>;

// A qualified name split at its colon (Namespaces in XML 1.0 §4); nullopt when it has more than
// one colon or an empty prefix or local part.
struct QNameParts {
  std::string_view prefix;
  std::string_view local;
};
std::optional<QNameParts> split_qname(std::string_view name);

// One walk over the element `root` and everything under it, in document order and without
// recursion: XmlLimits, namespace well-formedness and duplicate attributes, filling `namespaces`
// for every element and attribute. Each node is visited once and each name resolved with one hash
// probe, so the cost is linear in the document; it stops at the first problem.
std::optional<Fault> check_document(pugi::xml_node root, const XmlLimits& limits, NamespaceTable& namespaces);

}  // namespace oofgate::soap
