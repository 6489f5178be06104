#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/mailbox_settings.h"
#include "core/result.h"

namespace oofgate::core {

struct StoredMailbox {
  std::string mailbox_id;
  std::uint64_t version = 0;
  MailboxSettings settings;
};

// The durable half of CachedStore: loads everything once at start, then persists batches.
class PersistenceBackend {
 public:
  virtual ~PersistenceBackend() = default;
  virtual Result<std::vector<StoredMailbox>> load_all() = 0;
  // Writes the whole batch in one transaction and returns only once it is durable.
  virtual Status commit(const std::vector<StoredMailbox>& batch) = 0;
};

// Keeps nothing: for unit tests and throwaway runs.
class NullBackend final : public PersistenceBackend {
 public:
  Result<std::vector<StoredMailbox>> load_all() override { return std::vector<StoredMailbox>{}; }
  Status commit(const std::vector<StoredMailbox>&) override { return ok_status(); }
};

}  // namespace oofgate::core
