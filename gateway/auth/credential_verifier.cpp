#include "gateway/auth/credential_verifier.h"

#include <memory>
#include <utility>

#include <openssl/crypto.h>

namespace oofgate::gateway {
namespace {

// One sign-in while it waits for a worker; the password is wiped whichever way it ends.
struct PendingBasic {
  std::string user_name;
  std::string password;
  std::string client_address;
  CredentialVerifier::Done done;

  PendingBasic(std::string user, std::string secret, std::string address, CredentialVerifier::Done callback)
      : user_name(std::move(user)),
        password(std::move(secret)),
        client_address(std::move(address)),
        done(std::move(callback)) {}
  PendingBasic(const PendingBasic&) = delete;
  PendingBasic& operator=(const PendingBasic&) = delete;
  ~PendingBasic() { OPENSSL_cleanse(password.data(), password.size()); }
};

// The wait suggested to a client turned away busy: one worker frees up within milliseconds.
constexpr std::chrono::seconds kBusyRetryAfter{1};

BasicOutcome outcome(BasicOutcome::Kind kind) {
  return BasicOutcome{kind, std::nullopt,
                      kind == BasicOutcome::Kind::kBusy ? kBusyRetryAfter : std::chrono::seconds(0)};
}

}  // namespace

void CredentialVerifier::verify_basic(std::string user_name, std::string password, std::string client_address,
                                      Done done) {
  auto pending = std::make_shared<PendingBasic>(std::move(user_name), std::move(password), std::move(client_address),
                                                std::move(done));
  // Refused before even the cache is asked: a hit would tell a guesser the password is right.
  if (const auto wait = failures_.blocked_for(pending->client_address)) {
    pending->done(BasicOutcome{BasicOutcome::Kind::kRateLimited, std::nullopt, *wait});
    return;
  }
  if (pending->user_name.size() > core::Directory::kMaxUserNameBytes ||
      pending->password.size() > core::Directory::kMaxPasswordBytes) {
    failures_.record_failure(pending->client_address);
    pending->done(outcome(BasicOutcome::Kind::kRejected));
    return;
  }
  if (auto principal = directory_.authenticate_basic_cached(pending->user_name, pending->password)) {
    pending->done(BasicOutcome{BasicOutcome::Kind::kVerified, principal, std::chrono::seconds(0)});
    return;
  }
  // Counted as a failure while it waits and runs, so that concurrent guesses from one address
  // get no more checks than sequential ones; taken back once it passes or if it never runs.
  FailureLimiter::Check check;
  if (const auto wait = failures_.begin_check(pending->client_address, check)) {
    pending->done(BasicOutcome{BasicOutcome::Kind::kRateLimited, std::nullopt, *wait});
    return;
  }
  const bool queued = work_.submit(
      [this, pending, check] {
        auto principal = directory_.authenticate_basic(pending->user_name, pending->password);
        if (!principal) {
          pending->done(outcome(BasicOutcome::Kind::kRejected));
          return;
        }
        failures_.forgive(pending->client_address, check);
        pending->done(BasicOutcome{BasicOutcome::Kind::kVerified, principal, std::chrono::seconds(0)});
      },
      [failures = &failures_, pending, check] {
        failures->forgive(pending->client_address, check);
        pending->done(outcome(BasicOutcome::Kind::kBusy));
      });
  if (!queued) {
    failures_.forgive(pending->client_address, check);
    pending->done(outcome(BasicOutcome::Kind::kBusy));
  }
}

}  // namespace oofgate::gateway
