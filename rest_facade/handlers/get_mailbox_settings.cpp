#include <memory>
#include <variant>

#include "rest_facade/handlers/handlers.h"
#include "rest_facade/handlers/mailbox_access.h"
#include "rest_facade/handlers/mailbox_settings_body.h"

namespace oofgate::rest {
namespace {

struct Selection {
  MemberSet members;
  std::string context_suffix;  // "(a,b)" for $select, as OData context URLs name selected members
};

std::variant<Selection, GraphError> selection_from(const std::optional<std::string>& select) {
  Selection selection;
  if (!select) {
    selection.members = all_members();
    return selection;
  }
  std::string names;
  for (const auto& item : split_list(*select)) {
    if (item == "*") {
      return Selection{all_members(), ""};
    }
    const auto member = member_from_name(item);
    if (!member) {
      return unknown_select_property_error(item, "microsoft.graph.mailboxSettings");
    }
    if (!contains(selection.members, *member)) {
      names += names.empty() ? "" : ",";
      names += member_name(*member);
      insert(selection.members, *member);
    }
  }
  if (selection.members.none()) {
    selection.members = all_members();
    return selection;
  }
  selection.context_suffix = "(" + names + ")";
  return selection;
}

}  // namespace

void get_mailbox_settings(const RouteContext& context) {
  const auto* owner = authorize_or_reply(context, core::Access::kRead);
  if (owner == nullptr) {
    return;
  }
  auto selected = selection_from(context.target.query_option("select"));
  if (auto* error = std::get_if<GraphError>(&selected)) {
    context.reply->send_error(*error);
    return;
  }
  auto selection = std::get<Selection>(std::move(selected));
  const auto version = context.match.version;
  const bool full = selection.members.all();
  context.service.read(
      *owner, on_snapshot(context, [reply = context.reply, version, owner, full,
                                    selection = std::move(selection)](const core::MailboxSnapshot& snapshot) {
        if (!full) {
          reply->send_json(
              boost::beast::http::status::ok,
              mailbox_settings_body(version, *owner, snapshot.settings, selection.members, selection.context_suffix));
          return;
        }
        reply->send_json(boost::beast::http::status::ok, full_mailbox_settings_body(version, *owner, snapshot));
      }));
}

}  // namespace oofgate::rest
