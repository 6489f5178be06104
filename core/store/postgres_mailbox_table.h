#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/store/mailbox_store.h"
#include "core/store/postgres_connection.h"

namespace oofgate::core {

// What a never-written mailbox reads as, by mailbox id (version 0 snapshots).
using DefaultSnapshots = std::unordered_map<std::string, SnapshotPtr>;

// One queued update.
struct PgWrite {
  const std::string* mailbox_id;  // a key of DefaultSnapshots, which outlives the write
  Mutation mutation;
  SnapshotCallback done;
};

// The latest committed snapshot of each of `ids` (all known mailboxes), in one query.
Result<std::unordered_map<std::string, SnapshotPtr>> read_mailboxes(PgConnection& connection,
                                                                    const std::vector<std::string>& ids,
                                                                    const DefaultSnapshots& defaults);

// The result of one write transaction: one entry per write, in batch order.
struct WriteBatchOutcome {
  std::vector<Result<SnapshotPtr>> results;
  std::size_t written = 0;  // new versions committed (0: nothing was committed)
};

// Applies `batch` in one transaction: locks the rows involved, runs each mutation in arrival
// order against the state the ones before it left, writes the new versions and commits.
// Every write's result is final only after COMMIT succeeded; callbacks are the caller's job.
WriteBatchOutcome commit_writes(PgConnection& connection, std::deque<PgWrite>& batch, const DefaultSnapshots& defaults);

}  // namespace oofgate::core
