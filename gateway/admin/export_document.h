#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/store/persistence_backend.h"

namespace oofgate::gateway {

// The document `oofgate export` writes and `oofgate import` reads (format in README.md,
// "Backup and restore"): {"format": "oofgate-export", "version": 1, "mailboxes": [...]}, every
// member of the stored model spelled out, time zones and messages exactly as stored.
inline constexpr int kExportFormatVersion = 1;

std::string write_export_document(const std::vector<core::StoredMailbox>& mailboxes);

// Parses a whole document; an error names the offending value by JSON pointer
// (e.g. "/mailboxes/3/settings/workingHours/startTime: ..."). Checks shape and types only:
// callers run core::check_stored_settings on each record.
core::Result<std::vector<core::StoredMailbox>> read_export_document(const std::string& text);

}  // namespace oofgate::gateway
