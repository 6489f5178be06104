#pragma once

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
class PinOutbox final : public core::PinNotifier {
 public:
  PinOutbox(std::filesystem::path directory, const core::Clock& clock);

  core::Result<std::string> deliver(const core::User& user, std::string_view pin) override;
  void withdraw(const std::string& receipt) override;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
  const core::Clock& clock_;
};

}  // namespace oofgate::gateway
