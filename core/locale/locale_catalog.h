#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/mailbox_settings.h"

namespace oofgate::core {

// The locales oofgate offers (Graph: outlook/supportedLanguages) with their English display
// names, generated at build time from the CLDR data pinned in tzdata/cldr/: every CLDR locale of
// the form language[-Script]-REGION, named by CLDR's pattern, e.g. "zh-Hans-CN" -> "Chinese
// (Simplified, China)". Immutable after construction.
class LocaleCatalog {
 public:
  LocaleCatalog();

  // Every offered locale, sorted by tag.
  const std::vector<LocaleInfo>& supported() const { return locales_; }
  // The entry for a BCP 47 tag, matched case-insensitively ("fr-fr" finds "fr-FR"); nullptr
  // when the locale is not offered.
  const LocaleInfo* find(std::string_view tag) const;
  std::optional<std::string> display_name(std::string_view tag) const;

 private:
  std::vector<LocaleInfo> locales_;
  std::unordered_map<std::string, std::size_t> by_lower_tag_;
};

}  // namespace oofgate::core
