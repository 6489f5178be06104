#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oofgate::rest {

// A cached Graph body holds only what its snapshot decides, so one rendering serves every
// mailbox sharing the snapshot (never-written mailboxes share their defaults). The members that
// name the owner go first, joined on per request:
//   {"@odata.context":"<context_url>"[,"archiveFolder":"<archive_folder>"], <shared_object's members>}
// `shared_object` is a complete JSON object, possibly empty.
std::string owned_body(std::string_view context_url, std::optional<std::string_view> archive_folder,
                       std::string_view shared_object);

}  // namespace oofgate::rest
