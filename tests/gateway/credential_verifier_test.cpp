// HTTP Basic off the I/O thread: cached credentials inline, PBKDF2 on the pool, failures limited.
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "core/directory/password_hasher.h"
#include "gateway/auth/credential_verifier.h"
#include "gateway/auth/work_pool.h"
#include "support/core_fixture.h"
#include "support/scripted_work.h"

namespace oofgate::gateway {
namespace {

using namespace std::string_literals;
using Kind = BasicOutcome::Kind;
using std::chrono::seconds;
using testing::ScriptedWork;

// Every outcome `done` was called with, in order.
struct Outcomes {
  CredentialVerifier::Done callback() {
    return [this](BasicOutcome outcome) { seen.push_back(std::move(outcome)); };
  }
  std::vector<BasicOutcome> seen;
};

class CredentialVerifierTest : public ::testing::Test {
 protected:
  CredentialVerifierTest()
      : directory_(std::move(core::Directory::create(
                                 {{"id-u", "u@x.com", "U", core::PasswordHasher::hash("Pa55", 1000), true}}, {}))
                       .value()) {}

  void verify(std::string user, std::string password, const char* address = "192.0.2.7") {
    verifier_.verify_basic(std::move(user), std::move(password), address, outcomes_.callback());
  }

  core::FixedClock clock_{testing::fixed_now()};
  std::unique_ptr<core::Directory> directory_;
  ScriptedWork work_;
  FailureLimiter failures_{FailureLimits{3, seconds(60), 64}, clock_};
  CredentialVerifier verifier_{*directory_, work_, failures_};
  Outcomes outcomes_;
};

TEST_F(CredentialVerifierTest, FirstSignInHashesOnThePoolThenAnswersInline) {
  verify("u@x.com", "Pa55");
  EXPECT_TRUE(outcomes_.seen.empty()) << "no PBKDF2 on the calling thread";
  ASSERT_EQ(work_.jobs.size(), 1U);
  work_.run_all();
  ASSERT_EQ(outcomes_.seen.size(), 1U);
  EXPECT_EQ(outcomes_.seen[0].kind, Kind::kVerified);
  EXPECT_EQ(outcomes_.seen[0].principal->user->id, "id-u");

  verify("U@X.com", "Pa55");
  EXPECT_TRUE(work_.jobs.empty()) << "known-good credentials are a hash lookup";
  ASSERT_EQ(outcomes_.seen.size(), 2U);
  EXPECT_EQ(outcomes_.seen[1].kind, Kind::kVerified);
}

TEST_F(CredentialVerifierTest, UnknownUsersGoToThePoolLikeKnownOnes) {
  verify("ghost@x.com", "Pa55");
  ASSERT_EQ(work_.jobs.size(), 1U) << "answering inline would tell that the user does not exist";
  work_.run_all();
  ASSERT_EQ(outcomes_.seen.size(), 1U);
  EXPECT_EQ(outcomes_.seen[0].kind, Kind::kRejected);
}

TEST_F(CredentialVerifierTest, TrailingNulBytesDoNotAuthenticate) {
  for (const auto& password : {"Pa55\0"s, "Pa55\0\0"s}) {
    verify("u@x.com", password);
    work_.run_all();
  }
  ASSERT_EQ(outcomes_.seen.size(), 2U);
  EXPECT_EQ(outcomes_.seen[0].kind, Kind::kRejected);
  EXPECT_EQ(outcomes_.seen[1].kind, Kind::kRejected);
}

TEST_F(CredentialVerifierTest, AnAddressOverItsFailuresIsRefusedWithoutHashingEvenWithTheRightPassword) {
  for (int i = 0; i < 3; ++i) {
    verify("u@x.com", "wrong");
    work_.run_all();
  }
  verify("u@x.com", "Pa55");
  EXPECT_TRUE(work_.jobs.empty());
  ASSERT_EQ(outcomes_.seen.size(), 4U);
  EXPECT_EQ(outcomes_.seen[3].kind, Kind::kRateLimited);
  EXPECT_EQ(outcomes_.seen[3].retry_after, seconds(60));
  EXPECT_FALSE(outcomes_.seen[3].principal.has_value());

  verify("u@x.com", "Pa55", "192.0.2.8");
  ASSERT_EQ(work_.jobs.size(), 1U) << "another address may still try";
  work_.run_all();
  EXPECT_EQ(outcomes_.seen[4].kind, Kind::kVerified);

  clock_.set(clock_.now() + seconds(60));
  verify("u@x.com", "Pa55");
  EXPECT_EQ(outcomes_.seen[5].kind, Kind::kVerified) << "after the window, and cached by now";
}

// A burst of guesses sent before the first one fails: the checks still queued count, so one
// address gets no more checks at once than it may fail (it had one per queued request).
TEST_F(CredentialVerifierTest, ConcurrentGuessesFromOneAddressGetNoMoreChecksThanTheLimit) {
  for (int i = 0; i < 5; ++i) {
    verify("u@x.com", "wrong" + std::to_string(i));
  }
  EXPECT_EQ(work_.jobs.size(), 3U) << "three checks may run; the rest are refused at once";
  ASSERT_EQ(outcomes_.seen.size(), 2U);
  EXPECT_EQ(outcomes_.seen[0].kind, Kind::kRateLimited);
  EXPECT_EQ(outcomes_.seen[1].kind, Kind::kRateLimited);
  work_.run_all();
  ASSERT_EQ(outcomes_.seen.size(), 5U);
  for (std::size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(outcomes_.seen[i].kind, Kind::kRejected) << i;
  }
  verify("u@x.com", "Pa55");
  EXPECT_TRUE(work_.jobs.empty()) << "three failures: the right password is not checked either";
  EXPECT_EQ(outcomes_.seen.back().kind, Kind::kRateLimited);
}

TEST_F(CredentialVerifierTest, ChecksThatPassOrNeverRunAreNotCountedAsFailures) {
  verify("u@x.com", "Pa55");
  verify("u@x.com", "Pa55");
  verify("u@x.com", "Pa55");
  ASSERT_EQ(work_.jobs.size(), 3U) << "none cached yet: three checks in flight";
  verify("u@x.com", "Pa55");
  ASSERT_EQ(outcomes_.seen.size(), 1U);
  EXPECT_EQ(outcomes_.seen[0].kind, Kind::kRateLimited) << "in flight, each counts until it is known";
  work_.jobs.at(2).cancel();  // cancelled at shutdown: never ran
  work_.jobs.pop_back();
  work_.run_all();
  ASSERT_EQ(outcomes_.seen.size(), 4U);
  EXPECT_EQ(outcomes_.seen[1].kind, Kind::kBusy);
  EXPECT_EQ(outcomes_.seen[2].kind, Kind::kVerified);
  EXPECT_EQ(outcomes_.seen[3].kind, Kind::kVerified);
  EXPECT_EQ(failures_.blocked_for("192.0.2.7"), std::nullopt) << "every count was taken back";
  for (int i = 0; i < 2; ++i) {
    verify("ghost@x.com", "x");
    work_.run_all();
  }
  EXPECT_EQ(failures_.blocked_for("192.0.2.7"), std::nullopt) << "two real failures of three allowed";
}

TEST_F(CredentialVerifierTest, OverlongCredentialsAreRejectedInlineAndCounted) {
  verify(std::string(10'000, 'u'), "Pa55");
  verify("u@x.com", std::string(100'000, 'p'));
  EXPECT_TRUE(work_.jobs.empty());
  ASSERT_EQ(outcomes_.seen.size(), 2U);
  EXPECT_EQ(outcomes_.seen[0].kind, Kind::kRejected);
  EXPECT_EQ(outcomes_.seen[1].kind, Kind::kRejected);
  verify("u@x.com", "x");
  work_.run_all();
  EXPECT_EQ(failures_.blocked_for("192.0.2.7"), seconds(60));
}

TEST_F(CredentialVerifierTest, AFullQueueOrShutdownAnswersBusy) {
  work_.refuse = true;
  verify("u@x.com", "Pa55");
  ASSERT_EQ(outcomes_.seen.size(), 1U);
  EXPECT_EQ(outcomes_.seen[0].kind, Kind::kBusy);
  EXPECT_EQ(outcomes_.seen[0].retry_after, seconds(1));
  work_.refuse = false;
  verify("u@x.com", "Pa55");
  work_.jobs.at(0).cancel();  // cancelled at shutdown
  ASSERT_EQ(outcomes_.seen.size(), 2U);
  EXPECT_EQ(outcomes_.seen[1].kind, Kind::kBusy);
  EXPECT_EQ(failures_.blocked_for("192.0.2.7"), std::nullopt) << "busy is not a failure";
}

// With real threads: every `done` is called exactly once, also for what was queued at shutdown.
TEST(CredentialVerifierWithPool, EveryCallbackRunsOnceThroughShutdown) {
  auto directory =
      std::move(core::Directory::create({{"id-u", "u@x.com", "U", core::PasswordHasher::hash("Pa55", 2000), true}}, {}))
          .value();
  core::FixedClock clock(testing::fixed_now());
  FailureLimiter failures(FailureLimits{0, seconds(60), 64}, clock);
  std::atomic<int> verified{0};
  std::atomic<int> rejected{0};
  std::atomic<int> busy{0};
  constexpr int kAttempts = 200;
  {
    WorkPool pool(WorkPoolOptions{2, 16});
    CredentialVerifier verifier(*directory, pool, failures);
    for (int i = 0; i < kAttempts; ++i) {
      verifier.verify_basic("u@x.com", i % 2 == 0 ? "Pa55" : "wrong", "192.0.2.7", [&](BasicOutcome outcome) {
        switch (outcome.kind) {
          case Kind::kVerified:
            ++verified;
            break;
          case Kind::kRejected:
            ++rejected;
            break;
          case Kind::kBusy:
            ++busy;
            break;
          case Kind::kRateLimited:
            break;
        }
      });
    }
    pool.stop();
  }
  EXPECT_EQ(verified + rejected + busy, kAttempts);
  EXPECT_GT(busy.load(), 0) << "200 hashes cannot all fit a queue of 16";
}

}  // namespace
}  // namespace oofgate::gateway
