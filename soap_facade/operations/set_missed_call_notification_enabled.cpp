#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {

// MS-OXWUMS: SetMissedCallNotificationEnabled/status (xs:boolean) -> empty response.
void handle_set_missed_call_notification_enabled(const OperationContext& context, const Reply& reply) {
  auto status = read_status_parameter(context);
  if (auto* fault = std::get_if<Fault>(&status)) {
    reply.fault(*fault);
    return;
  }
  context.service.set_missed_call_notification(context.user, std::get<bool>(status),
                                               answer_empty_on_commit(context, reply));
}

}  // namespace oofgate::soap
