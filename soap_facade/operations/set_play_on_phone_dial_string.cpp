#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {

// MS-OXWUMS: SetPlayOnPhoneDialString/dialString (xs:string) -> empty response. The core decides
// what a valid dial string is.
void handle_set_play_on_phone_dial_string(const OperationContext& context, const Reply& reply) {
  auto parameters = Parameters::read(context, {{"dialString"}});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  auto dial_string = std::get<Parameters>(parameters).required_text("dialString");
  if (auto* fault = std::get_if<Fault>(&dial_string)) {
    reply.fault(*fault);
    return;
  }
  context.service.set_play_on_phone_dial_string(context.user, std::move(std::get<std::string>(dial_string)),
                                                answer_empty_on_commit(context, reply));
}

}  // namespace oofgate::soap
