#include "soap_facade/soap_dispatch.h"

#include <string>
#include <variant>

#include "core/text/utf8.h"
#include "facade_common/request.h"
#include "soap_facade/envelope_reader.h"
#include "soap_facade/operations/operation.h"
#include "soap_facade/soap_action.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap {
namespace {

std::optional<MessagesNs> messages_ns_of(std::string_view ns) {
  if (ns == kMessagesNs) {
    return MessagesNs::kHttp;
  }
  if (ns == kMessagesNsHttps) {
    return MessagesNs::kHttps;
  }
  return std::nullopt;
}

Fault unknown_operation(const QName& name) {
  return client_fault(ExceptionType::kInvalidOperation, "The Body element {" + core::printable_excerpt(name.ns) + "}" +
                                                            core::printable_excerpt(name.local) +
                                                            " is not a UM web service operation.");
}

}  // namespace

void dispatch_soap(core::MailboxService& service, const core::Principal& principal, std::string_view body,
                   std::optional<std::string_view> action, const Reply& reply, const XmlLimits& limits) {
  XmlDocument document;
  auto envelope = parse_envelope(document, body, reply.version(), limits);
  if (auto* fault = std::get_if<Fault>(&envelope)) {
    reply.fault(*fault);
    return;
  }
  const BodyOperation& operation = std::get<BodyOperation>(envelope);
  const auto ns = messages_ns_of(operation.name.ns);
  const OperationSpec* spec = ns ? find_um_operation(operation.name.local) : nullptr;
  if (spec == nullptr) {
    reply.fault(unknown_operation(operation.name));
    return;
  }
  reply.use_messages_ns(*ns);
  facade::trace_operation(spec->name);
  if (auto fault = check_soap_action(action, spec->name)) {
    reply.fault(*fault);
    return;
  }
  auto owner = service.authorize(principal, core::MailboxTarget::me(), spec->access);
  if (!owner) {
    reply.fault(fault_from_error(owner.error(), spec->invalid_argument_as));
    return;
  }
  facade::trace_mailbox(owner.value()->id);
  const OperationContext context{.service = service,
                                 .user = *owner.value(),
                                 .request = operation.element,
                                 .document = document,
                                 .name = spec->name,
                                 .ns = *ns,
                                 .invalid_argument_as = spec->invalid_argument_as};
  spec->handler(context, reply);
}

}  // namespace oofgate::soap
