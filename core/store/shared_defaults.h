#pragma once

#include <memory>

#include "core/model/mailbox_settings.h"
#include "core/store/mailbox_snapshot.h"

namespace oofgate::core {

// Hands out the snapshot a never-written mailbox reads, shared by every mailbox whose defaults
// are equal to the previous one's (all of them, today): a million mailboxes cost one copy, and
// a body a facade renders for one of them is ready for all. Used once per mailbox at open.
class SharedDefaults {
 public:
  std::shared_ptr<MailboxSnapshot> snapshot_for(MailboxSettings defaults) {
    if (!last_ || !(last_->settings == defaults)) {
      last_ = std::make_shared<MailboxSnapshot>();
      last_->settings = std::move(defaults);
    }
    return last_;
  }

 private:
  std::shared_ptr<MailboxSnapshot> last_;
};

}  // namespace oofgate::core
