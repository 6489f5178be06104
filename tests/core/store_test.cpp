#include <gtest/gtest.h>

#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <random>
#include <thread>

#include "core/store/cached_store.h"
#include "core/store/commit_wakeup.h"
#include "core/store/settings_codec.h"
#include "core/store/sqlite_backend.h"
#include "support/core_fixture.h"

namespace oofgate::core {
namespace {

using oofgate::testing::CoreFixture;
using oofgate::testing::fixed_now;
using oofgate::testing::SnapshotWaiter;

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() / ("oofgate-store-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const char* name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

MailboxSettings rich_settings() {
  MailboxSettings s = default_settings(fixed_now());
  s.automatic_replies.state = OofState::kScheduled;
  s.automatic_replies.external_audience = ExternalAudience::kContactsOnly;
  s.automatic_replies.internal_reply_message = "<p>in ✓</p>";
  s.automatic_replies.scheduled_end.time_zone = "Pacific Standard Time";
  CustomTimeZone custom;
  custom.bias = -300;
  custom.standard_offset = TimeZoneTransition{Ticks{123}, 2, DayOfWeek::kSunday, 10, 0};
  custom.daylight_offset = DaylightTransition{TimeZoneTransition{Ticks{456}, 4, DayOfWeek::kFriday, 5, 2031}, -60};
  s.working_hours.time_zone = custom;
  s.um.play_on_phone_dial_string = "+1 425 555 0100";
  s.um.missed_call_notification_enabled = false;
  return s;
}

TEST(SettingsCodec, RoundTripsEveryField) {
  const auto settings = rich_settings();
  EXPECT_EQ(decode_settings(encode_settings(settings)).value(), settings);
}

TEST(SettingsCodec, DamagedBytesAreAnErrorNotDefaults) {
  std::string bytes = encode_settings(rich_settings());
  EXPECT_FALSE(decode_settings(bytes.substr(0, bytes.size() - 3)).ok());
  EXPECT_FALSE(decode_settings(bytes + "x").ok());
  bytes[0] = 99;
  EXPECT_FALSE(decode_settings(bytes).ok());
  EXPECT_FALSE(decode_settings("").ok());
}

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

std::unique_ptr<CachedStore> open_store(std::unique_ptr<PersistenceBackend> backend) {
  return std::move(CachedStore::open(std::move(backend), {"a", "b"},
                                     [](const std::string&) { return default_settings(fixed_now()); }))
      .value();
}

std::unique_ptr<PersistenceBackend> sqlite_at(const std::string& path) {
  return std::move(SqliteBackend::open(path)).value();
}

TEST(CachedStore, ConcurrentReadModifyWritesNeverLoseAnUpdate) {
  auto store = open_store(std::make_unique<NullBackend>());
  constexpr int kThreads = 4;
  constexpr int kWritesPerThread = 250;
  std::atomic<int> acknowledged{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        std::promise<void> done;
        store->update("a", append_digit('1'), [&](Result<SnapshotPtr> r) {
          EXPECT_TRUE(r.ok());
          acknowledged.fetch_add(1);
          done.set_value();
        });
        done.get_future().wait();
      }
    });
  }
  for (auto& w : writers) {
    w.join();
  }
  SnapshotWaiter waiter;
  store->read("a", waiter.callback());
  const auto snapshot = waiter.get().value();
  EXPECT_EQ(acknowledged.load(), kThreads * kWritesPerThread);
  EXPECT_EQ(snapshot->settings.um.play_on_phone_dial_string.size(),
            static_cast<std::size_t>(kThreads * kWritesPerThread));
  EXPECT_EQ(snapshot->version, static_cast<std::uint64_t>(kThreads * kWritesPerThread));
}

