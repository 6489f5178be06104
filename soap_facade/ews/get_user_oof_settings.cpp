#include <string>
#include <variant>

#include "soap_facade/ews/ews_operation.h"
#include "soap_facade/ews/ews_response.h"
#include "soap_facade/ews/mailbox_access.h"
#include "soap_facade/ews/oof_settings_xml.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap::ews {
namespace {

// Messages.xsd GetUserOofSettingsResponse: ResponseMessage, then t:OofSettings as its sibling,
// then AllowExternalOof (always: Outlook needs it; oofgate has no organization cap, so All).
std::string render_get_response(const core::MailboxService& service, const core::AutomaticReplies& replies) {
  std::string content;
  append_success_message(content, "ResponseMessage");
  content += render_oof_settings(replies, service.time_zones(), service.clock().now());
  content += "<AllowExternalOof>All</AllowExternalOof>";
  return operation_response("GetUserOofSettings", content);
}

}  // namespace

// MS-OXWOOF §3.1.4.1: GetUserOofSettingsRequest/t:Mailbox.
void handle_get_user_oof_settings(const EwsContext& context, const Reply& reply) {
  auto parameters = Parameters::read_children(context.document, context.request, "GetUserOofSettingsRequest", kTypesNs,
                                              {{"Mailbox"}});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  const pugi::xml_node mailbox = std::get<Parameters>(parameters).find("Mailbox");
  if (!mailbox) {
    reply.fault(client_fault(ExceptionType::kSchemaValidation, "The required element <Mailbox> is missing."));
    return;
  }
  const core::User* owner = authorize_mailbox(context, mailbox, core::Access::kRead, reply);
  if (owner == nullptr) {
    return;
  }
  const core::MailboxService& service = context.service;
  context.service.read(*owner, [reply, &service](core::Result<core::SnapshotPtr> result) {
    guarded(reply, [&] {
      if (!result) {
        std::string content;
        append_error_message(content, "ResponseMessage", ews_error_from(result.error()));
        reply.success(operation_response("GetUserOofSettings", content));
        return;
      }
      reply.success(render_get_response(service, result.value()->settings.automatic_replies));
    });
  });
}

}  // namespace oofgate::soap::ews
