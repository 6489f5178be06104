#pragma once

#include <string>
#include <string_view>

namespace oofgate::soap {

// Strips XML whitespace (space, tab, CR, LF): the xs:boolean whiteSpace="collapse" facet.
std::string_view trim_xml_space(std::string_view text);
// Escapes text for element content and double-quoted attribute values.
void append_escaped(std::string& out, std::string_view text);
std::string escaped(std::string_view text);
// `<name>inner_xml</name>`; `inner_xml` is markup or already escaped.
void append_element_xml(std::string& out, std::string_view name, std::string_view inner_xml);

}  // namespace oofgate::soap
