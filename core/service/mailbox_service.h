#pragma once

#include <string>

#include "core/directory/directory.h"
#include "core/model/mailbox_settings_patch.h"
#include "core/result.h"
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

enum class Access { kRead, kWrite };

// The use cases both facades call. Knows nothing of HTTP, XML or JSON.
class MailboxService {
 public:
  MailboxService(const Directory& directory, MailboxStore& store, const Clock& clock, const TimeZoneDb& zones)
      : directory_(directory), store_(store), clock_(clock), zones_(zones) {}

  // Graph permission rules: application identities may not use /me; delegated identities
  // reach only their own mailbox; reads need *.Read or *.ReadWrite, writes need *.ReadWrite.
  Result<const User*> authorize(const Principal& caller, const MailboxTarget& target, Access access) const;

  void read(const User& owner, SnapshotCallback done) const;
  // Applies a patch atomically; `done` gets the committed snapshot or the validation error.
  void update(const User& owner, MailboxSettingsPatch patch, SnapshotCallback done);

  // UM OofStatus of a snapshot at the current time (see oof_projection.h).
  bool oof_active(const MailboxSettings& settings) const;

  // UM web service: all of these require a UM-enabled owner.
  void set_oof_status(const User& owner, bool enabled, SnapshotCallback done);
  void set_missed_call_notification(const User& owner, bool enabled, SnapshotCallback done);
  void set_play_on_phone_dial_string(const User& owner, std::string dial_string, SnapshotCallback done);
  void set_telephone_access_folder_email(const User& owner, std::string base64_folder_id, SnapshotCallback done);

  const Clock& clock() const { return clock_; }
  const TimeZoneDb& time_zones() const { return zones_; }
  const Directory& directory() const { return directory_; }

 private:
  void update_um(const User& owner, Mutation mutation, SnapshotCallback done);

  const Directory& directory_;
  MailboxStore& store_;
  const Clock& clock_;
  const TimeZoneDb& zones_;
};

Error not_um_enabled_error();

}  // namespace oofgate::core
