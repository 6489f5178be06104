#include "core/store/cached_store.h"

#include <chrono>
#include <utility>

#include "core/store/shared_defaults.h"
#include "core/util/batch_scheduling.h"

namespace oofgate::core {

CachedStore::CachedStore(std::unique_ptr<PersistenceBackend> backend) : backend_(std::move(backend)) {}

Result<std::unique_ptr<CachedStore>> CachedStore::open(std::unique_ptr<PersistenceBackend> backend,
                                                       const std::vector<std::string>& mailbox_ids,
                                                       DefaultsFactory defaults, std::size_t max_batch) {
  std::unique_ptr<CachedStore> store(new CachedStore(std::move(backend)));
  store->max_batch_ = max_batch;
  auto loaded = store->backend_->load_all();
  if (!loaded) {
    return loaded.error();
  }
  store->index_ = FrozenStringIndex(mailbox_ids.size());
  std::vector<const std::string*> distinct_ids;
  distinct_ids.reserve(mailbox_ids.size());
  for (const auto& id : mailbox_ids) {
    if (store->index_.insert(id, static_cast<std::uint32_t>(distinct_ids.size()))) {
      distinct_ids.push_back(&id);
    }
  }
  store->entries_ = std::vector<Entry>(distinct_ids.size());
  SharedDefaults shared_defaults;
  for (std::size_t i = 0; i < distinct_ids.size(); ++i) {
    Entry& entry = store->entries_[i];
    entry.id = *distinct_ids[i];
    entry.committed.store(shared_defaults.snapshot_for(defaults(entry.id)));
  }
  for (auto& stored : loaded.value()) {
    Entry* entry = store->find_entry(stored.mailbox_id);
    auto snapshot = std::make_shared<MailboxSnapshot>();
    snapshot->version = stored.version;
    snapshot->settings = std::move(stored.settings);
    if (entry == nullptr) {
      // A mailbox no longer in the users file keeps its row but is not served until a reload names it.
      store->dormant_.emplace(stored.mailbox_id, std::move(snapshot));
      continue;
    }
    entry->committed.store(std::move(snapshot));
  }
  store->defaults_ = std::move(defaults);
  store->committer_ = std::thread([raw = store.get()] { raw->run_committer(); });
  return store;
}

CachedStore::~CachedStore() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_ready_.notify_one();
  if (committer_.joinable()) {
    committer_.join();
  }
}

CachedStore::Entry* CachedStore::find_entry(std::string_view mailbox_id) {
  const std::uint32_t position = index_.find(mailbox_id);
  if (position != FrozenStringIndex::kMissing) {
    return &entries_[position];
  }
  if (!has_added_.load(std::memory_order_acquire)) {
    return nullptr;
  }
  std::shared_lock lock(added_mutex_);
  const auto it = added_.find(std::string(mailbox_id));
  return it == added_.end() ? nullptr : it->second.get();
}

std::optional<Error> CachedStore::add_mailboxes(const std::vector<std::string>& mailbox_ids) {
  std::unique_lock lock(added_mutex_);
  for (const auto& id : mailbox_ids) {
    if (index_.find(id) != FrozenStringIndex::kMissing || added_.count(id) != 0) {
      continue;
    }
    auto entry = std::make_unique<Entry>();
    entry->id = id;
    const auto dormant = dormant_.find(id);
    if (dormant != dormant_.end()) {
      entry->committed.store(std::move(dormant->second));
      dormant_.erase(dormant);
    } else {
      auto snapshot = std::make_shared<MailboxSnapshot>();
      snapshot->settings = defaults_(id);
      entry->committed.store(std::move(snapshot));
    }
    added_.emplace(id, std::move(entry));
  }
  has_added_.store(!added_.empty(), std::memory_order_release);
  return std::nullopt;
}

void CachedStore::read(const std::string& mailbox_id, SnapshotCallback done) {
  const Entry* entry = find_entry(mailbox_id);
  if (entry == nullptr) {
    done(Error{ErrorCode::kUserNotFound, "unknown mailbox '" + mailbox_id + "'"});
    return;
  }
  done(entry->committed.load(std::memory_order_acquire));
}

