#include "soap_facade/fault.h"

#include <array>

#include "facade_common/log.h"

namespace oofgate::soap {
namespace {

constexpr std::array<std::string_view, 12> kExceptionNames = {
    "InvalidRequestException",  "SchemaValidationException",   "InvalidOperationException",
    "AccessDeniedException",    "UserNotUmEnabledException",   "InvalidArgumentException",
    "InvalidObjectIdException", "InvalidPhoneNumberException", "InvalidCallIdException",
    "NotSupportedException",    "ServiceUnavailableException", "InternalServerErrorException",
};
static_assert(kExceptionNames.size() == static_cast<std::size_t>(ExceptionType::kInternalServerError) + 1);

// UM-domain exceptions travel as `a:<Type>` fault codes, as MS-OXWUMS §4.15 shows.
Fault um_exception(ExceptionType type, std::string reason) {
  Fault fault = client_fault(type, std::move(reason));
  fault.exception_as_code = true;
  return fault;
}

}  // namespace

std::string_view exception_type_name(ExceptionType type) { return kExceptionNames[static_cast<std::size_t>(type)]; }

Fault client_fault(ExceptionType type, std::string reason) {
  return Fault{FaultCode::kClient, type, false, std::move(reason), {}, {}, {}, {}};
}

Fault server_fault(ExceptionType type, std::string reason) {
  return Fault{FaultCode::kServer, type, false, std::move(reason), {}, {}, {}, {}};
}

Fault fault_from_error(const core::Error& error, ExceptionType invalid_argument_as) {
  using core::ErrorCode;
  switch (error.code) {
    case ErrorCode::kNotUmEnabled:
      return um_exception(ExceptionType::kUserNotUmEnabled, "The user is not enabled for Unified Messaging.");
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kInvalidTimeSettings:
    case ErrorCode::kInvalidTimeZone:
    case ErrorCode::kInvalidScheduledDuration:
      // Core validation messages are written for clients and name no internals.
      return um_exception(invalid_argument_as, error.message);
    case ErrorCode::kDelegatedOnly:
      return um_exception(ExceptionType::kAccessDenied,
                          "The UM web service acts for a signed-in user; application identities cannot use it.");
    case ErrorCode::kUserNotFound:
    case ErrorCode::kAccessDenied:
      return um_exception(ExceptionType::kAccessDenied, "Access is denied. Check credentials and try again.");
    case ErrorCode::kNotSupported:
      return um_exception(ExceptionType::kNotSupported, error.message);
    case ErrorCode::kStoreUnavailable:
      facade::log_event("soap_facade", "", "store unavailable: " + error.message);
      return server_fault(ExceptionType::kServiceUnavailable,
                          "The mailbox store is temporarily unavailable; nothing was changed. Try again later.");
    case ErrorCode::kRateLimited:
    case ErrorCode::kBusy:
      // Both say what happened and when to retry, in words written for the client.
      return server_fault(ExceptionType::kServiceUnavailable, error.message);
    case ErrorCode::kInternal:
      break;
  }
  facade::log_event("soap_facade", "", "internal core error: " + error.message);
  return server_fault(ExceptionType::kInternalServerError, "An internal server error occurred. The operation failed.");
}

}  // namespace oofgate::soap
