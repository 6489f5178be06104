#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {

// MS-OXWUMS: ResetPIN (no parameters) -> empty ResetPINResponse. The core has no PIN policy or
// delivery yet, so this is refused rather than pretending a PIN was sent.
void handle_reset_pin(const OperationContext& context, const Reply& reply) {
  auto parameters = Parameters::read(context, {});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  if (!require_um_enabled(context, reply)) {
    return;
  }
  reply.fault(fault_from_error(
      core::Error{core::ErrorCode::kNotSupported, "ResetPIN is not available: oofgate cannot generate or deliver a PIN."},
      context.invalid_argument_as));
}

}  // namespace oofgate::soap
