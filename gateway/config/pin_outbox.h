#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/service/pin_notifier.h"
#include "core/time/clock.h"

namespace oofgate::gateway {

// Delivers a reset UM PIN the only way oofgate can: as a message file for the user in an outbox
// directory (Exchange would mail it). One file per reset, `<upn>-<YYYYMMDDTHHMMSSZ>.txt` (a
// `-2`, `-3` … suffix when a name is taken), mode 0600 in a 0700 directory, fsynced with its
// directory entry before deliver() returns. Whatever forwards these files owns them afterwards.
//
// Bounded: a user keeps at most `per_user` messages (delivering another removes that user's
// oldest; only the newest PIN is valid anyway), and when the outbox holds `total` messages
// deliver() refuses, so ResetPIN fails and nothing changes, rather than fill the disk.
struct PinOutboxLimits {
  // At least 2 is kept whatever is set: the message of the PIN still valid must survive until
  // the new PIN is committed (a failed commit withdraws the new message, not the old one).
  std::size_t per_user = 5;
  std::size_t total = 10'000;
};

class PinOutbox final : public core::PinNotifier {
 public:
  PinOutbox(std::filesystem::path directory, const core::Clock& clock, PinOutboxLimits limits = {});

  core::Result<std::string> deliver(const core::User& user, std::string_view pin) override;
  void withdraw(const std::string& receipt) override;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  // Makes room for one more message of the user with file name stem `stem`, or fails when full.
  core::Status make_room(const std::string& stem);

  std::filesystem::path directory_;
  const core::Clock& clock_;
  PinOutboxLimits limits_;
};

}  // namespace oofgate::gateway