TEST(CachedStore, ManyConcurrentWritesShareCommits) {
  TempDir dir;
  auto store = open_store(sqlite_at(dir.file("db.sqlite3")));
  constexpr int kWrites = 400;
  std::vector<std::future<void>> pending;
  std::vector<std::shared_ptr<std::promise<void>>> promises;
  for (int i = 0; i < kWrites; ++i) {
    auto promise = std::make_shared<std::promise<void>>();
    pending.push_back(promise->get_future());
    store->update(i % 2 ? "a" : "b", append_digit('7'), [promise](Result<SnapshotPtr> r) {
      EXPECT_TRUE(r.ok());
      promise->set_value();
    });
  }
  for (auto& f : pending) {
    f.wait();
  }
  EXPECT_EQ(store->committed_writes(), static_cast<std::uint64_t>(kWrites));
  EXPECT_LT(store->commits(), static_cast<std::uint64_t>(kWrites)) << "writes queued together must commit together";
}

// A deferral that keeps what it was asked to wake until the test wakes it.
class HeldWakeups final : public WakeDeferral {
 public:
  void wake_after_turn(Wakeable& target, bool give_way) override {
    held.push_back(&target);
    gave_way.push_back(give_way);
  }
  std::vector<Wakeable*> held;
  std::vector<bool> gave_way;
};

