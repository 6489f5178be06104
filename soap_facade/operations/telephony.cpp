#include <algorithm>
#include <array>
#include <string>

#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {
namespace {

// oofgate has no telephony: every call-control operation ends in a fault, but requests are
// still checked first so a client learns about its own mistakes before ours.
Fault no_telephony(const OperationContext& context) {
  return fault_from_error(
      core::Error{core::ErrorCode::kNotSupported, "oofgate has no telephony: " + std::string(context.name) +
                                                      " cannot place, inspect or end telephone calls."},
      context.invalid_argument_as);
}

bool is_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) {
    return false;
  }
  const auto padding = text.find('=');
  const std::string_view data = text.substr(0, padding);
  if (padding != std::string_view::npos) {
    const std::string_view pad = text.substr(padding);
    if (pad.size() > 2 || pad.find_first_not_of('=') != std::string_view::npos) {
      return false;
    }
  }
  return std::all_of(data.begin(), data.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  });
}

// Reads the named text parameters, or answers the fault and returns false.
template <std::size_t N>
bool read_texts(const OperationContext& context, const Reply& reply, const std::array<ParameterName, N>& names,
                std::array<std::string, N>& values) {
  auto parameters = Parameters::read(context, names);
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return false;
  }
  for (std::size_t i = 0; i < N; ++i) {
    auto text = std::get<Parameters>(parameters).required_text(names[i].name);
    if (auto* fault = std::get_if<Fault>(&text)) {
      reply.fault(*fault);
      return false;
    }
    values[i] = std::move(std::get<std::string>(text));
  }
  return true;
}

}  // namespace

// MS-OXWUMS §3.1.4.8: PlayOnPhone/{entryId, DialString}. An entryId that is not even base64 gets
// the documented InvalidObjectIdException (§4.15).
void handle_play_on_phone(const OperationContext& context, const Reply& reply) {
  std::array<std::string, 2> values;
  if (!read_texts<2>(context, reply, {{{"entryId"}, {"DialString"}}}, values)) {
    return;
  }
  if (!require_um_enabled(context, reply)) {
    return;
  }
  if (!is_base64(values[0])) {
    reply.fault(fault_from_error(core::Error{core::ErrorCode::kInvalidArgument, "The object identifier isn't valid"},
                                 context.invalid_argument_as));
    return;
  }
  reply.fault(no_telephony(context));
}

// MS-OXWUMS §3.1.4.9: PlayOnPhoneGreeting/{GreetingType (NormalCustom|OofCustom), DialString}.
void handle_play_on_phone_greeting(const OperationContext& context, const Reply& reply) {
  std::array<std::string, 2> values;
  if (!read_texts<2>(context, reply, {{{"GreetingType"}, {"DialString"}}}, values)) {
    return;
  }
  if (values[0] != "NormalCustom" && values[0] != "OofCustom") {
    reply.fault(client_fault(ExceptionType::kSchemaValidation,
                             "The value of <GreetingType> must be NormalCustom or OofCustom."));
    return;
  }
  if (!require_um_enabled(context, reply)) {
    return;
  }
  reply.fault(no_telephony(context));
}

// MS-OXWUMS §3.1.4.3 / §3.1.4.4: GetCallInfo/CallId and Disconnect/CallId. No call ever exists
// here, so every identifier is the documented InvalidCallIdException.
void handle_call_id_operation(const OperationContext& context, const Reply& reply) {
  std::array<std::string, 1> values;
  if (!read_texts<1>(context, reply, {{{"CallId"}}}, values)) {
    return;
  }
  if (!require_um_enabled(context, reply)) {
    return;
  }
  reply.fault(fault_from_error(core::Error{core::ErrorCode::kInvalidArgument,
                                           "The call identifier isn't valid: oofgate has no telephony and "
                                           "places no calls."},
                               context.invalid_argument_as));
}

// PlayOnPhone2, GetPhoneCallInformation, DisconnectPhoneCall: listed in MS-OXWUMS §3.1.4 with no
// published message shape, so their parameters are not checked.
void handle_unsupported_telephony(const OperationContext& context, const Reply& reply) {
  if (!require_um_enabled(context, reply)) {
    return;
  }
  reply.fault(no_telephony(context));
}

}  // namespace oofgate::soap
