#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model/mailbox_settings.h"
#include "core/result.h"
#include "core/store/mailbox_snapshot.h"
#include "core/store/store_health.h"

namespace oofgate::core {

// Computes the new settings from the current ones, or refuses with an Error (then nothing is written).
// It runs on the store's committer, between reading the latest state and committing, so it must
// be a cheap merge of values validated beforehand (see MailboxService::update): every parse,
// time-zone or locale lookup belongs on the caller's thread, before update() is called.
using Mutation = std::function<Result<MailboxSettings>(const MailboxSettings& current)>;
// Called exactly once per read or update. On which thread:
//  - inline, on the caller's thread, when the store answers at once (a CachedStore read, an
//    unknown mailbox, a store shutting down);
//  - otherwise on a store thread: the committer for update() (after the batch it was part of
//    committed or failed, a refused mutation included), a reader thread for a PostgresStore read.
// A callback must therefore do no more than hand the result on: rendering a response on the
// committer delays every write queued behind it (facades hop back to the connection's thread).
using SnapshotCallback = std::function<void(Result<SnapshotPtr>)>;

// Where mailbox settings live. Implementations guarantee:
//  - update() applies its mutation atomically against the latest state of that mailbox
//    (no lost updates), and calls back only after the new state is durably committed;
//  - read() returns the latest committed state; a mailbox never written reads as its defaults;
//  - a read never waits for a commit in progress (no lock a read needs is held across a commit
//    or an fsync): it answers with the state committed before, and once an update's callback
//    has run every later read sees that update.
class MailboxStore {
 public:
  virtual ~MailboxStore() = default;
  virtual void read(const std::string& mailbox_id, SnapshotCallback done) = 0;
  virtual void update(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done) = 0;
  // Serves these mailboxes from now on (users added by a reload); known ones are left as they
  // are. A store that cannot learn mailboxes while it runs refuses, changing nothing.
  virtual std::optional<Error> add_mailboxes(const std::vector<std::string>& mailbox_ids) {
    (void)mailbox_ids;
    return Error{ErrorCode::kNotSupported, "this store learns new mailboxes only at start-up: restart the gateway"};
  }
  // nullopt while the store commits and answers, else one line saying why it does not (for
  // /readyz). Never a round trip per call: a store may start a rate-limited probe of its own.
  virtual std::optional<std::string> health() { return health_.reason(); }
  // Told about every committed batch from now on (nullptr: nobody). The observer must outlive
  // the store's last commit.
  void set_observer(StoreObserver* observer) { observer_.store(observer, std::memory_order_release); }

 protected:
  void report_commit(std::chrono::microseconds duration, std::size_t writes) noexcept {
    if (StoreObserver* observer = observer_.load(std::memory_order_acquire)) {
      observer->batch_committed(duration, writes);
    }
  }
  StoreHealth health_;

 private:
  std::atomic<StoreObserver*> observer_{nullptr};
};

}  // namespace oofgate::core
