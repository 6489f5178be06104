#pragma once

#include <string>
#include <string_view>

#include "core/directory/user.h"
#include "core/result.h"

namespace oofgate::core {

// Where a reset PIN goes: the one place the plain PIN leaves the core. Exchange mails it to the
// user (MS-OXWUMS ResetPIN); oofgate has no mail, so the gateway supplies an implementation.
// Implementations must never log the PIN.
class PinNotifier {
 public:
  virtual ~PinNotifier() = default;

  // Hands `pin` to `user` durably before returning. Returns a receipt naming the message (for
  // withdraw), or kStoreUnavailable with an operator-facing reason; then nothing was delivered.
  virtual Result<std::string> deliver(const User& user, std::string_view pin) = 0;

  // Takes back a delivered message whose PIN never became valid. Best effort.
  virtual void withdraw(const std::string& receipt) = 0;
};

}  // namespace oofgate::core
