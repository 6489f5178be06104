#pragma once

#include <string>
#include <string_view>

namespace oofgate::rest {

// The Graph service root a request came in on; it is echoed in every @odata.context.
enum class ApiVersion { kV1, kBeta };

std::string_view version_segment(ApiVersion version);

// "https://graph.microsoft.com/{version}/$metadata#" + fragment.
std::string metadata_context(ApiVersion version, std::string_view fragment);

// users('{objectId}')/mailboxSettings + suffix. Always the object id, also for /me and UPNs,
// as real Graph answers.
std::string mailbox_settings_context(ApiVersion version, std::string_view object_id, std::string_view suffix);

}  // namespace oofgate::rest
