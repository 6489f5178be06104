// Spec items 64 and 65: per (caller, mailbox) rate and concurrency limits, answered with 429
// ApplicationThrottled and an integer Retry-After. The limits here are tiny so no test waits.
#include <gtest/gtest.h>

#include <deque>
#include <mutex>
#include <vector>

#include "rest_harness.h"

namespace oofgate::testing {
namespace {

using namespace std::chrono_literals;

// Parks every read until the test lets it finish, so requests stay in flight.
class ParkingStore final : public core::MailboxStore {
 public:
  explicit ParkingStore(core::MailboxStore& inner) : inner_(inner) {}

  void read(const std::string& mailbox_id, core::SnapshotCallback done) override {
    const std::lock_guard lock(mutex_);
    parked_.push_back({mailbox_id, std::move(done)});
  }
  void update(const std::string& mailbox_id, core::Mutation mutation, core::SnapshotCallback done) override {
    inner_.update(mailbox_id, std::move(mutation), std::move(done));
  }

  std::size_t parked() {
    const std::lock_guard lock(mutex_);
    return parked_.size();
  }
  // Completes the oldest parked read.
  void finish_one() {
    Parked next;
    {
      const std::lock_guard lock(mutex_);
      ASSERT_FALSE(parked_.empty());
      next = std::move(parked_.front());
      parked_.pop_front();
    }
    inner_.read(next.mailbox_id, std::move(next.done));
  }

 private:
  struct Parked {
    std::string mailbox_id;
    core::SnapshotCallback done;
  };
  core::MailboxStore& inner_;
  std::mutex mutex_;
  std::deque<Parked> parked_;
};

// A facade over the fixture's core with its own limits; responses are collected, not awaited,
// so a request may stay in flight after handle() returns.
class Throttling : public ::testing::Test {
 protected:
  void use_limits(core::ThrottleLimits limits, bool park_reads = false) {
    if (park_reads) {
      parking_ = std::make_unique<ParkingStore>(*h_.core.store);
      service_ = std::make_unique<core::MailboxService>(*h_.core.directory, *parking_, h_.core.clock, h_.core.zones);
    }
    facade_ = std::make_unique<rest::RestFacade>(service_ ? *service_ : *h_.core.service, limits);
  }

  void send(const std::string& target, const char* token = "adele-rw") {
    rest::HttpRequest request{http::verb::get, target, 11};
    request.set(http::field::host, "graph.example");
    request.set(http::field::authorization, std::string("Bearer ") + token);
    facade_->handle(facade::describe_request(request, h_.caller_for(Credentials::bearer(token))),
                    [this](rest::HttpResponse response) {
                      const std::lock_guard lock(mutex_);
                      responses_.push_back(std::move(response));
                    });
  }

  // Sends one request whose read is not parked and returns its answer.
  rest::HttpResponse get(const std::string& target, const char* token = "adele-rw") {
    const auto before = answered();
    send(target, token);
    EXPECT_EQ(answered(), before + 1) << "request still in flight";
    const std::lock_guard lock(mutex_);
    return responses_.back();
  }

  std::size_t answered() {
    const std::lock_guard lock(mutex_);
    return responses_.size();
  }

  void expect_throttled(const rest::HttpResponse& response, const std::string& retry_after) {
    EXPECT_EQ(response.result_int(), 429U) << response.body();
    EXPECT_EQ(header(response, "Retry-After"), retry_after);
    const auto document = parse_json(response.body());
    EXPECT_EQ(json_at(document, "/error/code"), "\"ApplicationThrottled\"");
    EXPECT_EQ(json_at(document, "/error/message"), "\"Application is over its MailboxConcurrency limit.\"");
    expect_graph_headers(response);
    if (h_.core.clock.now() == fixed_now()) {  // the envelope check expects the fixture's date
      expect_error_envelope(response, document);
    }
  }

