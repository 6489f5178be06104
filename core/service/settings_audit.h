#pragma once

#include <string>
#include <vector>

#include "core/model/mailbox_settings.h"
#include "core/service/request_trace.h"

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

// Where MailboxService reports committed changes (the gateway's audit log). Called on the
// store's committer after the commit, so it must only hand the change on, never block.
class AuditSink {
 public:
  virtual ~AuditSink() = default;
  virtual void settings_changed(const SettingsChange& change) noexcept = 0;
};

// The properties that differ between two states, in a fixed order; empty for a no-op write.
std::vector<PropertyChange> diff_settings(const MailboxSettings& before, const MailboxSettings& after);

// "len=<bytes> sha256=<first 16 hex digits>": identifies a message body without revealing it.
std::string message_fingerprint(const std::string& text);

}  // namespace oofgate::core
