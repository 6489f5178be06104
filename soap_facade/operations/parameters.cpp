#include "soap_facade/operations/parameters.h"

#include "core/text/utf8.h"
#include "soap_facade/text.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap {
namespace {

Fault schema_fault(std::string reason) { return client_fault(ExceptionType::kSchemaValidation, std::move(reason)); }

}  // namespace

std::variant<Parameters, Fault> Parameters::read(const OperationContext& context,
                                                 std::span<const ParameterName> expected) {
  // Unqualified parameters are accepted too: a client that prefixes only the operation
  // element leaves its children in no namespace.
  return read_children(context.document, context.request, context.name, messages_ns(context.ns), true, expected);
}

std::variant<Parameters, Fault> Parameters::read_children(const XmlDocument& document, pugi::xml_node element,
                                                          std::string_view element_name, std::string_view ns,
                                                          bool allow_unqualified,
                                                          std::span<const ParameterName> expected) {
  Parameters parameters;
  if (has_text(element)) {
    return schema_fault("The element <" + std::string(element_name) + "> holds text; it may hold only its parameters.");
  }
  for (pugi::xml_node child = first_element(element); child; child = next_element(child)) {
    const QName name = document.name_of(child);
    const ParameterName* match = nullptr;
    if (name.ns == ns || (allow_unqualified && name.ns.empty())) {
      for (const ParameterName& candidate : expected) {
        if (name.local == candidate.name || (!candidate.alias.empty() && name.local == candidate.alias)) {
          match = &candidate;
        }
      }
    }
    if (match == nullptr) {
      return schema_fault("The element <" + core::printable_excerpt(name.local) + "> is not a parameter of " +
                          std::string(element_name) + ".");
    }
    for (const auto& [seen, node] : parameters.found_) {
      if (seen == match->name) {
        return schema_fault("The element <" + std::string(match->name) + "> appears more than once.");
      }
    }
    parameters.found_.emplace_back(match->name, child);
  }
  return parameters;
}

pugi::xml_node Parameters::find(std::string_view name) const {
  for (const auto& [seen, node] : found_) {
    if (seen == name) {
      return node;
    }
  }
  return {};
}

std::variant<std::string, Fault> Parameters::required_text(std::string_view name) const {
  for (const auto& [seen, node] : found_) {
    if (seen == name) {
      auto text = simple_content(node);
      if (!text) {
        return schema_fault("The element <" + std::string(name) + "> must hold text, not elements.");
      }
      return std::move(*text);
    }
  }
  return schema_fault("The required element <" + std::string(name) + "> is missing.");
}

std::variant<bool, Fault> Parameters::required_boolean(std::string_view name) const {
  auto text = required_text(name);
  if (auto* fault = std::get_if<Fault>(&text)) {
    return std::move(*fault);
  }
  const std::string_view value = trim_xml_space(std::get<std::string>(text));
  if (value == "true" || value == "1") {
    return true;
  }
  if (value == "false" || value == "0") {
    return false;
  }
  return schema_fault("The value '" + core::printable_excerpt(value) + "' of <" + std::string(name) +
                      "> is not an xs:boolean (true, false, 1 or 0).");
}

std::variant<bool, Fault> read_status_parameter(const OperationContext& context) {
  auto parameters = Parameters::read(context, {{"status"}});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    return *fault;
  }
  return std::get<Parameters>(parameters).required_boolean("status");
}

}  // namespace oofgate::soap
