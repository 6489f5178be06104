#include "rest_facade/odata_context.h"

namespace oofgate::rest {

std::string_view version_segment(ApiVersion version) { return version == ApiVersion::kBeta ? "beta" : "v1.0"; }

namespace {

constexpr std::string_view kServiceRoot = "https://graph.microsoft.com/";
constexpr std::string_view kMetadata = "/$metadata#";

}  // namespace

std::string metadata_context(ApiVersion version, std::string_view fragment) {
  std::string url;
  url.reserve(kServiceRoot.size() + 4 + kMetadata.size() + fragment.size());
  url.append(kServiceRoot).append(version_segment(version)).append(kMetadata).append(fragment);
  return url;
}

std::string mailbox_settings_context(ApiVersion version, std::string_view object_id, std::string_view suffix) {
  constexpr std::string_view kUsers = "users('";
  constexpr std::string_view kMailboxSettings = "')/mailboxSettings";
  // Built in one buffer: it is rendered for every mailbox's first read.
  std::string url;
  url.reserve(kServiceRoot.size() + 4 + kMetadata.size() + kUsers.size() + object_id.size() + 2 +
              kMailboxSettings.size() + suffix.size());
  url.append(kServiceRoot).append(version_segment(version)).append(kMetadata).append(kUsers);
  for (char c : object_id) {
    url += c;
    if (c == '\'') {
      url += '\'';  // OData key literal: single quotes doubled
    }
  }
  url.append(kMailboxSettings).append(suffix);
  return url;
}

}  // namespace oofgate::rest
