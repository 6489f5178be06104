// What only the shared PostgreSQL store promises beyond the common contract: several stores
// (gateways) on one database, schema versioning, and behaviour when the server goes away.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "core/store/postgres_connection.h"
#include "core/store/postgres_schema.h"
#include "store_contract/postgres_test_cluster.h"
#include "store_contract/store_backends.h"
#include "support/core_fixture.h"

namespace oofgate::testing {
namespace {

using core::ErrorCode;
using core::MailboxSettings;
using core::Result;
using core::SnapshotPtr;

Result<SnapshotPtr> read(core::MailboxStore& store, const std::string& id) {
  SnapshotWaiter waiter;
  store.read(id, waiter.callback());
  return waiter.get();
}

Result<SnapshotPtr> append(core::MailboxStore& store, const std::string& id, char digit) {
  SnapshotWaiter waiter;
  store.update(
      id,
      [digit](const MailboxSettings& current) -> Result<MailboxSettings> {
        MailboxSettings next = current;
        next.um.play_on_phone_dial_string.push_back(digit);
        return next;
      },
      waiter.callback());
  return waiter.get();
}

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { require_backend(backend_); }
  PostgresStoreBackend backend_;
};

TEST_F(PostgresStoreTest, StoresSharingADatabaseLoseNoUpdate) {
  // Three stores stand for three gateway processes: each has its own connections and threads.
  std::vector<std::unique_ptr<core::PostgresStore>> stores;
  for (int i = 0; i < 3; ++i) {
    stores.push_back(backend_.open());
  }
  constexpr int kThreadsPerStore = 3;
  constexpr int kWritesPerThread = 30;
  std::vector<std::thread> writers;
  for (auto& store : stores) {
    for (int t = 0; t < kThreadsPerStore; ++t) {
      writers.emplace_back([&store] {
        for (int i = 0; i < kWritesPerThread; ++i) {
          EXPECT_TRUE(append(*store, i % 2 == 0 ? "a" : "b", '1').ok());
        }
      });
    }
  }
  for (auto& writer : writers) {
    writer.join();
  }
  constexpr std::uint64_t kPerMailbox = 3 * kThreadsPerStore * kWritesPerThread / 2;
  for (auto& store : stores) {
    EXPECT_EQ(read(*store, "a").value()->version, kPerMailbox);
    EXPECT_EQ(read(*store, "b").value()->settings.um.play_on_phone_dial_string.size(), kPerMailbox);
  }
}

TEST_F(PostgresStoreTest, AWriteThroughOneStoreIsWhatAnotherReadsNext) {
  auto first = backend_.open();
  auto second = backend_.open();
  for (int i = 1; i <= 20; ++i) {
    ASSERT_TRUE(append(*(i % 2 ? first : second), "a", '5').ok());
    const auto seen = read(*(i % 2 ? second : first), "a");
    ASSERT_TRUE(seen.ok());
    EXPECT_EQ(seen.value()->version, static_cast<std::uint64_t>(i)) << "no store may serve a stale copy";
  }
}

TEST_F(PostgresStoreTest, AReadIsAnsweredWhileTheCommitterWaitsForARowLock) {
  auto store = backend_.open();
  ASSERT_TRUE(append(*store, "a", '1').ok());
  // Another gateway's transaction holds mailbox a, so this store's commit of a waits for it.
  core::PgConnection holder(backend_.conninfo(), std::chrono::seconds(5));
  ASSERT_TRUE(
      holder.exec_script("BEGIN; SELECT version FROM mailbox_settings WHERE mailbox_id = 'a' FOR UPDATE;").ok());
  SnapshotWaiter write;
  store->update(
      "a",
      [](const MailboxSettings& current) -> Result<MailboxSettings> {
        MailboxSettings next = current;
        next.um.play_on_phone_dial_string.push_back('2');
        return next;
      },
      write.callback());
  core::PgConnection observer(backend_.conninfo(), std::chrono::seconds(5));
  bool committer_waits = false;
  for (int poll = 0; poll < 1000 && !committer_waits; ++poll) {
    auto waiting =
        observer.exec("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock';",
                      {core::PgParam{backend_.schema()}});
    ASSERT_TRUE(waiting.ok()) << waiting.error().message;
    committer_waits = waiting.value().integer(0, 0) > 0;
    if (!committer_waits) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ASSERT_TRUE(committer_waits) << "the committer never reached the locked row";
  // The reader threads share nothing with the waiting committer (the commit is released only
  // after this read returned, so a read that waited for it would never return).
  const auto during = read(*store, "a");
  ASSERT_TRUE(during.ok()) << during.error().message;
  EXPECT_EQ(during.value()->settings.um.play_on_phone_dial_string, "1");
  ASSERT_TRUE(holder.exec_script("COMMIT;").ok());
  ASSERT_TRUE(write.get().ok());
  EXPECT_EQ(read(*store, "a").value()->settings.um.play_on_phone_dial_string, "12") << "read-your-writes after the ack";
}

TEST_F(PostgresStoreTest, OpeningRecordsTheSchemaVersion) {
  auto store = backend_.open();
  core::PgConnection connection(backend_.conninfo(), std::chrono::seconds(5));
  auto rows = connection.exec("SELECT version FROM oofgate_schema;");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows.value().size(), 1);
  EXPECT_EQ(rows.value().integer(0, 0), core::kPostgresSchemaVersion);
  store.reset();
  EXPECT_NE(backend_.open(), nullptr) << "opening an up-to-date database again is a no-op";
}

TEST_F(PostgresStoreTest, RefusesADatabaseFromANewerSchema) {
  { auto store = backend_.open(); }
  core::PgConnection connection(backend_.conninfo(), std::chrono::seconds(5));
  ASSERT_TRUE(connection.exec_script("UPDATE oofgate_schema SET version = 99;").ok());
  core::PostgresStore::Options options;
  options.conninfo = backend_.conninfo();
  const auto refused = core::PostgresStore::open(options, kContractMailboxes, contract_defaults);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kStoreUnavailable);
  EXPECT_NE(refused.error().message.find("newer"), std::string::npos) << refused.error().message;
}

