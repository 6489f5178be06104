#include "rest_facade/json/owned_body.h"

#include "facade_common/json_text.h"

namespace oofgate::rest {
using facade::append_json_string;

std::string owned_body(std::string_view context_url, std::optional<std::string_view> archive_folder,
                       std::string_view shared_object) {
  constexpr std::string_view kContextKey = R"({"@odata.context":)";
  constexpr std::string_view kArchiveFolderKey = R"(,"archiveFolder":)";  // Graph: mailboxSettings.archiveFolder
  const std::string_view shared_members = shared_object.substr(1);        // after the opening brace
  std::string body;
  body.reserve(kContextKey.size() + context_url.size() + kArchiveFolderKey.size() +
               (archive_folder ? archive_folder->size() : 0) + shared_members.size() + 8);
  body.append(kContextKey);
  append_json_string(body, context_url);
  if (archive_folder) {
    body.append(kArchiveFolderKey);
    append_json_string(body, *archive_folder);
  }
  if (shared_members != "}") {
    body += ',';
  }
  body.append(shared_members);
  return body;
}

}  // namespace oofgate::rest