// A store whose committer has committed a first write and is asleep, waiting for a wake-up (a
// committer still busy would take queued writes without one, by design).
std::unique_ptr<CachedStore> store_with_its_committer_asleep() {
  auto store = open_store(std::make_unique<NullBackend>());
  SnapshotWaiter first;
  store->update("b", append_digit('0'), first.callback());
  EXPECT_TRUE(first.get().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return store;
}

TEST(CachedStore, AThreadThatDefersWakeUpsHasItsWritesCommittedWhenItWakesTheCommitter) {
  auto store = store_with_its_committer_asleep();
  HeldWakeups deferral;
  set_this_thread_wake_deferral(&deferral);
  std::vector<std::future<Result<SnapshotPtr>>> acknowledged;
  for (int i = 0; i < 3; ++i) {
    auto promise = std::make_shared<std::promise<Result<SnapshotPtr>>>();
    acknowledged.push_back(promise->get_future());
    store->update("a", append_digit('1'), [promise](Result<SnapshotPtr> r) { promise->set_value(std::move(r)); });
  }
  set_this_thread_wake_deferral(nullptr);
  // One wake-up asked for the turn (by the write that found the queue empty), none given yet.
  ASSERT_EQ(deferral.held.size(), 1U);
  EXPECT_FALSE(deferral.gave_way.front());
  EXPECT_EQ(acknowledged.front().wait_for(std::chrono::milliseconds(200)), std::future_status::timeout)
      << "the committer ran before the turn's end woke it";
  deferral.held.front()->wake();
  for (auto& write : acknowledged) {
    EXPECT_TRUE(write.get().ok());
  }
  EXPECT_EQ(store->commits(), 2U) << "the turn's writes must be committed together";
  SnapshotWaiter read;
  store->read("a", read.callback());
  EXPECT_EQ(read.get().value()->settings.um.play_on_phone_dial_string, "111");
}

TEST(CachedStore, AWriteQueuedBehindOneThatWaitedTooLongAsksTheThreadToGiveWay) {
  auto store = store_with_its_committer_asleep();
  HeldWakeups deferral;
  set_this_thread_wake_deferral(&deferral);
  SnapshotWaiter early;
  SnapshotWaiter late;
  store->update("a", append_digit('1'), early.callback());
  store->update("a", append_digit('2'), late.callback());     // the queue is not empty: no new wake-up
  std::this_thread::sleep_for(std::chrono::milliseconds(2));  // longer than the committer may wait
  SnapshotWaiter overdue;
  store->update("a", append_digit('3'), overdue.callback());
  set_this_thread_wake_deferral(nullptr);
  ASSERT_EQ(deferral.gave_way, (std::vector<bool>{false, true}));
  deferral.held.back()->wake();
  EXPECT_TRUE(early.get().ok());
  EXPECT_TRUE(late.get().ok());
  EXPECT_EQ(overdue.get().value()->settings.um.play_on_phone_dial_string, "123");
}

TEST(CachedStore, AFailedMutationWritesNothing) {
  auto store = open_store(std::make_unique<NullBackend>());
  SnapshotWaiter failed;
  store->update(
      "a",
      [](const MailboxSettings&) -> Result<MailboxSettings> {
        return Error{ErrorCode::kInvalidArgument, "no"};
      },
      failed.callback());
  EXPECT_EQ(failed.get().error().code, ErrorCode::kInvalidArgument);
  SnapshotWaiter read;
  store->read("a", read.callback());
  EXPECT_EQ(read.get().value()->version, 0U);
}

TEST(CachedStore, UnknownMailboxIsUserNotFound) {
  auto store = open_store(std::make_unique<NullBackend>());
  SnapshotWaiter read;
  store->read("zzz", read.callback());
  EXPECT_EQ(read.get().error().code, ErrorCode::kUserNotFound);
}

class FailingBackend final : public PersistenceBackend {
 public:
  Result<std::vector<StoredMailbox>> load_all() override { return std::vector<StoredMailbox>{}; }
  Status commit(const std::vector<StoredMailbox>&) override {
    return Error{ErrorCode::kStoreUnavailable, "disk on fire"};
  }
};

TEST(CachedStore, ACommitThatFailsIsNeitherAcknowledgedNorVisible) {
  auto store = open_store(std::make_unique<FailingBackend>());
  SnapshotWaiter write;
  store->update("a", set_dial_string("123"), write.callback());
  EXPECT_EQ(write.get().error().code, ErrorCode::kStoreUnavailable);
  SnapshotWaiter read;
  store->read("a", read.callback());
  EXPECT_EQ(read.get().value()->settings.um.play_on_phone_dial_string, "");
}

// Fails every commit while `failing` is set (a full or broken disk that gets fixed).
class FlakyBackend final : public PersistenceBackend {
 public:
  explicit FlakyBackend(std::atomic<bool>& failing) : failing_(failing) {}
  Result<std::vector<StoredMailbox>> load_all() override { return std::vector<StoredMailbox>{}; }
  Status commit(const std::vector<StoredMailbox>&) override {
    if (failing_.load()) {
      return Error{ErrorCode::kStoreUnavailable, "disk on fire\n\tcall the fire brigade"};
    }
    return ok_status();
  }

 private:
  std::atomic<bool>& failing_;
};

TEST(CachedStore, HealthReportsAFailingCommitInOneLineUntilACommitSucceeds) {
  std::atomic<bool> failing{false};
  auto store = open_store(std::make_unique<FlakyBackend>(failing));
  EXPECT_EQ(store->health(), std::nullopt);
  failing = true;
  SnapshotWaiter refused;
  store->update("a", set_dial_string("1"), refused.callback());
  ASSERT_FALSE(refused.get());
  EXPECT_EQ(store->health(), "the store cannot commit: disk on fire call the fire brigade");
  failing = false;
  SnapshotWaiter committed;
  store->update("a", set_dial_string("2"), committed.callback());
  ASSERT_TRUE(committed.get());
  EXPECT_EQ(store->health(), std::nullopt);
}

// Holds the first commit until the test releases it, so a test can act while a commit (standing
// in for a slow fsync) is in progress; logs every commit.
class GatedBackend final : public PersistenceBackend {
 public:
  Result<std::vector<StoredMailbox>> load_all() override { return std::vector<StoredMailbox>{}; }
  Status commit(const std::vector<StoredMailbox>& batch) override {
    if (commits_++ == 0) {
      entered_.set_value();
      release_.get_future().wait();
    }
    log("commit of " + std::to_string(batch.size()));
    return ok_status();
  }
  std::future<void> entered() { return entered_.get_future(); }
  void release() { release_.set_value(); }
  void log(std::string event) {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(event));
  }
  std::vector<std::string> events() {
    std::lock_guard lock(mutex_);
    return events_;
  }

 private:
  int commits_ = 0;  // committer thread only
  std::promise<void> entered_;
  std::promise<void> release_;
  std::mutex mutex_;
  std::vector<std::string> events_;
};

// A CachedStore whose first write (mailbox a := "1") is inside its held commit.
class CachedStoreDuringACommit : public ::testing::Test {
 protected:
  void SetUp() override {
    auto gated = std::make_unique<GatedBackend>();
    backend_ = gated.get();
    auto entered = backend_->entered();
    store_ = open_store(std::move(gated));
    store_->update("a", set_dial_string("1"), first_.callback());
    entered.wait();
  }

