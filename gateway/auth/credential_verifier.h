#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/directory/directory.h"
#include "core/directory/principal.h"
#include "core/service/blocking_work.h"
#include "gateway/auth/failure_limiter.h"

namespace oofgate::gateway {

// What became of one HTTP Basic sign-in.
struct BasicOutcome {
  enum class Kind : std::uint8_t {
    kVerified,     // `principal` is set
    kRejected,     // wrong user name or password: 401
    kBusy,         // no capacity to check now (queue full, shutting down): 503 ServerBusy, Retry-After 1
    kRateLimited,  // too many failures from this address: 429 with Retry-After: retry_after
  };
  Kind kind = Kind::kRejected;
  std::optional<core::Principal> principal;
  std::chrono::seconds retry_after{0};  // kRateLimited and kBusy
};

// Checks HTTP Basic credentials without ever running PBKDF2 on the caller's thread:
// credentials that verified before answer inline (a keyed hash lookup), everything else goes to
// the work pool, where unknown users cost what known ones do. Failures are counted per client
// address, and an address over its limit is refused before any lookup.
class CredentialVerifier {
 public:
  using Done = std::function<void(BasicOutcome)>;

  // All three are borrowed and must outlive the verifier; stop `work` before the directory or the
  // limiter goes (a job cancelled at shutdown hands its counted check back to the limiter).
  CredentialVerifier(const core::Directory& directory, core::BlockingWork& work, FailureLimiter& failures)
      : directory_(directory), work_(work), failures_(failures) {}

  // Calls `done` exactly once: inline for the cached, rate-limited, over-long and busy cases,
  // otherwise on a pool thread (post back to your own executor from there).
  void verify_basic(std::string user_name, std::string password, std::string client_address, Done done);

 private:
  const core::Directory& directory_;
  core::BlockingWork& work_;
  FailureLimiter& failures_;
};

}  // namespace oofgate::gateway
