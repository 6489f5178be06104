// The MailboxStore contract (core/store/mailbox_store.h), run against every backend: what a
// facade may rely on must not depend on which store the gateway was started with.
#include <gtest/gtest.h>

#include <memory>
#include <thread>
#include <vector>

#include "store_contract/store_backends.h"
#include "support/core_fixture.h"

namespace oofgate::testing {
namespace {

using core::ErrorCode;
using core::MailboxSettings;
using core::Mutation;
using core::Result;
using core::SnapshotPtr;

Mutation set_dial_string(std::string value) {
  return [value](const MailboxSettings& current) -> Result<MailboxSettings> {
    MailboxSettings next = current;
    next.um.play_on_phone_dial_string = value;
    return next;
  };
}

Mutation append_digit(char digit) {
  return [digit](const MailboxSettings& current) -> Result<MailboxSettings> {
    MailboxSettings next = current;
    next.um.play_on_phone_dial_string.push_back(digit);
    return next;
  };
}

Mutation refuse() {
  return [](const MailboxSettings&) -> Result<MailboxSettings> {
    return core::Error{ErrorCode::kInvalidArgument, "refused"};
  };
}

template <typename Backend>
class MailboxStoreContract : public ::testing::Test {
 protected:
  void SetUp() override {
    require_backend(backend_);
    if (IsSkipped() || HasFatalFailure()) {
      return;
    }
    store_ = backend_.open();
  }

  Result<SnapshotPtr> read(const std::string& id) {
    SnapshotWaiter waiter;
    store_->read(id, waiter.callback());
    return waiter.get();
  }
  Result<SnapshotPtr> update(const std::string& id, Mutation mutation) {
    SnapshotWaiter waiter;
    store_->update(id, std::move(mutation), waiter.callback());
    return waiter.get();
  }
  void reopen() {
    store_.reset();
    store_ = backend_.open();
  }

  Backend backend_;
  std::unique_ptr<typename Backend::Store> store_;
};

class BackendNames {
 public:
  template <typename Backend>
  static std::string GetName(int) {
    return Backend::kName;
  }
};

using Backends = ::testing::Types<SqliteStoreBackend, PostgresStoreBackend>;
TYPED_TEST_SUITE(MailboxStoreContract, Backends, BackendNames);

TYPED_TEST(MailboxStoreContract, ANeverWrittenMailboxReadsAsItsDefaults) {
  const auto snapshot = this->read("a");
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  EXPECT_EQ(snapshot.value()->version, 0U);
  EXPECT_EQ(snapshot.value()->settings, contract_defaults("a"));
}

TYPED_TEST(MailboxStoreContract, AReadReturnsTheAcknowledgedWrite) {
  const auto written = this->update("a", set_dial_string("+1 425 555 0100"));
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(written.value()->version, 1U);
  EXPECT_EQ(written.value()->settings.um.play_on_phone_dial_string, "+1 425 555 0100");

  const auto read = this->read("a");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value()->version, 1U);
  EXPECT_EQ(read.value()->settings, written.value()->settings);
  EXPECT_EQ(this->read("b").value()->version, 0U) << "a write touches only its own mailbox";
}

TYPED_TEST(MailboxStoreContract, ConcurrentMutationsFromManyThreadsLoseNoUpdate) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 40;
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([this] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        EXPECT_TRUE(this->update("a", append_digit('1')).ok());
      }
    });
  }
  for (auto& writer : writers) {
    writer.join();
  }
  const auto snapshot = this->read("a").value();
  EXPECT_EQ(snapshot->version, static_cast<std::uint64_t>(kThreads * kWritesPerThread));
  EXPECT_EQ(snapshot->settings.um.play_on_phone_dial_string.size(),
            static_cast<std::size_t>(kThreads * kWritesPerThread));
}