  GatedBackend* backend_ = nullptr;
  std::unique_ptr<CachedStore> store_;
  SnapshotWaiter first_;
};

TEST_F(CachedStoreDuringACommit, ARefusedWriteIsAnsweredAfterTheCommitOfItsBatch) {
  // Queued while the first commit is held, so these two form the next batch.
  SnapshotWaiter accepted;
  store_->update("a", set_dial_string("2"), accepted.callback());
  std::promise<void> refused_answered;
  store_->update(
      "b",
      [](const MailboxSettings&) -> Result<MailboxSettings> {
        return Error{ErrorCode::kInvalidArgument, "no"};
      },
      [&](Result<SnapshotPtr> result) {
        EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
        backend_->log("refusal answered");
        refused_answered.set_value();
      });
  backend_->release();
  ASSERT_TRUE(first_.get().ok());
  ASSERT_TRUE(accepted.get().ok());
  refused_answered.get_future().wait();
  EXPECT_EQ(backend_->events(), (std::vector<std::string>{"commit of 1", "commit of 1", "refusal answered"}));
}

TEST_F(CachedStoreDuringACommit, AReadAnswersAtOnceAndSeesTheAcknowledgedWriteAfterIt) {
  // The committer is inside commit(): a read must not wait for it (it would wait forever here,
  // since the commit is released only after the read returned).
  SnapshotWaiter during;
  store_->read("a", during.callback());
  EXPECT_EQ(during.get().value()->version, 0U) << "an uncommitted write is never visible";
  backend_->release();
  ASSERT_EQ(first_.get().value()->version, 1U);
  SnapshotWaiter after;
  store_->read("a", after.callback());
  EXPECT_EQ(after.get().value()->settings.um.play_on_phone_dial_string, "1") << "read-your-writes after the ack";
}

TEST(SqliteBackend, AcknowledgedWritesAreThereAfterReopening) {
  TempDir dir;
  const auto path = dir.file("db.sqlite3");
  {
    auto store = open_store(sqlite_at(path));
    SnapshotWaiter write;
    store->update("a", set_dial_string("+1 425"), write.callback());
    ASSERT_TRUE(write.get().ok());
  }
  auto store = open_store(sqlite_at(path));
  SnapshotWaiter read;
  store->read("a", read.callback());
  const auto snapshot = read.get().value();
  EXPECT_EQ(snapshot->settings.um.play_on_phone_dial_string, "+1 425");
  EXPECT_EQ(snapshot->version, 1U);
}

// A reload that names a mailbox the store did not know: it is served from then on, with its
// defaults, or with the row it kept from before (a user removed and added again).
TEST(CachedStore, AddedMailboxesAreServedWithTheirStoredRowOrDefaults) {
  TempDir dir;
  const auto path = dir.file("db.sqlite3");
  {
    auto store = std::move(CachedStore::open(sqlite_at(path), {"a", "c"}, [](const std::string&) {
                   return default_settings(fixed_now());
                 })).value();
    SnapshotWaiter write;
    store->update("c", set_dial_string("+1 206"), write.callback());
    ASSERT_TRUE(write.get().ok());
  }
  auto store = open_store(sqlite_at(path));  // "a" and "b": "c" is not named
  SnapshotWaiter unknown;
  store->read("c", unknown.callback());
  EXPECT_EQ(unknown.get().error().code, ErrorCode::kUserNotFound);
  EXPECT_FALSE(store->add_mailboxes({"c", "d", "a"}).has_value());
  SnapshotWaiter kept;
  store->read("c", kept.callback());
  EXPECT_EQ(kept.get().value()->settings.um.play_on_phone_dial_string, "+1 206");
  SnapshotWaiter fresh;
  store->read("d", fresh.callback());
  EXPECT_EQ(fresh.get().value()->settings, default_settings(fixed_now()));
  SnapshotWaiter write;
  store->update("d", set_dial_string("+44 20"), write.callback());
  ASSERT_TRUE(write.get().ok());
  SnapshotWaiter read;
  store->read("d", read.callback());
  EXPECT_EQ(read.get().value()->settings.um.play_on_phone_dial_string, "+44 20");
}

