#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>

#include "core/directory/directory.h"
#include "core/directory/password_hasher.h"
#include "core/locale/locale_catalog.h"
#include "core/model/mailbox_settings_patch.h"
#include "core/result.h"
#include "core/service/blocking_work.h"
#include "core/service/pin_notifier.h"
#include "core/service/pin_policy.h"
#include "core/service/pin_reset_limiter.h"
#include "core/service/settings_audit.h"
#include "core/store/mailbox_store.h"
#include "core/time/clock.h"
#include "core/time/time_zone_db.h"

namespace oofgate::core {

// Which mailbox a request addresses: the caller's own ("/me", UM operations) or a named one.
struct MailboxTarget {
  bool is_me = true;
  std::string id_or_upn;

  static MailboxTarget me() { return {}; }
  static MailboxTarget named(std::string id_or_upn) { return {false, std::move(id_or_upn)}; }
};

// What a request does with the mailbox it names: read or write its settings, or only read the
// owner's profile and the lists offered to it (Graph: User.Read, e.g. supportedTimeZones).
enum class Access { kRead, kWrite, kProfile };

// How ResetPIN makes a PIN and hands it to the user. Without a notifier ResetPIN is refused
// (kNotSupported): a PIN nobody can learn must never replace the current one.
struct PinResetConfig {
  PinPolicy policy;
  PinNotifier* notifier = nullptr;  // not owned; outlives the service
  int hash_iterations = PasswordHasher::kDefaultIterations;
  RandomBytes random = secure_random_bytes;
  // Where the PBKDF2 and the delivery (a file write with fsync) run; not owned, outlives the
  // service. nullptr runs them on the calling thread, which only tests should do.
  BlockingWork* work = nullptr;
  PinResetLimits limits;
};

// The use cases both facades call. Knows nothing of HTTP, XML or JSON.
class MailboxService {
 public:
  MailboxService(const Directory& directory, MailboxStore& store, const Clock& clock, const TimeZoneDb& zones,
                 PinResetConfig pin_reset = {})
      : directory_(directory),
        store_(store),
        clock_(clock),
        zones_(zones),
        pin_reset_(std::move(pin_reset)),
        pin_reset_limiter_(pin_reset_.limits, clock) {}

  // Graph permission rules: application identities may not use /me; delegated identities
  // reach only their own mailbox; reads need *.Read or *.ReadWrite, writes need *.ReadWrite;
  // profile access needs User.Read or any mailbox-settings permission.
  Result<const User*> authorize(const Principal& caller, const MailboxTarget& target, Access access) const;

  void read(const User& owner, SnapshotCallback done) const;
  // Applies a patch atomically; `done` gets the committed snapshot or the validation error.
  // The patch is validated and its instants computed on the calling thread (a validation error
  // calls `done` inline); the store's committer only merges it into the latest state.
  void update(const User& owner, const MailboxSettingsPatch& patch, SnapshotCallback done);

  // UM OofStatus of a snapshot at the current time (see oof_projection.h).
  bool oof_active(const MailboxSettings& settings) const;

  // UM web service: all of these require a UM-enabled owner.
  void set_oof_status(const User& owner, bool enabled, SnapshotCallback done);
  void set_missed_call_notification(const User& owner, bool enabled, SnapshotCallback done);
  void set_play_on_phone_dial_string(const User& owner, std::string dial_string, SnapshotCallback done);
  void set_telephone_access_folder_email(const User& owner, std::string base64_folder_id, SnapshotCallback done);
  // MS-OXWUMS ResetPIN: a new random PIN under the policy. Order: the PIN is delivered first,
  // then only its hash is committed; if the commit fails the message is withdrawn. So a stored
  // hash always has a delivered PIN, and a failed delivery changes nothing. The hashing and the
  // delivery run on PinResetConfig::work, so `done` may be called on one of its threads.
  // kRateLimited beyond PinResetConfig::limits, kBusy when the work queue is full.
  void reset_pin(const User& owner, SnapshotCallback done);

  const Clock& clock() const { return clock_; }
  const TimeZoneDb& time_zones() const { return zones_; }
  // The locales a mailbox may use (Graph: outlook/supportedLanguages).
  const LocaleCatalog& locales() const { return locales_; }
  const Directory& directory() const { return directory_; }
  // Time-zone lookups a write had to make inside the store's mutation, because another write
  // changed the stored schedule between the read-ahead and the commit (0 on the common path).
  std::uint64_t late_time_zone_lookups() const { return late_time_zone_lookups_.load(std::memory_order_relaxed); }
  // Every committed write that changed something is reported here (set before serving; not owned).
  void set_audit(AuditSink* audit) { audit_ = audit; }

 private:
  void update_um(const User& owner, Mutation mutation, SnapshotCallback done);
  // The slow half of reset_pin: make, hash and deliver the PIN, then commit its hash.
  void reset_pin_now(const User& owner, SnapshotCallback done, RequestTrace origin);
  void queue_merge(const std::string& mailbox_id, ValidatedPatch valid, SnapshotCallback done, RequestTrace origin);
  // THE way every write reaches the store: after the commit, reports what changed to audit_.
  void commit(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done, RequestTrace origin);

  const Directory& directory_;
  MailboxStore& store_;
  const Clock& clock_;
  const TimeZoneDb& zones_;
  LocaleCatalog locales_;
  PinResetConfig pin_reset_;
  PinResetLimiter pin_reset_limiter_;
  std::atomic<std::uint64_t> late_time_zone_lookups_{0};
  AuditSink* audit_ = nullptr;
};

Error not_um_enabled_error();
// kBusy: no capacity to do it now (a full work queue, or shutting down before it ran).
Error busy_error();

}  // namespace oofgate::core