TYPED_TEST(MailboxStoreContract, AFailedMutationWritesNothing) {
  const auto refused = this->update("a", refuse());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(this->read("a").value()->version, 0U);

  // Refused among accepted writes of one batch: the others still commit, in order.
  std::vector<std::shared_ptr<SnapshotWaiter>> waiters;
  const std::vector<Mutation> mutations = {append_digit('1'), refuse(), append_digit('2')};
  for (const auto& mutation : mutations) {
    auto waiter = std::make_shared<SnapshotWaiter>();
    this->store_->update("a", mutation, waiter->callback());
    waiters.push_back(waiter);
  }
  EXPECT_TRUE(waiters[0]->get().ok());
  EXPECT_EQ(waiters[1]->get().error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(waiters[2]->get().ok());
  const auto snapshot = this->read("a").value();
  EXPECT_EQ(snapshot->version, 2U);
  EXPECT_EQ(snapshot->settings.um.play_on_phone_dial_string, "12");
}

TYPED_TEST(MailboxStoreContract, AnUnknownMailboxIsUserNotFound) {
  EXPECT_EQ(this->read("zzz").error().code, ErrorCode::kUserNotFound);
  EXPECT_EQ(this->update("zzz", set_dial_string("1")).error().code, ErrorCode::kUserNotFound);
}

TYPED_TEST(MailboxStoreContract, AcknowledgedWritesSurviveReopening) {
  ASSERT_TRUE(this->update("a", set_dial_string("first")).ok());
  ASSERT_TRUE(this->update("a", set_dial_string("second")).ok());
  ASSERT_TRUE(this->update("b", set_dial_string("other")).ok());
  this->reopen();
  const auto a = this->read("a").value();
  EXPECT_EQ(a->version, 2U);
  EXPECT_EQ(a->settings.um.play_on_phone_dial_string, "second");
  EXPECT_EQ(this->read("b").value()->settings.um.play_on_phone_dial_string, "other");
  EXPECT_EQ(this->read("c").value()->version, 0U);
}

TYPED_TEST(MailboxStoreContract, WritesQueuedTogetherShareCommits) {
  constexpr int kWrites = 300;
  std::vector<std::shared_ptr<SnapshotWaiter>> waiters;
  for (int i = 0; i < kWrites; ++i) {
    auto waiter = std::make_shared<SnapshotWaiter>();
    this->store_->update(kContractMailboxes[static_cast<std::size_t>(i) % kContractMailboxes.size()], append_digit('7'),
                         waiter->callback());
    waiters.push_back(waiter);
  }
  for (auto& waiter : waiters) {
    ASSERT_TRUE(waiter->get().ok());
  }
  EXPECT_EQ(this->store_->committed_writes(), static_cast<std::uint64_t>(kWrites));
  EXPECT_LT(this->store_->commits(), static_cast<std::uint64_t>(kWrites) / 2)
      << "writes queued together must commit together";
  EXPECT_EQ(this->read("a").value()->version, static_cast<std::uint64_t>(kWrites / 3));
}

// One batch writing several mailboxes whose settings differ in length and hold bytes that need
// escaping in every encoding (quotes, backslashes, braces, control characters, UTF-8): each
// mailbox gets back exactly its own bytes, after a reopen too (PostgreSQL writes such a batch as
// one statement carrying every row).
TYPED_TEST(MailboxStoreContract, ABatchOfAwkwardTextComesBackByteForByte) {
  const std::vector<std::string> texts = {std::string("{\"a\\b\"}\t\n\x01 caf\xc3\xa9"), std::string(3000, 'x'),
                                          std::string("'); DROP TABLE mailbox_settings; --")};
  std::vector<std::shared_ptr<SnapshotWaiter>> waiters;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto waiter = std::make_shared<SnapshotWaiter>();
    this->store_->update(kContractMailboxes[i], set_dial_string(texts[i]), waiter->callback());
    waiters.push_back(waiter);
  }
  for (auto& waiter : waiters) {
    ASSERT_TRUE(waiter->get().ok());
  }
  this->reopen();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto read = this->read(kContractMailboxes[i]);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value()->version, 1U);
    EXPECT_EQ(read.value()->settings.um.play_on_phone_dial_string, texts[i]);
  }
}

}  // namespace
}  // namespace oofgate::testing