TEST_F(PostgresStoreTest, RefusesADamagedRow) {
  auto store = backend_.open();
  core::PgConnection connection(backend_.conninfo(), std::chrono::seconds(5));
  ASSERT_TRUE(connection.exec_script("INSERT INTO mailbox_settings VALUES ('a', 3, '\\x0102');").ok());
  const auto damaged = read(*store, "a");
  ASSERT_FALSE(damaged.ok()) << "a damaged row must not read as defaults";
  EXPECT_EQ(damaged.error().code, ErrorCode::kStoreUnavailable);
  EXPECT_EQ(append(*store, "a", '1').error().code, ErrorCode::kStoreUnavailable);
  EXPECT_TRUE(append(*store, "b", '1').ok()) << "other mailboxes are unaffected";
}

TEST(PostgresStoreUnreachable, OpeningFailsFastWithStoreUnavailable) {
  core::PostgresStore::Options options;
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  options.conninfo = "postgresql://oofgate@127.0.0.1:1/oofgate";
  const auto started = std::chrono::steady_clock::now();
  const auto store = core::PostgresStore::open(options, kContractMailboxes, contract_defaults);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStoreUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST_F(PostgresStoreTest, ReconnectsAfterTheServerDroppedItsConnections) {
  auto store = backend_.open();
  ASSERT_TRUE(append(*store, "a", '1').ok());
  ASSERT_TRUE(read(*store, "a").ok());
  // Only this test's sessions: the test schema's URL names them after the schema.
  core::PgConnection admin(backend_.conninfo(), std::chrono::seconds(5));
  auto terminated = admin.exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid();",
      {core::PgParam{backend_.schema()}});
  ASSERT_TRUE(terminated.ok()) << terminated.error().message;
  // Whatever happened to the old sessions, within a few calls the store works again, and any
  // call that fails says kStoreUnavailable.
  bool recovered = false;
  for (int attempt = 0; attempt < 10 && !recovered; ++attempt) {
    const auto written = append(*store, "a", '2');
    if (!written.ok()) {
      EXPECT_EQ(written.error().code, ErrorCode::kStoreUnavailable);
      continue;
    }
    const auto seen = read(*store, "a");
    recovered = seen.ok() && seen.value()->settings.um.play_on_phone_dial_string.back() == '2';
  }
  EXPECT_TRUE(recovered);
}

}  // namespace
}  // namespace oofgate::testing
