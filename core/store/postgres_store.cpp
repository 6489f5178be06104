#include "core/store/postgres_store.h"

#include <algorithm>
#include <utility>

#include "core/store/postgres_schema.h"
#include "core/store/shared_defaults.h"

namespace oofgate::core {
namespace {

// Large enough to absorb a burst in one round trip, small enough that one slow batch does not
// hold many callers.
constexpr std::size_t kMaxReadBatch = 128;
constexpr std::size_t kMaxWriteBatch = 512;
// How often health() may start a probe read: two one-row reads a second cost the database nothing.
constexpr std::chrono::milliseconds kHealthProbeInterval{500};

Error unknown_mailbox(const std::string& mailbox_id) {
  return Error{ErrorCode::kUserNotFound, "unknown mailbox '" + mailbox_id + "'"};
}

}  // namespace

PostgresStore::PostgresStore(Options options) : options_(std::move(options)) {}

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(Options options, const std::vector<std::string>& mailbox_ids,
                                                           const DefaultsFactory& defaults) {
  {
    PgConnection connection(options.conninfo, options.connect_timeout);
    if (auto migrated = migrate_postgres_schema(connection); !migrated) {
      return migrated.error();
    }
  }
  std::unique_ptr<PostgresStore> store(new PostgresStore(std::move(options)));
  SharedDefaults shared_defaults;
  for (const auto& id : mailbox_ids) {
    store->defaults_.emplace(id, shared_defaults.snapshot_for(defaults(id)));
  }
  const unsigned readers = std::max(1U, store->options_.reader_threads);
  for (unsigned i = 0; i < readers; ++i) {
    store->threads_.emplace_back([raw = store.get()] { raw->run_reader(); });
  }
  store->threads_.emplace_back([raw = store.get()] { raw->run_committer(); });
  return store;
}

PostgresStore::~PostgresStore() {
  reads_.close();
  writes_.close();
  for (auto& thread : threads_) {
    thread.join();
  }
}

void PostgresStore::read(const std::string& mailbox_id, SnapshotCallback done) {
  auto it = defaults_.find(mailbox_id);
  if (it == defaults_.end()) {
    done(unknown_mailbox(mailbox_id));
    return;
  }
  if (!reads_.push(PendingRead{&it->first, done})) {
    done(Error{ErrorCode::kStoreUnavailable, "the store is shutting down"});
  }
}

void PostgresStore::update(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done) {
  auto it = defaults_.find(mailbox_id);
  if (it == defaults_.end()) {
    done(unknown_mailbox(mailbox_id));
    return;
  }
  if (!writes_.push(PgWrite{&it->first, std::move(mutation), done})) {
    done(Error{ErrorCode::kStoreUnavailable, "the store is shutting down"});
  }
}

void PostgresStore::run_reader() {
  PgConnection connection(options_.conninfo, options_.connect_timeout);
  std::deque<PendingRead> batch;
  while (reads_.take(batch, kMaxReadBatch)) {
    read_batch(connection, batch);
    batch.clear();
  }
}

void PostgresStore::run_committer() {
  PgConnection connection(options_.conninfo, options_.connect_timeout);
  std::deque<PgWrite> batch;
  while (writes_.take(batch, kMaxWriteBatch)) {
    commit_batch(connection, batch);
    batch.clear();
  }
}

void PostgresStore::read_batch(PgConnection& connection, std::deque<PendingRead>& batch) {
  std::vector<std::string> ids;
  ids.reserve(batch.size());
  for (const auto& pending : batch) {
    ids.push_back(*pending.mailbox_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto latest = read_mailboxes(connection, ids, defaults_);
  if (latest) {
    health_.succeeded();
  } else if (latest.error().code == ErrorCode::kStoreUnavailable) {
    health_.failed("the database does not answer: " + latest.error().message);
  }
  for (auto& pending : batch) {
    if (!latest) {
      pending.done(latest.error());
    } else {
      pending.done(latest.value().at(*pending.mailbox_id));
    }
  }
}

void PostgresStore::commit_batch(PgConnection& connection, std::deque<PgWrite>& batch) {
  const auto started = std::chrono::steady_clock::now();
  WriteBatchOutcome outcome = commit_writes(connection, batch, defaults_);
  if (outcome.written != 0) {
    report_commit(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started),
                  outcome.written);
    commits_.fetch_add(1);
    committed_writes_.fetch_add(outcome.written);
  }
  note_outcome(outcome.results);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    batch[i].done(std::move(outcome.results[i]));
  }
}

void PostgresStore::note_outcome(const std::vector<Result<SnapshotPtr>>& results) {
  // A refused mutation says nothing about the database; an unavailable store is a failure, and
  // any committed write a success.
  for (const auto& result : results) {
    if (result) {
      health_.succeeded();
      return;
    }
  }
  for (const auto& result : results) {
    if (result.error().code == ErrorCode::kStoreUnavailable) {
      health_.failed("the database does not commit: " + result.error().message);
      return;
    }
  }
}

std::optional<std::string> PostgresStore::health() {
  // Nothing notices an outage (or its end) without traffic, and a load balancer that saw 503
  // sends none: so a probe asks for one mailbox, at most once per interval, on a reader thread.
  const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  std::int64_t last = last_probe_.load(std::memory_order_relaxed);
  if (!defaults_.empty() && now - last >= std::chrono::nanoseconds(kHealthProbeInterval).count() &&
      last_probe_.compare_exchange_strong(last, now, std::memory_order_relaxed)) {
    read(defaults_.begin()->first, [](const Result<SnapshotPtr>&) {});
  }
  return health_.reason();
}

}  // namespace oofgate::core
