#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/store/commit_wakeup.h"
#include "core/store/mailbox_store.h"
#include "core/store/persistence_backend.h"
#include "core/util/frozen_string_index.h"

namespace oofgate::core {

// The store for a gateway that owns its data (SQLite, or nothing in tests): every mailbox's
// committed snapshot lives in memory, so reads never touch the disk; writes go through a single
// committer thread that applies queued mutations in order and commits them as one batch
// (group commit: many writes, one fsync), publishing and acknowledging only after the commit.
class CachedStore final : public MailboxStore, private Wakeable {
 public:
  using DefaultsFactory = std::function<MailboxSettings(const std::string& mailbox_id)>;

  // mailbox_ids is the full set of mailboxes; others are unknown to this store. max_batch caps
  // how many queued writes share one commit (0: all that are queued; 1: one commit per write,
  // kept only to measure what group commit buys).
  static Result<std::unique_ptr<CachedStore>> open(std::unique_ptr<PersistenceBackend> backend,
                                                   const std::vector<std::string>& mailbox_ids,
                                                   DefaultsFactory defaults, std::size_t max_batch = 0);
  ~CachedStore() override;

  void read(const std::string& mailbox_id, SnapshotCallback done) override;
  void update(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done) override;
  // A mailbox added here reads as the row it had at open (a user removed and added again) or as
  // its defaults.
  std::optional<Error> add_mailboxes(const std::vector<std::string>& mailbox_ids) override;

  // Commit batching statistics, for tests and the benchmark.
  std::uint64_t commits() const { return commits_.load(); }
  std::uint64_t committed_writes() const { return committed_writes_.load(); }

 private:
  // Wakes the committer (for a deferred wake-up; see WakeDeferral).
  void wake() noexcept override;
  struct Entry {
    std::string id;
    std::atomic<SnapshotPtr> committed;
  };
  struct PendingWrite {
    Entry* entry;
    const std::string* mailbox_id;
    Mutation mutation;
    SnapshotCallback done;
  };

  explicit CachedStore(std::unique_ptr<PersistenceBackend> backend);
  void run_committer();
  void commit_batch(std::deque<PendingWrite>& batch);

  std::unique_ptr<PersistenceBackend> backend_;
  std::size_t max_batch_ = 0;
  Entry* find_entry(std::string_view mailbox_id);

  // Fixed after open(): one entry per mailbox, found through a flat index (with a million
  // mailboxes every lookup misses the cache, and the index costs one miss where a hash map's
  // bucket, node and key cost three or four).
  FrozenStringIndex index_;
  std::vector<Entry> entries_;
  // Mailboxes added after open (a reload of the users file). Looked up only when the index
  // misses, so the mailboxes known at open never take this lock; entries never move or go.
  DefaultsFactory defaults_;
  std::atomic<bool> has_added_{false};
  std::shared_mutex added_mutex_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> added_;
  // Rows of mailboxes the users file did not name at open, for when a reload names them.
  std::unordered_map<std::string, SnapshotPtr> dormant_;

  std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  // When the write at the head of the queue was queued (guarded by queue_mutex_). Past
  // kLongestWaitBeforeGivingWay the I/O thread yields its CPU to the committer (see WakeDeferral).
  static constexpr std::chrono::microseconds kLongestWaitBeforeGivingWay{500};
  std::chrono::steady_clock::time_point oldest_queued_at_{};
  std::deque<PendingWrite> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> committed_writes_{0};
  std::thread committer_;
};

}  // namespace oofgate::core