void CachedStore::update(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done) {
  Entry* entry = find_entry(mailbox_id);
  if (entry == nullptr) {
    done(Error{ErrorCode::kUserNotFound, "unknown mailbox '" + mailbox_id + "'"});
    return;
  }
  bool first = false;
  bool overdue = false;
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(queue_mutex_);
    if (stopping_) {
      done(Error{ErrorCode::kStoreUnavailable, "the store is shutting down"});
      return;
    }
    first = queue_.empty();
    if (first) {
      oldest_queued_at_ = now;
    }
    overdue = now - oldest_queued_at_ >= kLongestWaitBeforeGivingWay;
    queue_.push_back(PendingWrite{entry, &entry->id, std::move(mutation), std::move(done)});
  }
  // A committer that finds the queue non-empty after a commit goes on without a wake-up, so a
  // deferred wake is needed for the write that found the queue empty, and again only once the
  // oldest queued write has waited too long for a committer that is still not running.
  if (WakeDeferral* deferral = this_thread_wake_deferral(); deferral != nullptr) {
    if (first || overdue) {
      deferral->wake_after_turn(*this, overdue);
    }
    return;
  }
  queue_ready_.notify_one();
}

void CachedStore::wake() noexcept { queue_ready_.notify_one(); }

void CachedStore::run_committer() {
  // SCHED_BATCH: on a busy CPU the I/O thread goes on answering and queueing, and the committer
  // then commits all of it at once: measured on one pinned CPU (bench/run's 90/10 mix), with the
  // give-way of update() too, about 33 writes per commit instead of 17 and a fifth more requests
  // per second.
  make_this_thread_batch();
  std::deque<PendingWrite> batch;
  for (;;) {
    {
      std::unique_lock lock(queue_mutex_);
      queue_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        return;  // stopping, and everything queued before has been committed
      }
      if (max_batch_ == 0 || queue_.size() <= max_batch_) {
        batch.swap(queue_);
      } else {
        for (std::size_t i = 0; i < max_batch_; ++i) {
          batch.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
      }
    }
    commit_batch(batch);
    batch.clear();
  }
}

void CachedStore::commit_batch(std::deque<PendingWrite>& batch) {
  // Mutations run in arrival order against the state left by the ones before them, so two
  // writes to one mailbox in the same batch compose instead of overwriting each other.
  std::unordered_map<Entry*, std::shared_ptr<MailboxSnapshot>> latest;
  std::vector<std::pair<PendingWrite*, std::shared_ptr<MailboxSnapshot>>> accepted;
  std::vector<std::pair<PendingWrite*, Error>> refused;
  std::vector<StoredMailbox> records;
  for (auto& write : batch) {
    auto found = latest.find(write.entry);
    const SnapshotPtr base = found != latest.end() ? SnapshotPtr(found->second) : write.entry->committed.load();
    Result<MailboxSettings> next = write.mutation(base->settings);
    if (!next) {
      refused.emplace_back(&write, next.error());
      continue;
    }
    auto snapshot = std::make_shared<MailboxSnapshot>();
    snapshot->version = base->version + 1;
    snapshot->settings = std::move(next).value();
    latest[write.entry] = snapshot;
    accepted.emplace_back(&write, snapshot);
    records.push_back(StoredMailbox{*write.mailbox_id, snapshot->version, snapshot->settings});
  }
  // Callbacks run only after the commit: what they do (a facade answering) must not delay it.
  if (!records.empty()) {
    const auto started = std::chrono::steady_clock::now();
    const Status committed = backend_->commit(records);
    if (!committed) {
      health_.failed("the store cannot commit: " + committed.error().message);
      for (auto& [write, snapshot] : accepted) {
        write->done(Error{ErrorCode::kStoreUnavailable, committed.error().message});
      }
    } else {
      health_.succeeded();
      report_commit(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started),
                    records.size());
      commits_.fetch_add(1);
      committed_writes_.fetch_add(records.size());
      for (auto& [entry, snapshot] : latest) {
        entry->committed.store(snapshot, std::memory_order_release);
      }
      for (auto& [write, snapshot] : accepted) {
        write->done(SnapshotPtr(std::move(snapshot)));
      }
    }
  }
  for (auto& [write, error] : refused) {
    write->done(std::move(error));
  }
}

}  // namespace oofgate::core
