#include <string>
#include <variant>

#include "facade_common/connection_executor.h"
#include "soap_facade/ews/ews_operation.h"
#include "soap_facade/ews/ews_response.h"
#include "soap_facade/ews/mailbox_access.h"
#include "soap_facade/ews/oof_settings_xml.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap::ews {
namespace {

std::string set_response(const std::optional<EwsError>& error) {
  std::string content;
  if (error) {
    append_error_message(content, "ResponseMessage", *error);
  } else {
    append_success_message(content, "ResponseMessage");
  }
  return operation_response("SetUserOofSettings", content);
}

}  // namespace

// MS-OXWOOF SetUserOofSettingsRequest: t:Mailbox, t:UserOofSettings. The whole settings are
// parsed before the mailbox is touched, and the core applies the patch whole or not at all.
void handle_set_user_oof_settings(const EwsContext& context, const Reply& reply) {
  auto parameters = Parameters::read_children(context.document, context.request, "SetUserOofSettingsRequest", kTypesNs,
                                              {{"Mailbox"}, {"UserOofSettings"}});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  const Parameters& found = std::get<Parameters>(parameters);
  for (std::string_view required : {"Mailbox", "UserOofSettings"}) {
    if (!found.find(required)) {
      reply.fault(client_fault(ExceptionType::kSchemaValidation,
                               "The required element <" + std::string(required) + "> is missing."));
      return;
    }
  }
  auto patch = read_user_oof_settings(context.document, found.find("UserOofSettings"));
  if (auto* fault = std::get_if<Fault>(&patch)) {
    reply.fault(*fault);
    return;
  }
  const core::User* owner = authorize_mailbox(context, found.find("Mailbox"), core::Access::kWrite, reply);
  if (owner == nullptr) {
    return;
  }
  core::MailboxSettingsPatch settings;
  settings.automatic_replies = std::get<core::AutomaticRepliesPatch>(std::move(patch));
  context.service.update(*owner, settings, [reply](core::Result<core::SnapshotPtr> result) {
    // Rendered on the connection's thread, so the committer only commits.
    guarded(reply, [&] {
      facade::run_on_connection(reply.connection(), [reply, result = std::move(result)] {
        guarded(reply, [&] {
          reply.success(set_response(result ? std::nullopt : std::optional<EwsError>(ews_error_from(result.error()))));
        });
      });
    });
  });
}

}  // namespace oofgate::soap::ews
