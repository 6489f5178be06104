#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/store/mailbox_store.h"
#include "core/store/postgres_batch_queue.h"
#include "core/store/postgres_mailbox_table.h"

namespace oofgate::core {

// The store for gateways that share one PostgreSQL database (scale-out). It keeps no copy of
// any mailbox: another gateway may have written it since, so every read asks the database.
// Writes are group-committed: the committer thread takes every queued write, and in one
// transaction locks the rows involved, applies the mutations in arrival order, writes and
// commits, and only then calls back. There is one committer so that arrival order holds
// across batches too; the next batch queues while the current one commits. Reads are batched the same way on reader
// threads, each with its own connection. While the database is unreachable calls fail fast with kStoreUnavailable, and
// the next call after it returns reconnects.
class PostgresStore final : public MailboxStore {
 public:
  using DefaultsFactory = std::function<MailboxSettings(const std::string& mailbox_id)>;

  struct Options {
    std::string conninfo;  // a postgresql:// URL or a libpq key=value string
    unsigned reader_threads = 2;
    std::chrono::seconds connect_timeout{2};
  };

  // Connects once to migrate the schema (refusing a newer one); mailbox_ids is the full set
  // of mailboxes, others are unknown to this store.
  static Result<std::unique_ptr<PostgresStore>> open(Options options, const std::vector<std::string>& mailbox_ids,
                                                     const DefaultsFactory& defaults);
  // Commits (or fails) every write accepted before, then closes the connections.
  ~PostgresStore() override;

  void read(const std::string& mailbox_id, SnapshotCallback done) override;
  void update(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done) override;
  // The last read's or commit's outcome; starts a probe read at most every 500 ms, so that an
  // outage and a recovery are seen without client traffic.
  std::optional<std::string> health() override;

  // Commit batching statistics, for tests and the benchmark.
  std::uint64_t commits() const { return commits_.load(); }
  std::uint64_t committed_writes() const { return committed_writes_.load(); }

 private:
  struct PendingRead {
    const std::string* mailbox_id;
    SnapshotCallback done;
  };

  explicit PostgresStore(Options options);
  void run_reader();
  void run_committer();
  void read_batch(PgConnection& connection, std::deque<PendingRead>& batch);
  void commit_batch(PgConnection& connection, std::deque<PgWrite>& batch);
  void note_outcome(const std::vector<Result<SnapshotPtr>>& results);

  Options options_;
  DefaultSnapshots defaults_;  // fixed after open(); also the set of known mailboxes
  BatchQueue<PendingRead> reads_;
  BatchQueue<PgWrite> writes_;
  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> committed_writes_{0};
  std::atomic<std::int64_t> last_probe_{0};  // steady_clock ticks of the last probe read
  std::vector<std::thread> threads_;
};

}  // namespace oofgate::core