TEST(SqliteBackend, RefusesADatabaseFromANewerSchema) {
  TempDir dir;
  const auto path = dir.file("db.sqlite3");
  { ASSERT_TRUE(SqliteBackend::open(path).ok()); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version=99;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const auto reopened = SqliteBackend::open(path);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.error().message.find("newer"), std::string::npos) << reopened.error().message;
}

TEST(SqliteBackend, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  const auto path = dir.file("db.sqlite3");
  std::ofstream(path) << std::string(8192, 'x');
  EXPECT_FALSE(SqliteBackend::open(path).ok());
}

TEST(SqliteBackend, RefusesADamagedRow) {
  TempDir dir;
  const auto path = dir.file("db.sqlite3");
  { ASSERT_TRUE(SqliteBackend::open(path).ok()); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "INSERT INTO mailbox_settings VALUES('a', 1, x'0102');", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto backend = SqliteBackend::open(path);
  ASSERT_TRUE(backend.ok());
  EXPECT_FALSE(backend.value()->load_all().ok());
}

TEST(SqliteBackend, WalStaysBoundedUnderAWriteStreamThatNeverPauses) {
  TempDir dir;
  const auto path = dir.file("db.sqlite3");
  auto backend = std::move(SqliteBackend::open(path)).value();
  constexpr int kMailboxes = 4000;
  constexpr int kBatch = 400;
  std::vector<StoredMailbox> batch(kBatch);
  std::uintmax_t written = 0;  // bytes through the WAL, had it never been reset
  std::uintmax_t largest_wal = 0;
  const std::uintmax_t frame = 4096 + 24;
  for (int commit = 0; written < 4 * SqliteBackend::kInlineCheckpointFrames * frame; ++commit) {
    for (int i = 0; i < kBatch; ++i) {
      batch[static_cast<std::size_t>(i)] = StoredMailbox{"m" + std::to_string((commit * kBatch + i * 7) % kMailboxes),
                                                         static_cast<std::uint64_t>(commit + 1), rich_settings()};
    }
    const auto before = std::filesystem::file_size(path + "-wal");
    ASSERT_TRUE(backend->commit(batch).ok());
    const auto after = std::filesystem::file_size(path + "-wal");
    written += after > before ? after - before : after;
    largest_wal = std::max(largest_wal, after);
  }
  // One batch may land on top of a WAL just under the limit before the committer checkpoints.
  EXPECT_LE(largest_wal, (SqliteBackend::kInlineCheckpointFrames + 2 * kBatch) * frame);
  backend.reset();
  const auto rows = sqlite_at(path)->load_all();
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.value().size(), static_cast<std::size_t>(kMailboxes));
}

// Records every batch the store reports, as its size.
class BatchRecorder final : public StoreObserver {
 public:
  void batch_committed(std::chrono::microseconds duration, std::size_t writes) noexcept override {
    (void)duration;  // a wall-clock figure: only the batch sizes are exact
    std::lock_guard lock(mutex_);
    sizes_.push_back(writes);
  }
  std::vector<std::size_t> sizes() {
    std::lock_guard lock(mutex_);
    return sizes_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::size_t> sizes_;
};

TEST_F(CachedStoreDuringACommit, TheObserverSeesEachCommittedBatchWithItsSize) {
  BatchRecorder recorder;
  store_->set_observer(&recorder);
  SnapshotWaiter second, third, fourth;
  store_->update("a", set_dial_string("2"), second.callback());
  store_->update("b", set_dial_string("3"), third.callback());
  store_->update("a", set_dial_string("4"), fourth.callback());
  backend_->release();
  ASSERT_TRUE(first_.get());
  ASSERT_TRUE(second.get());
  ASSERT_TRUE(third.get());
  ASSERT_TRUE(fourth.get());
  EXPECT_EQ(recorder.sizes(), (std::vector<std::size_t>{1, 3}));
  store_->set_observer(nullptr);
}

}  // namespace
}  // namespace oofgate::core
