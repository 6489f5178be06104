#include "core/locale/locale_catalog.h"

#include <algorithm>

namespace oofgate::core {
namespace {

struct GeneratedLocale {
  const char* tag;
  const char* display_name;
};

constexpr GeneratedLocale kGeneratedLocales[] = {
#include "locales.inc"
};

// BCP 47 tags compare case-insensitively.
std::string lower_tag(std::string_view tag) {
  std::string lower(tag);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return lower;
}

}  // namespace

LocaleCatalog::LocaleCatalog() {
  locales_.reserve(std::size(kGeneratedLocales));
  for (const auto& row : kGeneratedLocales) {
    locales_.push_back(LocaleInfo{row.tag, row.display_name});
  }
  std::sort(locales_.begin(), locales_.end(),
            [](const LocaleInfo& a, const LocaleInfo& b) { return a.locale < b.locale; });
  for (std::size_t i = 0; i < locales_.size(); ++i) {
    by_lower_tag_.emplace(lower_tag(locales_[i].locale), i);
  }
}

const LocaleInfo* LocaleCatalog::find(std::string_view tag) const {
  const auto it = by_lower_tag_.find(lower_tag(tag));
  return it == by_lower_tag_.end() ? nullptr : &locales_[it->second];
}

std::optional<std::string> LocaleCatalog::display_name(std::string_view tag) const {
  const auto* locale = find(tag);
  if (locale == nullptr) {
    return std::nullopt;
  }
  return locale->display_name;
}

}  // namespace oofgate::core