  RestHarness h_;
  std::unique_ptr<ParkingStore> parking_;
  std::unique_ptr<core::MailboxService> service_;
  std::unique_ptr<rest::RestFacade> facade_;
  std::mutex mutex_;
  std::vector<rest::HttpResponse> responses_;
};

const std::string kAdeleSettings = std::string("/v1.0/users/") + kAdeleId + "/mailboxSettings";
const std::string kAlexSettings = std::string("/v1.0/users/") + kAlexId + "/mailboxSettings";

TEST_F(Throttling, Item64_RequestsBeyondTheRateAnswer429UntilTheWindowEnds) {
  use_limits({0, 3, 60s});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(get("/v1.0/me/mailboxSettings").result_int(), 200U);
  }
  expect_throttled(get("/v1.0/me/mailboxSettings"), "60");
  h_.core.clock.set(fixed_now() + 15s);
  expect_throttled(get("/v1.0/me/mailboxSettings/timeZone"), "45");
  h_.core.clock.set(fixed_now() + 59500ms);
  expect_throttled(get("/v1.0/me/mailboxSettings"), "1");  // rounded up, never 0
  h_.core.clock.set(fixed_now() + 60s);
  EXPECT_EQ(get("/v1.0/me/mailboxSettings").result_int(), 200U);
}

TEST_F(Throttling, Item64_EachCallerAndMailboxPairHasItsOwnBudget) {
  use_limits({0, 1, 600s});
  EXPECT_EQ(get(kAdeleSettings, "app-rw").result_int(), 200U);
  expect_throttled(get(kAdeleSettings, "app-rw"), "600");
  EXPECT_EQ(get(kAlexSettings, "app-rw").result_int(), 200U);                 // same app, other mailbox
  EXPECT_EQ(get(kAdeleSettings, "app-ro").result_int(), 200U);                // other app, same mailbox
  EXPECT_EQ(get("/v1.0/me/mailboxSettings", "adele-rw").result_int(), 200U);  // the user herself
  // Two delegated tokens of one user are one caller.
  expect_throttled(get("/v1.0/me/mailboxSettings", "adele-ro"), "600");
}

TEST_F(Throttling, Item64_RefusedAndUnauthorizedRequestsAreNotCounted) {
  use_limits({0, 2, 600s});
  EXPECT_EQ(get(kAlexSettings, "adele-rw").result_int(), 403U);  // not her mailbox: never reaches the throttle
  EXPECT_EQ(get("/v1.0/me/mailboxSettings").result_int(), 200U);
  EXPECT_EQ(get("/v1.0/me/mailboxSettings").result_int(), 200U);
  expect_throttled(get("/v1.0/me/mailboxSettings"), "600");
  expect_throttled(get("/v1.0/me/mailboxSettings"), "600");
}

TEST_F(Throttling, Item65_RequestsBeyondTheConcurrencyLimitAnswer429) {
  use_limits({2, 0, 600s}, /*park_reads=*/true);
  send(kAdeleSettings, "app-rw");
  send(kAdeleSettings, "app-rw");
  ASSERT_EQ(parking_->parked(), 2U);
  expect_throttled(get(kAdeleSettings, "app-rw"), "1");
  // Other pairs are not affected by the two in flight.
  send(kAlexSettings, "app-rw");
  EXPECT_EQ(parking_->parked(), 3U);
  // Finishing one request frees its slot before its response is delivered.
  parking_->finish_one();
  EXPECT_EQ(answered(), 2U);
  send(kAdeleSettings, "app-rw");
  EXPECT_EQ(parking_->parked(), 3U);
  expect_throttled(get(kAdeleSettings, "app-rw"), "1");
  while (parking_->parked() > 0) {
    parking_->finish_one();
  }
  EXPECT_EQ(answered(), 6U);
  send(kAdeleSettings, "app-rw");
  parking_->finish_one();
  const std::lock_guard lock(mutex_);
  ASSERT_EQ(responses_.size(), 7U);
  EXPECT_EQ(responses_.back().result_int(), 200U);
}

TEST_F(Throttling, Item65_ErrorsInsideTheHandlerReleaseTheSlot) {
  use_limits({1, 0, 600s});
  for (int i = 0; i < 3; ++i) {
    // A bad $select is answered after the mailbox was admitted; the slot must come back.
    EXPECT_EQ(get("/v1.0/me/mailboxSettings?$select=nonsense").result_int(), 400U);
  }
  EXPECT_EQ(get("/v1.0/me/mailboxSettings").result_int(), 200U);
}

TEST_F(Throttling, DefaultLimitsAreGraphs) {
  use_limits({});
  const core::ThrottleLimits defaults;
  EXPECT_EQ(defaults.max_concurrent, 4U);
  EXPECT_EQ(defaults.max_requests, 10000U);
  EXPECT_EQ(defaults.window, 600s);
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(get("/v1.0/me/mailboxSettings").result_int(), 200U);
  }
}

}  // namespace
}  // namespace oofgate::testing
