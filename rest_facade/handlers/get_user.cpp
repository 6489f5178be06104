#include <array>
#include <variant>

#include "core/directory/archive_folder.h"
#include "core/text/ascii.h"
#include "rest_facade/handlers/handlers.h"
#include "rest_facade/handlers/mailbox_access.h"
#include "rest_facade/json/serializers.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {
namespace {

// The user properties oofgate knows (core::User), in Graph's response order.
enum class UserProperty { kId, kDisplayName, kUserPrincipalName, kMailboxSettings };
constexpr std::pair<UserProperty, std::string_view> kUserProperties[] = {
    {UserProperty::kDisplayName, "displayName"},
    {UserProperty::kUserPrincipalName, "userPrincipalName"},
    {UserProperty::kId, "id"},
    {UserProperty::kMailboxSettings, "mailboxSettings"},
};
constexpr std::size_t kUserPropertyCount = 4;
constexpr std::size_t kMailboxSettingsIndex = 3;

struct UserSelection {
  std::array<bool, kUserPropertyCount> selected{};
  std::string context_fragment;  // "users/$entity" or "users(a,b)/$entity"
};

std::variant<UserSelection, GraphError> user_selection(const std::optional<std::string>& select) {
  UserSelection selection;
  if (!select) {
    // mailboxSettings is returned only on $select.
    selection.selected = {true, true, true, false};
    static_assert(kUserProperties[kMailboxSettingsIndex].first == UserProperty::kMailboxSettings);
    selection.context_fragment = "users/$entity";
    return selection;
  }
  std::string names;
  for (const auto& item : split_list(*select)) {
    bool found = false;
    for (std::size_t i = 0; i < kUserPropertyCount; ++i) {
      if (core::iequals_ascii(kUserProperties[i].second, item)) {
        found = true;
        if (!selection.selected[i]) {
          selection.selected[i] = true;
          names += names.empty() ? "" : ",";
          names += kUserProperties[i].second;
        }
      }
    }
    if (!found) {
      return unknown_select_property_error(item, "microsoft.graph.user");
    }
  }
  selection.context_fragment = "users(" + names + ")/$entity";
  return selection;
}

std::string user_body(ApiVersion version, const core::User& user, const UserSelection& selection,
                      const core::MailboxSettings* settings) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_member(writer, "@odata.context", metadata_context(version, selection.context_fragment));
  for (std::size_t i = 0; i < kUserPropertyCount; ++i) {
    if (!selection.selected[i]) {
      continue;
    }
    const auto [property, name] = kUserProperties[i];
    switch (property) {
      case UserProperty::kId:
        write_member(writer, name, user.id);
        break;
      case UserProperty::kDisplayName:
        write_member(writer, name, user.display_name);
        break;
      case UserProperty::kUserPrincipalName:
        write_member(writer, name, user.user_principal_name);
        break;
      case UserProperty::kMailboxSettings:
        write_key(writer, name);
        write_mailbox_settings(writer, *settings, core::archive_folder_id(user));
        break;
    }
  }
  writer.EndObject();
  return take_json(buffer);
}

}  // namespace

void get_user(const RouteContext& context) {
  auto selected = user_selection(context.target.query_option("select"));
  // Graph: the user's own properties need User.Read; selecting mailboxSettings needs a
  // mailbox-settings permission. Authorization is still answered before a bad $select.
  const auto* selection_ok = std::get_if<UserSelection>(&selected);
  const bool reads_mailbox = selection_ok != nullptr && selection_ok->selected[kMailboxSettingsIndex];
  const auto* owner = authorize_or_reply(context, reads_mailbox ? core::Access::kRead : core::Access::kProfile);
  if (owner == nullptr) {
    return;
  }
  if (auto* error = std::get_if<GraphError>(&selected)) {
    context.reply->send_error(*error);
    return;
  }
  auto selection = std::get<UserSelection>(std::move(selected));
  const auto version = context.match.version;
  if (!selection.selected[kMailboxSettingsIndex]) {
    context.reply->send_json(boost::beast::http::status::ok, user_body(version, *owner, selection, nullptr));
    return;
  }
  context.service.read(
      *owner, on_snapshot(context, [reply = context.reply, version, owner,
                                    selection = std::move(selection)](const core::MailboxSnapshot& snapshot) {
        reply->send_json(boost::beast::http::status::ok, user_body(version, *owner, selection, &snapshot.settings));
      }));
}

void patch_user(const RouteContext& context) {
  if (authorize_or_reply(context, core::Access::kWrite) == nullptr) {
    return;
  }
  // Graph: mailboxSettings is changed only through its own path; a nested PATCH is refused.
  context.reply->send_error(graph_error_from(core::Error{core::ErrorCode::kNotSupported, {}}));
}

void list_users(const RouteContext& context) {
  const auto select = context.target.query_option("select");
  if (select) {
    for (const auto& item : split_list(*select)) {
      if (core::iequals_ascii(item, "mailboxSettings")) {
        // Graph: mailboxSettings needs one explicit mailbox.
        context.reply->send_error(GraphError{boost::beast::http::status::bad_request,
                                             "ExplicitTargetMailboxIdShouldNotBeNullOrWhiteSpace",
                                             "The Id is invalid.",
                                             {},
                                             {}});
        return;
      }
    }
  }
  // Listing the directory is not part of oofgate's surface.
  context.reply->send_error(segment_not_found_error("users"));
}

}  // namespace oofgate::rest
