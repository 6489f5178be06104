#include "soap_facade/text.h"

#include "core/text/ascii.h"

namespace oofgate::soap {

std::string_view trim_xml_space(std::string_view text) { return core::trim(text, " \t\r\n"); }

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
        break;
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

void append_element_xml(std::string& out, std::string_view name, std::string_view inner_xml) {
  out += '<';
  out += name;
  out += '>';
  out += inner_xml;
  out += "</";
  out += name;
  out += '>';
}

}  // namespace oofgate::soap
