#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace oofgate::soap {

// The xmlns bindings in scope while a document is walked once in document order (Namespaces in
// XML 1.0 §6). Each lookup is one hash probe, however many ancestors declare how many prefixes,
// so resolving every name of a document is linear in its size. The views point into the document.
class NamespaceScopes {
 public:
  NamespaceScopes();

  // Brackets one element: its declarations are made between open() and the names it resolves.
  void open_element();
  void close_element();
  // `prefix` empty: the default namespace. An empty `uri` unbinds (xmlns="" is allowed, xmlns:p="" is
  // not, so a prefix bound to "" resolves to nothing).
  void declare(std::string_view prefix, std::string_view uri);

  // The namespace an element name with this prefix is in; nullopt if the prefix is not bound.
  std::optional<std::string_view> lookup(std::string_view prefix) const;

 private:
  std::unordered_map<std::string_view, std::vector<std::string_view>> bindings_;
  std::vector<std::string_view> declared_;  // prefixes declared by the open elements, innermost last
  std::vector<std::size_t> marks_;          // declared_.size() when each open element was opened
};

}  // namespace oofgate::soap
