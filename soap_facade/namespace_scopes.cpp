#include "soap_facade/namespace_scopes.h"

namespace oofgate::soap {
namespace {

constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

}  // namespace

NamespaceScopes::NamespaceScopes() {
  // Namespaces in XML §3: `xml` is bound by definition; without a declaration the default is none.
  bindings_[std::string_view("xml")].push_back(kXmlNs);
  bindings_[std::string_view()].push_back(std::string_view());
}

void NamespaceScopes::open_element() { marks_.push_back(declared_.size()); }

void NamespaceScopes::close_element() {
  const std::size_t mark = marks_.back();
  marks_.pop_back();
  while (declared_.size() > mark) {
    bindings_[declared_.back()].pop_back();
    declared_.pop_back();
  }
}

void NamespaceScopes::declare(std::string_view prefix, std::string_view uri) {
  bindings_[prefix].push_back(uri);
  declared_.push_back(prefix);
}

std::optional<std::string_view> NamespaceScopes::lookup(std::string_view prefix) const {
  const auto found = bindings_.find(prefix);
  if (found == bindings_.end() || found->second.empty()) {
    return std::nullopt;
  }
  const std::string_view uri = found->second.back();
  if (uri.empty() && !prefix.empty()) {
    return std::nullopt;
  }
  return uri;
}

}  // namespace oofgate::soap
