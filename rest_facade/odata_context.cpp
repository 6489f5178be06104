#include "rest_facade/odata_context.h"

namespace oofgate::rest {

std::string_view version_segment(ApiVersion version) { return version == ApiVersion::kBeta ? "beta" : "v1.0"; }

std::string metadata_context(ApiVersion version, std::string_view fragment) {
  std::string url = "https://graph.microsoft.com/";
  url += version_segment(version);
  url += "/$metadata#";
  url += fragment;
  return url;
}

std::string mailbox_settings_context(ApiVersion version, std::string_view object_id, std::string_view suffix) {
  // OData key literal: single quotes doubled.
  std::string key;
  for (char c : object_id) {
    key += c;
    if (c == '\'') {
      key += '\'';
    }
  }
  std::string fragment = "users('" + key + "')/mailboxSettings";
  fragment += suffix;
  return metadata_context(version, fragment);
}

}  // namespace oofgate::rest
