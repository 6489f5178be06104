#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace oofgate::soap {

// The SOAP fault classes (SOAP 1.1 §4.4.1 names; SOAP 1.2 calls Client "Sender" and Server "Receiver").
enum class FaultCode : std::uint8_t { kVersionMismatch, kMustUnderstand, kClient, kServer };

// detail/ExceptionType values. MS-OXWUMS documents only InvalidObjectIdException, InvalidCallIdException
// and DialingRulesException (§2.2.3.1); the other names are oofgate's own, chosen in the same style.
enum class ExceptionType : std::uint8_t {
  kInvalidRequest,       // not well-formed, not a SOAP envelope, refused XML constructs, bad SOAPAction
  kSchemaValidation,     // an operation's parameter is missing, repeated, unexpected or of the wrong type
  kInvalidOperation,     // the Body holds no UM operation oofgate knows
  kAccessDenied,         // no credentials, an application identity, or a missing permission
  kUserNotUmEnabled,     // spec §1.6 suggestion
  kInvalidArgument,      // a value outside its domain
  kInvalidObjectId,      // MS-OXWUMS §4.15: "The object identifier isn't valid"
  kInvalidPhoneNumber,   // spec §1.6 suggestion: SetPlayOnPhoneDialString
  kInvalidCallId,        // MS-OXWUMS §2.2.3.1: GetCallInfo / Disconnect
  kNotSupported,         // an operation oofgate deliberately does not provide (telephony, PIN)
  kServiceUnavailable,   // the store could not read or commit; nothing was applied
  kInternalServerError,  // a bug; the detail is only in the log
};

std::string_view exception_type_name(ExceptionType type);

// Everything a fault needs before it is written in one SOAP version or the other.
struct Fault {
  FaultCode code = FaultCode::kClient;
  // Present for faults about the Body; SOAP 1.1 §4.4 forbids detail for header faults.
  std::optional<ExceptionType> exception;
  // MS-OXWUMS style: faultcode `a:<ExceptionType>` (errors ns) instead of soap:Client/Server.
  bool exception_as_code = false;
  std::string reason;
  // MustUnderstand faults: the header block that was not understood (SOAP 1.2 env:NotUnderstood).
  std::string not_understood_ns;
  std::string not_understood_local;
  // EWS faults (MS-OXWSCORE): when not empty, the detail content written as is (already escaped)
  // instead of detail/ExceptionType, e.g. e:ResponseCode and e:Message.
  std::string detail_xml;
  // SOAP 1.1 §4.4 faultactor: the URI of the node that faulted (MS-OXWOOF's access-denied fault).
  std::string actor;
};

Fault client_fault(ExceptionType type, std::string reason);
Fault server_fault(ExceptionType type, std::string reason);

// THE mapping from core errors to UM faults. `invalid_argument_as` is how the operation at hand
// names a bad value (InvalidPhoneNumberException for a dial string, InvalidObjectIdException for
// a folder id, InvalidArgumentException otherwise).
Fault fault_from_error(const core::Error& error, ExceptionType invalid_argument_as);

}  // namespace oofgate::soap
