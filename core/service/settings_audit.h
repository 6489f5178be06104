#pragma once

#include <string>
#include <vector>

#include "core/model/mailbox_settings.h"
#include "core/service/request_trace.h"
#include "core/store/mailbox_snapshot.h"

namespace oofgate::core {

// One property a committed write changed. Values are display text safe for a log: reply
// messages appear as their length and a SHA-256 prefix, a PIN hash never appears at all.
struct PropertyChange {
  std::string property;  // protocol-neutral dotted name, e.g. "automatic_replies.state"
  std::string before;
  std::string after;
};

// One acknowledged settings change: exactly one per committed write that changed something.
struct SettingsChange {
  RequestTrace origin;
  std::string mailbox_id;
  std::vector<PropertyChange> changes;
};

// One acknowledged write as the committer hands it over: the state it replaced and the state it
// made. Comparing them (describe_change) is the receiver's work, done off the committer.
struct CommittedWrite {
  RequestTrace origin;
  std::string mailbox_id;
  MailboxSettings before;
  SnapshotPtr after;
};

// The change a committed write made; `changes` is empty for a no-op write.
SettingsChange describe_change(const CommittedWrite& write);

// Where MailboxService reports committed writes (the gateway's audit log). Called on the store's
// committer after the commit, so it must only hand the write on: no diffing, no formatting, no
// blocking.
class AuditSink {
 public:
  virtual ~AuditSink() = default;
  virtual void write_committed(CommittedWrite write) noexcept = 0;
};

// The properties that differ between two states, in a fixed order; empty for a no-op write.
std::vector<PropertyChange> diff_settings(const MailboxSettings& before, const MailboxSettings& after);

// "len=<bytes> sha256=<first 16 hex digits>": identifies a message body without revealing it.
std::string message_fingerprint(const std::string& text);

}  // namespace oofgate::core
