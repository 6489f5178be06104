#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <pugixml.hpp>

#include "soap_facade/fault.h"
#include "soap_facade/operations/operation.h"

namespace oofgate::soap {

// A parameter element: its documented name and, where the docs spell it two ways, the other
// (the SetTelephoneAccessFolderEmail sample writes base64FolderID, the element page base64FolderId).
struct ParameterName {
  std::string_view name;
  std::string_view alias = {};
};

// The parameter elements of one request. Each may appear once; any other child element is a
// schema violation, so a request is either understood whole or refused whole.
class Parameters {
 public:
  static std::variant<Parameters, Fault> read(const OperationContext& context, std::span<const ParameterName> expected);
  // The child elements of any `element` (named `element_name` in messages): each in `ns` (or, if
  // `allow_unqualified`, in no namespace) and one of `expected`. EWS reads its t: elements so.
  static std::variant<Parameters, Fault> read_children(const XmlDocument& document, pugi::xml_node element,
                                                       std::string_view element_name, std::string_view ns,
                                                       bool allow_unqualified, std::span<const ParameterName> expected);
  static std::variant<Parameters, Fault> read_children(const XmlDocument& document, pugi::xml_node element,
                                                       std::string_view element_name, std::string_view ns,
                                                       std::initializer_list<ParameterName> expected) {
    return read_children(document, element, element_name, ns, false,
                         std::span<const ParameterName>(expected.begin(), expected.size()));
  }

  // The element of a parameter; null when it was not sent.
  pugi::xml_node find(std::string_view name) const;
  static std::variant<Parameters, Fault> read(const OperationContext& context,
                                              std::initializer_list<ParameterName> expected) {
    return read(context, std::span<const ParameterName>(expected.begin(), expected.size()));
  }

  // Simple content of a required parameter.
  std::variant<std::string, Fault> required_text(std::string_view name) const;
  // xs:boolean: true/false/1/0, whitespace collapsed.
  std::variant<bool, Fault> required_boolean(std::string_view name) const;

 private:
  std::vector<std::pair<std::string_view, pugi::xml_node>> found_;
};

// The single xs:boolean `status` parameter of SetOofStatus and SetMissedCallNotificationEnabled.
std::variant<bool, Fault> read_status_parameter(const OperationContext& context);

}  // namespace oofgate::soap
