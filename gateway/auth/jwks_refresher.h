#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/time/clock.h"
#include "gateway/auth/jwks_source.h"
#include "gateway/auth/jwt_key_set.h"

namespace oofgate::gateway {

// Re-reads or re-fetches the JWKS on its own thread, so an unknown `kid` never makes an I/O
// thread wait for a file or an identity provider: request() only raises a flag. At most one
// refresh starts per `min_interval` (by the injected clock), however many tokens ask; a failed
// refresh keeps the last good keys. `install` is called on the refresher's thread with each
// key set that loaded.
class JwksRefresher {
 public:
  using Install = std::function<void(JwtKeySet)>;

  // The source and clock are borrowed and must outlive the refresher.
  JwksRefresher(const JwksSource& source, const core::Clock& clock, Install install);
  ~JwksRefresher();
  JwksRefresher(const JwksRefresher&) = delete;
  JwksRefresher& operator=(const JwksRefresher&) = delete;

  // Asks for a refresh without waiting for it; false when one ran within the interval (or is
  // already asked for), so the caller knows no new keys are coming soon.
  bool request();

  // Blocks until no refresh is asked for or running (tests, and diagnostics).
  void wait_idle();

 private:
  void run();

  const JwksSource& source_;
  const core::Clock& clock_;
  Install install_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  bool requested_ = false;
  bool running_ = false;
  bool stopping_ = false;
  std::optional<std::int64_t> last_start_;
  std::thread thread_;  // last: starts once every member above exists
};

}  // namespace oofgate::gateway
