#include "soap_facade/envelope_writer.h"
#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {

// UM Messages.xsd: IsUMEnabled (no parameters) -> IsUMEnabledResponse/IsUMEnabledResponse (xs:boolean).
// The one UM operation a user without UM may call: it answers false rather than faulting.
void handle_is_um_enabled(const OperationContext& context, const Reply& reply) {
  auto parameters = Parameters::read(context, {});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  reply.success(wrapped_response(context.name, context.ns, context.user.um_enabled ? "true" : "false"));
}

}  // namespace oofgate::soap
