#include "rest_facade/json/owned_body.h"

#include <algorithm>

#include "rest_facade/json/json_writer.h"

namespace oofgate::rest {
namespace {

// Appends `value` as a JSON string. Object ids and archive folder ids need no escaping, so
// they are copied as they are; anything else goes through RapidJSON's escaping.
void append_json_string(std::string& out, std::string_view value) {
  const bool plain = std::none_of(value.begin(), value.end(),
                                  [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
  if (plain) {
    out += '"';
    out.append(value);
    out += '"';
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_string(writer, value);
  out.append(buffer.GetString(), buffer.GetSize());
}

}  // namespace

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
