#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace oofgate::core {

// Protocol-neutral failure identifiers. Each facade maps these to its wire format in exactly
// one place; they never carry HTTP statuses or SOAP fault codes.
enum class ErrorCode {
  kInvalidArgument,           // a value outside its domain (enum member, range)
  kInvalidTimeSettings,       // working hours: start not before end
  kInvalidTimeZone,           // unknown zone name or custom zone out of range
  kInvalidScheduledDuration,  // automatic replies: window empty, reversed or in the past
  kUserNotFound,              // no such mailbox
  kAccessDenied,              // caller may not touch this mailbox or lacks the permission
  kDelegatedOnly,             // "/me" with an application identity
  kNotUmEnabled,              // UM operation for a user without UM
  kNotSupported,              // operation oofgate deliberately does not provide (telephony)
  kStoreUnavailable,          // the store could not commit or read; nothing was applied
  kRateLimited,               // the caller did this too often; nothing was applied, retry later
  kBusy,                      // the server has no capacity for it now; nothing was applied, retry
  kInternal,                  // a bug: logged in full, reported generically
};

struct Error {
  ErrorCode code;
  std::string message;
};

// A value or an Error; the core's only way of reporting failure across its boundary.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace oofgate::core
