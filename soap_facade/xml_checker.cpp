#include "soap_facade/xml_checker.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/text/utf8.h"
#include "soap_facade/namespace_scopes.h"

namespace oofgate::soap {
namespace {

Fault invalid_request(std::string reason) { return client_fault(ExceptionType::kInvalidRequest, std::move(reason)); }

Fault unbound_prefix() { return invalid_request("The request uses a namespace prefix that is not declared."); }

Fault malformed_name(std::string_view name) {
  return invalid_request("The XML name '" + core::printable_excerpt(name) + "' is not a namespace-well-formed name.");
}

bool is_declaration(std::string_view attribute_name) {
  return attribute_name == "xmlns" || attribute_name.starts_with("xmlns:");
}

class DocumentChecker {
 public:
  DocumentChecker(const XmlLimits& limits, NamespaceTable& namespaces) : limits_(limits), namespaces_(namespaces) {}

  std::optional<Fault> check(pugi::xml_node root) {
    std::size_t depth = 1;
    pugi::xml_node node = root;
    while (true) {
      if (auto fault = enter(node, depth)) {
        return fault;
      }
      if (node.first_child()) {
        node = node.first_child();
        ++depth;
        continue;
      }
      // Close the node and every ancestor it was the last child of, up to the next sibling.
      while (true) {
        leave(node);
        if (node == root) {
          return std::nullopt;
        }
        if (node.next_sibling()) {
          node = node.next_sibling();
          break;
        }
        node = node.parent();
        --depth;
      }
    }
  }

 private:
  std::optional<Fault> enter(pugi::xml_node node, std::size_t depth) {
    if (node.type() == pugi::node_element) {
      return enter_element(node, depth);
    }
    if (std::strlen(node.value()) > limits_.max_text_bytes) {
      return text_too_long();
    }
    return std::nullopt;
  }

  void leave(pugi::xml_node node) {
    if (node.type() == pugi::node_element) {
      scopes_.close_element();
    }
  }

  std::optional<Fault> enter_element(pugi::xml_node element, std::size_t depth) {
    if (++elements_ > limits_.max_elements) {
      return invalid_request("The request has more than " + std::to_string(limits_.max_elements) + " XML elements.");
    }
    if (depth > limits_.max_depth) {
      return invalid_request("The request nests XML elements deeper than " + std::to_string(limits_.max_depth) +
                             " levels.");
    }
    // Opened before any check can fail, so leave() always has a scope to close.
    scopes_.open_element();
    if (auto fault = declare_namespaces(element)) {
      return fault;
    }
    if (auto fault = resolve_element(element)) {
      return fault;
    }
    return resolve_attributes(element);
  }

  // Limits every attribute and makes the element's own declarations, which apply to its own name
  // and attributes too.
  std::optional<Fault> declare_namespaces(pugi::xml_node element) {
    std::size_t on_element = 0;
    for (pugi::xml_attribute attribute : element.attributes()) {
      if (++on_element > limits_.max_attributes_per_element) {
        return invalid_request("The request has an XML element with more than " +
                               std::to_string(limits_.max_attributes_per_element) + " attributes.");
      }
      if (++attributes_ > limits_.max_total_attributes) {
        return invalid_request("The request has more than " + std::to_string(limits_.max_total_attributes) +
                               " XML attributes.");
      }
      const std::string_view name = attribute.name();
      if (auto fault = check_name_length(name)) {
        return fault;
      }
      const std::string_view value = attribute.value();
      if (value.size() > limits_.max_text_bytes) {
        return text_too_long();
      }
      if (name == "xmlns") {
        scopes_.declare({}, value);
      } else if (name.starts_with("xmlns:")) {
        const auto parts = split_qname(name);
        if (!parts) {
          return malformed_name(name);
        }
        scopes_.declare(parts->local, value);
      }
    }
    return std::nullopt;
  }

  std::optional<Fault> resolve_element(pugi::xml_node element) {
    const std::string_view name = element.name();
    if (auto fault = check_name_length(name)) {
      return fault;
    }
    const auto parts = split_qname(name);
    if (!parts) {
      return malformed_name(name);
    }
    const auto ns = scopes_.lookup(parts->prefix);
    if (!ns) {
      return unbound_prefix();
    }
    namespaces_[element.internal_object()] = *ns;
    return std::nullopt;
  }

  std::optional<Fault> resolve_attributes(pugi::xml_node element) {
    expanded_names_.clear();
    for (pugi::xml_attribute attribute : element.attributes()) {
      const std::string_view name = attribute.name();
      const auto parts = split_qname(name);
      if (!parts) {
        return malformed_name(name);
      }
      std::string_view ns;
      std::string_view local = parts->local;
      if (is_declaration(name)) {
        ns = kXmlnsNs;
      } else if (!parts->prefix.empty()) {
        // Namespaces in XML §6.2: unprefixed attributes are in no namespace, whatever the default.
        const auto bound = scopes_.lookup(parts->prefix);
        if (!bound) {
          return unbound_prefix();
        }
        ns = *bound;
      }
      namespaces_[attribute.internal_object()] = ns;
      expanded_names_.emplace_back(ns, local);
    }
    return check_unique(element);
  }

  // XML 1.0 §3.1 (one qualified name) and Namespaces in XML §6.3 (one expanded name, however
  // spelt): sorted, so the check costs k log k for k attributes rather than k squared.
  std::optional<Fault> check_unique(pugi::xml_node element) {
    std::sort(expanded_names_.begin(), expanded_names_.end());
    const auto duplicate = std::adjacent_find(expanded_names_.begin(), expanded_names_.end());
    if (duplicate == expanded_names_.end()) {
      return std::nullopt;
    }
    return invalid_request("The XML element <" + core::printable_excerpt(element.name()) + "> has the attribute {" +
                           core::printable_excerpt(duplicate->first) + "}" +
                           core::printable_excerpt(duplicate->second) + " more than once.");
  }

  std::optional<Fault> check_name_length(std::string_view name) const {
    if (name.size() > limits_.max_name_bytes) {
      return invalid_request("The request has an XML name longer than " + std::to_string(limits_.max_name_bytes) +
                             " bytes.");
    }
    return std::nullopt;
  }

  Fault text_too_long() const {
    return invalid_request("The request has an XML text or attribute value longer than " +
                           std::to_string(limits_.max_text_bytes) + " bytes.");
  }

  const XmlLimits& limits_;
  NamespaceTable& namespaces_;
  NamespaceScopes scopes_;
  std::vector<std::pair<std::string_view, std::string_view>> expanded_names_;  // reused for each element
  std::size_t elements_ = 0;
  std::size_t attributes_ = 0;
};

}  // namespace

std::optional<QNameParts> split_qname(std::string_view name) {
  const auto colon = name.find(':');
  if (colon == std::string_view::npos) {
    return name.empty() ? std::nullopt : std::optional<QNameParts>(QNameParts{{}, name});
  }
  const std::string_view prefix = name.substr(0, colon);
  const std::string_view local = name.substr(colon + 1);
  if (prefix.empty() || local.empty() || local.find(':') != std::string_view::npos) {
    return std::nullopt;
  }
  return QNameParts{prefix, local};
}

std::optional<Fault> check_document(pugi::xml_node root, const XmlLimits& limits, NamespaceTable& namespaces) {
  return DocumentChecker(limits, namespaces).check(root);
}

}  // namespace oofgate::soap
