#include "core/service/mailbox_service.h"

#include "core/text/utf8.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <openssl/crypto.h>

#include "core/service/oof_projection.h"
#include "core/service/settings_validation.h"

namespace oofgate::core {
namespace {

// The request a write started on this thread belongs to, copied: the write outlives the request scope.
RequestTrace current_origin() {
  const RequestTrace* trace = RequestTraceScope::current();
  return trace != nullptr ? *trace : RequestTrace{};
}

Error access_denied() { return Error{ErrorCode::kAccessDenied, "Access is denied. Check credentials and try again."}; }

constexpr std::size_t kMaxDialStringLength = 64;

bool is_dial_string(const std::string& text) {
  return !text.empty() && text.size() <= kMaxDialStringLength && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == ' ' || c == '(' || c == ')' || c == '*' || c == '#' ||
           c == ',';
  });
}

bool is_base64(const std::string& text) {
  if (text.empty() || text.size() % 4 != 0 || text.size() > kMaxTextLength) {
    return false;
  }
  const auto padding = text.find('=');
  if (padding != std::string::npos &&
      (padding < text.size() - 2 || text.find_first_not_of('=', padding) != std::string::npos)) {
    return false;
  }
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(padding, text.size())),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; });
}

}  // namespace

Error busy_error() { return Error{ErrorCode::kBusy, "The server is busy. Nothing was changed; try again later."}; }

Error not_um_enabled_error() {
  return Error{ErrorCode::kNotUmEnabled, "The user is not enabled for Unified Messaging."};
}

Result<const User*> MailboxService::authorize(const Principal& caller, const MailboxTarget& target,
                                              Access access) const {
  const User* owner = nullptr;
  if (target.is_me) {
    if (caller.kind != PrincipalKind::kDelegated || caller.user == nullptr) {
      return Error{ErrorCode::kDelegatedOnly, "/me request is only valid with delegated authentication flow."};
    }
    owner = caller.user;
  } else {
    owner = directory_.find_user(target.id_or_upn);
    if (owner == nullptr) {
      return Error{ErrorCode::kUserNotFound,
                   "The requested user '" + printable_excerpt(target.id_or_upn) + "' is invalid."};
    }
    if (caller.kind == PrincipalKind::kDelegated && caller.user != owner) {
      return access_denied();
    }
  }
  bool allowed = false;
  switch (access) {
    case Access::kRead:
      allowed = caller.permissions.can_read_mailbox_settings();
      break;
    case Access::kWrite:
      allowed = caller.permissions.can_write_mailbox_settings();
      break;
    case Access::kProfile:
      allowed = caller.permissions.has(Permission::kUserRead) || caller.permissions.can_read_mailbox_settings();
      break;
  }
  if (!allowed) {
    return access_denied();
  }
  return owner;
}

void MailboxService::read(const User& owner, SnapshotCallback done) const { store_.read(owner.id, std::move(done)); }

void MailboxService::update(const User& owner, const MailboxSettingsPatch& patch, SnapshotCallback done) {
  // Every parse, time-zone and locale lookup happens here, on the caller's thread.
  auto valid = validate_patch(patch, zones_, locales_);
  if (!valid) {
    done(valid.error());
    return;
  }
  if (!may_keep_stored_schedule(valid.value())) {
    queue_merge(owner.id, std::move(valid).value(), std::move(done), current_origin());
    return;
  }
  // The window check needs the instants of the bounds the patch keeps: computed from the
  // current state now (a memory read with CachedStore), not on the committer.
  store_.read(owner.id, [this, id = owner.id, valid = std::move(valid).value(), done = std::move(done),
                         origin = current_origin()](Result<SnapshotPtr> seen) mutable {
    if (!seen) {
      done(seen.error());
      return;
    }
    resolve_stored_instants(valid, seen.value()->settings, zones_);
    queue_merge(id, std::move(valid), std::move(done), std::move(origin));
  });
}

void MailboxService::queue_merge(const std::string& mailbox_id, ValidatedPatch valid, SnapshotCallback done,
                                 RequestTrace origin) {
  commit(
      mailbox_id,
      [this, valid = std::move(valid)](const MailboxSettings& current) mutable {
        if (needs_stored_instants(valid, current)) {
          // Another write changed the schedule after it was read ahead: rare, and counted so
          // that tests can tell the committer did no time-zone work on the common path.
          late_time_zone_lookups_.fetch_add(1, std::memory_order_relaxed);
          resolve_stored_instants(valid, current, zones_);
        }
        return merge_patch(current, valid, clock_.now());
      },
      std::move(done), std::move(origin));
}

bool MailboxService::oof_active(const MailboxSettings& settings) const {
  return is_oof_active(settings.automatic_replies, clock_.now(), zones_);
}

void MailboxService::update_um(const User& owner, Mutation mutation, SnapshotCallback done) {
  if (!owner.um_enabled) {
    done(not_um_enabled_error());
    return;
  }
  commit(owner.id, std::move(mutation), std::move(done), current_origin());
}

