#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {

// MS-OXWUMS: ResetPIN (no parameters) -> empty ResetPINResponse, once the new PIN has been handed
// to the user and its hash committed (MailboxService::reset_pin). The PIN never appears here.
void handle_reset_pin(const OperationContext& context, const Reply& reply) {
  auto parameters = Parameters::read(context, {});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  if (!require_um_enabled(context, reply)) {
    return;
  }
  context.service.reset_pin(context.user, answer_empty_on_commit(context, reply));
}

}  // namespace oofgate::soap
