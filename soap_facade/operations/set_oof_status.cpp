#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {

// UM Messages.xsd: SetOofStatus/status (xs:boolean) -> empty SetOofStatusResponse.
void handle_set_oof_status(const OperationContext& context, const Reply& reply) {
  auto status = read_status_parameter(context);
  if (auto* fault = std::get_if<Fault>(&status)) {
    reply.fault(*fault);
    return;
  }
  context.service.set_oof_status(context.user, std::get<bool>(status), answer_empty_on_commit(context, reply));
}

}  // namespace oofgate::soap