void MailboxService::set_oof_status(const User& owner, bool enabled, SnapshotCallback done) {
  // Only the state changes: messages, audience and the schedule are kept for the next switch.
  update_um(
      owner,
      [enabled](const MailboxSettings& current) -> Result<MailboxSettings> {
        MailboxSettings next = current;
        next.automatic_replies.state = enabled ? OofState::kAlwaysEnabled : OofState::kDisabled;
        return next;
      },
      std::move(done));
}

void MailboxService::set_missed_call_notification(const User& owner, bool enabled, SnapshotCallback done) {
  update_um(
      owner,
      [enabled](const MailboxSettings& current) -> Result<MailboxSettings> {
        MailboxSettings next = current;
        next.um.missed_call_notification_enabled = enabled;
        return next;
      },
      std::move(done));
}

void MailboxService::set_play_on_phone_dial_string(const User& owner, std::string dial_string, SnapshotCallback done) {
  if (!is_dial_string(dial_string)) {
    done(Error{ErrorCode::kInvalidArgument, "The dial string isn't a valid phone number."});
    return;
  }
  update_um(
      owner,
      [dial_string = std::move(dial_string)](const MailboxSettings& current) -> Result<MailboxSettings> {
        MailboxSettings next = current;
        next.um.play_on_phone_dial_string = dial_string;
        return next;
      },
      std::move(done));
}

void MailboxService::set_telephone_access_folder_email(const User& owner, std::string base64_folder_id,
                                                       SnapshotCallback done) {
  if (!is_base64(base64_folder_id)) {
    done(Error{ErrorCode::kInvalidArgument, "The object identifier isn't valid"});
    return;
  }
  update_um(
      owner,
      [folder = std::move(base64_folder_id)](const MailboxSettings& current) -> Result<MailboxSettings> {
        MailboxSettings next = current;
        next.um.telephone_access_folder_email = folder;
        return next;
      },
      std::move(done));
}

void MailboxService::reset_pin(const User& owner, SnapshotCallback done) {
  if (!owner.um_enabled) {
    done(not_um_enabled_error());
    return;
  }
  if (pin_reset_.notifier == nullptr) {
    done(Error{ErrorCode::kNotSupported, "ResetPIN is not available: no way to deliver a new PIN is configured."});
    return;
  }
  if (const auto wait = pin_reset_limiter_.try_acquire(owner.id)) {
    done(Error{ErrorCode::kRateLimited,
               "Too many PIN resets for this mailbox. Try again in " + std::to_string(wait->count()) + " seconds."});
    return;
  }
  if (pin_reset_.work == nullptr) {
    reset_pin_now(owner, std::move(done), current_origin());
    return;
  }
  // Both halves may own `done`; whichever the executor calls takes it.
  auto shared_done = std::make_shared<SnapshotCallback>(std::move(done));
  const bool queued = pin_reset_.work->submit(
      [this, &owner, shared_done, origin = current_origin()]() mutable {
        reset_pin_now(owner, std::move(*shared_done), std::move(origin));
      },
      [shared_done] { (*shared_done)(busy_error()); });
  if (!queued) {
    (*shared_done)(busy_error());
  }
}

void MailboxService::reset_pin_now(const User& owner, SnapshotCallback done, RequestTrace origin) {
  PinNotifier* notifier = pin_reset_.notifier;
  auto pin = generate_pin(pin_reset_.policy, pin_reset_.random);
  if (!pin) {
    done(pin.error());
    return;
  }
  // Hashed here, before the store sees it, so PBKDF2 never holds up the store's committer.
  std::string pin_hash = PasswordHasher::hash(pin.value(), pin_reset_.hash_iterations);
  auto receipt = notifier->deliver(owner, pin.value());
  OPENSSL_cleanse(pin.value().data(), pin.value().size());
  if (!receipt) {
    done(receipt.error());
    return;
  }
  commit(
      owner.id,
      [pin_hash = std::move(pin_hash)](const MailboxSettings& current) -> Result<MailboxSettings> {
        MailboxSettings next = current;
        next.um.pin_hash = pin_hash;
        return next;
      },
      [notifier, receipt = std::move(receipt).value(), done = std::move(done)](Result<SnapshotPtr> result) {
        if (!result) {
          // The old PIN stays valid, so the new one must not reach the user.
          notifier->withdraw(receipt);
        }
        done(std::move(result));
      },
      std::move(origin));
}

void MailboxService::commit(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done,
                            RequestTrace origin) {
  if (audit_ == nullptr) {
    store_.update(mailbox_id, std::move(mutation), std::move(done));
    return;
  }
  // The state the mutation saw, kept by the committer for the comparison after the commit.
  auto before = std::make_shared<std::optional<MailboxSettings>>();
  store_.update(
      mailbox_id,
      [mutation = std::move(mutation), before](const MailboxSettings& current) -> Result<MailboxSettings> {
        auto next = mutation(current);
        if (next) {
          *before = current;
        }
        return next;
      },
      [this, before, mailbox_id, origin = std::move(origin),
       done = std::move(done)](Result<SnapshotPtr> result) mutable {
        // Only an acknowledged write is audited: after the commit, once. The sink compares the
        // states on its own thread; a write that changed nothing then writes no audit line.
        if (result && before->has_value()) {
          audit_->write_committed(CommittedWrite{std::move(origin), mailbox_id, std::move(**before), result.value()});
        }
        done(std::move(result));
      });
}

}  // namespace oofgate::core
