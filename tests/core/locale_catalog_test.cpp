#include <gtest/gtest.h>

#include <algorithm>

#include "core/locale/locale_catalog.h"
#include "core/service/settings_validation.h"
#include "support/core_fixture.h"

namespace oofgate::core {
namespace {

using oofgate::testing::CoreFixture;
using oofgate::testing::fixed_now;

TEST(LocaleCatalog, OffersEveryCldrLocaleWithARegionNamedInEnglish) {
  const LocaleCatalog catalog;
  const auto& locales = catalog.supported();
  // CLDR 41 has 548 language[_Script]_REGION locales in common/main.
  EXPECT_EQ(locales.size(), 548U);
  EXPECT_TRUE(std::is_sorted(locales.begin(), locales.end(),
                             [](const LocaleInfo& a, const LocaleInfo& b) { return a.locale < b.locale; }));
  EXPECT_EQ(catalog.display_name("en-US"), "English (United States)");
  EXPECT_EQ(catalog.display_name("fr-FR"), "French (France)");
  EXPECT_EQ(catalog.display_name("az-Latn-AZ"), "Azerbaijani (Latin, Azerbaijan)");
  EXPECT_EQ(catalog.display_name("zh-Hant-TW"), "Chinese (Traditional, Taiwan)");
  EXPECT_EQ(catalog.display_name("bs-Latn-BA"), "Bosnian (Latin, Bosnia & Herzegovina)");       // &amp; unescaped
  EXPECT_EQ(catalog.display_name("pt-ST"), "Portuguese (S\u00e3o Tom\u00e9 & Pr\u00edncipe)");  // UTF-8 kept
}

TEST(LocaleCatalog, LooksUpTagsCaseInsensitivelyAndLeavesOutNonRegionalLocales) {
  const LocaleCatalog catalog;
  ASSERT_NE(catalog.find("EN-us"), nullptr);
  EXPECT_EQ(catalog.find("EN-us")->locale, "en-US");
  EXPECT_EQ(catalog.find("en"), nullptr);           // language only
  EXPECT_EQ(catalog.find("es-419"), nullptr);       // macro-region
  EXPECT_EQ(catalog.find("en-US-POSIX"), nullptr);  // variant
  EXPECT_EQ(catalog.find("xx-YY"), nullptr);
  EXPECT_EQ(catalog.display_name("xx-YY"), std::nullopt);
}

TEST(LocaleCatalog, PatchDerivesTheDisplayNameAndRefusesUnknownLocales) {
  CoreFixture core;
  const MailboxSettings current = default_settings(fixed_now());
  MailboxSettingsPatch patch;
  patch.language.emplace().locale = "ja-jp";
  patch.language->display_name = "ignored";
  const auto next = apply_patch(current, patch, fixed_now(), core.zones, core.service->locales());
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next.value().language, (LocaleInfo{"ja-JP", "Japanese (Japan)"}));

  patch.language->locale = "tlh-KX";
  const auto unknown = apply_patch(current, patch, fixed_now(), core.zones, core.service->locales());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);

  MailboxSettingsPatch name_only;
  name_only.language.emplace().display_name = "Klingon";
  const auto unchanged = apply_patch(current, name_only, fixed_now(), core.zones, core.service->locales());
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged.value().language, current.language);
}

}  // namespace
}  // namespace oofgate::core
