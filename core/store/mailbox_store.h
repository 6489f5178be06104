#pragma once

#include <functional>
#include <string>

#include "core/model/mailbox_settings.h"
#include "core/result.h"
#include "core/store/mailbox_snapshot.h"

namespace oofgate::core {

// Computes the new settings from the current ones, or refuses with an Error (then nothing is written).
using Mutation = std::function<Result<MailboxSettings>(const MailboxSettings& current)>;
// Called exactly once per read or update, possibly inline, possibly on a store thread.
using SnapshotCallback = std::function<void(Result<SnapshotPtr>)>;

// Where mailbox settings live. Implementations guarantee:
//  - update() applies its mutation atomically against the latest state of that mailbox
//    (no lost updates), and calls back only after the new state is durably committed;
//  - read() returns the latest committed state; a mailbox never written reads as its defaults.
class MailboxStore {
 public:
  virtual ~MailboxStore() = default;
  virtual void read(const std::string& mailbox_id, SnapshotCallback done) = 0;
  virtual void update(const std::string& mailbox_id, Mutation mutation, SnapshotCallback done) = 0;
};

}  // namespace oofgate::core
