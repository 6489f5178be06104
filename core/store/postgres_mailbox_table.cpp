#include "core/store/postgres_mailbox_table.h"

#include <algorithm>
#include <memory>
#include <set>

#include "core/store/settings_codec.h"

namespace oofgate::core {
namespace {

constexpr const char* kSelect =
    "SELECT mailbox_id, version, settings FROM mailbox_settings WHERE mailbox_id = ANY($1::text[]);";

// Placeholders are inserted in key order, and rows locked in key order, by every gateway, so
// two transactions over overlapping mailboxes always wait for each other in one direction.
constexpr const char* kInsertPlaceholders =
    "INSERT INTO mailbox_settings(mailbox_id, version, settings) "
    "SELECT id, 0, NULL FROM unnest($1::text[]) AS id ORDER BY id "
    "ON CONFLICT (mailbox_id) DO NOTHING;";

// FOR UPDATE makes this read-modify-write safe across processes: it waits for any other
// transaction holding the row and then returns the row as that one committed it, so a
// mutation never runs against a state another gateway is about to replace (no lost update).
constexpr const char* kSelectForUpdate =
    "SELECT mailbox_id, version, settings FROM mailbox_settings WHERE mailbox_id = ANY($1::text[]) "
    "ORDER BY mailbox_id FOR UPDATE;";

// Every changed row in one statement (one round trip however large the batch); the rows exist
// and are locked, since the placeholders were inserted and selected FOR UPDATE above.
constexpr const char* kUpdateChanged =
    "UPDATE mailbox_settings AS m SET version = u.version, settings = u.settings "
    "FROM unnest($1::text[], $2::bigint[], $3::bytea[]) AS u(mailbox_id, version, settings) "
    "WHERE m.mailbox_id = u.mailbox_id;";

// A deadlock or serialization failure rolls the whole batch back; trying again is safe
// because nothing was acknowledged and mutations are pure.
constexpr int kAttempts = 3;

bool retryable(const std::string& sqlstate) { return sqlstate == "40P01" || sqlstate == "40001"; }

Result<SnapshotPtr> snapshot_from_row(const PgRows& rows, int row, const std::string& id, const SnapshotPtr& defaults) {
  const std::int64_t version = rows.integer(row, 1);
  if (version == 0 || rows.is_null(row, 2)) {
    return defaults;
  }
  auto decoded = decode_settings(rows.bytes(row, 2));
  if (!decoded) {
    return Error{ErrorCode::kStoreUnavailable, "mailbox " + id + ": " + decoded.error().message};
  }
  auto snapshot = std::make_shared<MailboxSnapshot>();
  snapshot->version = static_cast<std::uint64_t>(version);
  snapshot->settings = std::move(decoded).value();
  return SnapshotPtr(std::move(snapshot));
}

Result<std::unordered_map<std::string, SnapshotPtr>> select_rows(PgConnection& connection, const char* sql,
                                                                 const std::vector<std::string>& ids,
                                                                 const DefaultSnapshots& defaults) {
  auto rows = connection.exec(sql, {PgParam{pg_text_array(ids)}});
  if (!rows) {
    return rows.error();
  }
  std::unordered_map<std::string, SnapshotPtr> latest;
  for (const auto& id : ids) {
    latest.emplace(id, defaults.at(id));
  }
  for (int row = 0; row < rows.value().size(); ++row) {
    const std::string id(rows.value().bytes(row, 0));
    auto snapshot = snapshot_from_row(rows.value(), row, id, defaults.at(id));
    if (!snapshot) {
      return snapshot.error();
    }
    latest[id] = std::move(snapshot).value();
  }
  return latest;
}

std::vector<std::string> distinct_ids(const std::deque<PgWrite>& batch) {
  std::vector<std::string> ids;
  ids.reserve(batch.size());
  for (const auto& write : batch) {
    ids.push_back(*write.mailbox_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

struct Attempt {
  WriteBatchOutcome outcome;
  bool retry = false;  // rolled back by a deadlock or serialization failure, or never begun
};

Attempt failed(std::size_t writes, const Error& error, bool retry = false) {
  Attempt failure;
  failure.outcome.results.assign(writes, Result<SnapshotPtr>(error));
  failure.retry = retry;
  return failure;
}

Attempt attempt(PgConnection& connection, std::deque<PgWrite>& batch, const std::vector<std::string>& ids,
                const DefaultSnapshots& defaults) {
  if (auto begun = connection.exec_script("BEGIN;"); !begun) {
    // Nothing was sent but BEGIN, so a connection found dead here is simply replaced.
    return failed(batch.size(), begun.error(), connection.lost_connection());
  }
  auto abort = [&](const Error& error) {
    const bool retry = retryable(connection.last_sqlstate());
    (void)connection.exec_script("ROLLBACK;");
    return failed(batch.size(), error, retry);
  };
  if (auto inserted = connection.exec(kInsertPlaceholders, {PgParam{pg_text_array(ids)}}); !inserted) {
    return abort(inserted.error());
  }
  auto locked = select_rows(connection, kSelectForUpdate, ids, defaults);
  if (!locked) {
    return abort(locked.error());
  }
  auto& latest = locked.value();
  WriteBatchOutcome outcome;
  std::set<std::string> changed;
  for (auto& write : batch) {
    const SnapshotPtr base = latest.at(*write.mailbox_id);
    Result<MailboxSettings> next = write.mutation(base->settings);
    if (!next) {
      outcome.results.emplace_back(next.error());
      continue;
    }
    auto snapshot = std::make_shared<MailboxSnapshot>();
    snapshot->version = base->version + 1;
    snapshot->settings = std::move(next).value();
    latest[*write.mailbox_id] = snapshot;
    outcome.results.emplace_back(SnapshotPtr(std::move(snapshot)));
    changed.insert(*write.mailbox_id);
    ++outcome.written;
  }
  if (changed.empty()) {
    (void)connection.exec_script("ROLLBACK;");
    return Attempt{std::move(outcome)};
  }
  std::vector<std::string> ids_changed(changed.begin(), changed.end());
  std::vector<std::string> versions;
  std::vector<std::string> settings;
  versions.reserve(changed.size());
  settings.reserve(changed.size());
  for (const auto& id : ids_changed) {
    const SnapshotPtr& snapshot = latest.at(id);
    versions.push_back(std::to_string(snapshot->version));
    settings.push_back(encode_settings(snapshot->settings));
  }
  const std::vector<PgParam> params = {PgParam{pg_text_array(ids_changed)}, PgParam{pg_text_array(versions)},
                                       PgParam{pg_binary_bytea_array(settings), true}};
  if (auto updated = connection.exec(kUpdateChanged, params); !updated) {
    return abort(updated.error());
  }
  // If the connection drops here the outcome is unknown; the write is then reported as failed
  // (never acknowledged), which is the only answer that cannot be a lie.
  if (auto committed = connection.exec_script("COMMIT;"); !committed) {
    return abort(committed.error());
  }
  return Attempt{std::move(outcome)};
}

}  // namespace

Result<std::unordered_map<std::string, SnapshotPtr>> read_mailboxes(PgConnection& connection,
                                                                    const std::vector<std::string>& ids,
                                                                    const DefaultSnapshots& defaults) {
  auto latest = select_rows(connection, kSelect, ids, defaults);
  if (!latest && connection.lost_connection()) {
    // A read changes nothing, so it may always be repeated on a fresh connection.
    latest = select_rows(connection, kSelect, ids, defaults);
  }
  return latest;
}

WriteBatchOutcome commit_writes(PgConnection& connection, std::deque<PgWrite>& batch,
                                const DefaultSnapshots& defaults) {
  const std::vector<std::string> ids = distinct_ids(batch);
  Attempt last = attempt(connection, batch, ids, defaults);
  for (int i = 1; i < kAttempts && last.retry; ++i) {
    last = attempt(connection, batch, ids, defaults);
  }
  return std::move(last.outcome);
}

}  // namespace oofgate::core
