#include "soap_facade/ews/mailbox_access.h"

#include <string>
#include <variant>

#include "soap_facade/ews/ews_response.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/operations/parameters.h"
#include "soap_facade/text.h"

namespace oofgate::soap::ews {
namespace {

// MS-OXWOOF §3.1.4.1: "the server MUST return a SOAP fault" naming this exception, with
// detail/ErrorCode -2146233088 (COR_E_EXCEPTION) in the messages namespace. e:ResponseCode is
// added so EWS clients raise their access-denied error for it.
Fault not_mailbox_owner(const EwsContext& context) {
  Fault fault = ews_fault(FaultCode::kClient, "ErrorAccessDenied",
                          "Microsoft.Exchange.Data.Storage.AccessDeniedException: User is not mailbox owner.");
  fault.actor = std::string(context.endpoint_url);
  fault.detail_xml += R"(<ErrorCode xmlns=")";
  fault.detail_xml += kMessagesNs;
  fault.detail_xml += R"(">-2146233088</ErrorCode>)";
  return fault;
}

}  // namespace

void answer_error(const EwsContext& context, const Reply& reply, const EwsError& error) {
  std::string content;
  append_error_message(content, "ResponseMessage", error);
  reply.success(operation_response(context.operation, content));
}

const core::User* authorize_mailbox(const EwsContext& context, pugi::xml_node mailbox, core::Access access,
                                    const Reply& reply) {
  auto parts = Parameters::read_children(context.document, mailbox, "Mailbox", kTypesNs,
                                         {{"Name"}, {"Address"}, {"RoutingType"}});
  if (auto* fault = std::get_if<Fault>(&parts)) {
    reply.fault(*fault);
    return nullptr;
  }
  auto address = std::get<Parameters>(parts).required_text("Address");
  if (auto* fault = std::get_if<Fault>(&address)) {
    reply.fault(*fault);
    return nullptr;
  }
  const std::string_view trimmed = trim_xml_space(std::get<std::string>(address));
  if (trimmed.empty()) {
    answer_error(context, reply, {"ErrorMissingEmailAddress", "The Mailbox has no email address."});
    return nullptr;
  }
  auto owner = context.service.authorize(context.principal, core::MailboxTarget::named(std::string(trimmed)), access);
  if (owner) {
    return owner.value();
  }
  const bool someone_else = context.principal.kind == core::PrincipalKind::kDelegated &&
                            owner.error().code == core::ErrorCode::kAccessDenied &&
                            context.service.directory().find_user(trimmed) != context.principal.user;
  if (someone_else) {
    reply.fault(not_mailbox_owner(context));
    return nullptr;
  }
  answer_error(context, reply, ews_error_from(owner.error()));
  return nullptr;
}

}  // namespace oofgate::soap::ews
