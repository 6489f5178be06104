#include "gateway/admin/transfer_command.h"

#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <variant>

#include "core/locale/locale_catalog.h"
#include "core/store/store_transfer.h"
#include "core/store/stored_settings_check.h"
#include "core/text/utf8.h"
#include "core/time/time_zone_db.h"
#include "gateway/admin/admin_arguments.h"
#include "gateway/admin/export_document.h"
#include "gateway/config/data_dir_lock.h"

namespace oofgate::gateway {
namespace {

constexpr const char* kTransferUsage =
    "usage: oofgate export (--data-dir DIR | --store URL) > FILE\n"
    "       oofgate import (--data-dir DIR | --store URL) [--replace] < FILE\n";

int usage_error(const std::string& command, const std::string& message) {
  std::cerr << "oofgate " << command << ": " << message << "\n" << kTransferUsage;
  return 2;
}

int failure(const std::string& command, const std::string& message) {
  std::cerr << "oofgate " << command << ": " << message << std::endl;
  return 1;
}

std::filesystem::path sqlite_path(const std::string& data_dir) {
  return std::filesystem::path(data_dir) / "oofgate.sqlite3";
}

// The options of export or import (a store plus `flags`), or the exit status when there is
// nothing more to do: --help was asked for, or the options are wrong.
std::variant<AdminArguments, int> store_arguments(const std::string& command, const std::vector<std::string>& args,
                                                  std::set<std::string> flags) {
  flags.insert("--help");
  auto parsed = AdminArguments::parse(args, {"--data-dir", "--store"}, flags);
  if (!parsed) {
    return usage_error(command, parsed.error().message);
  }
  if (parsed.value().has("--help")) {
    std::cout << kTransferUsage;
    return 0;
  }
  if (!parsed.value().has("--data-dir") && !parsed.value().has("--store")) {
    return usage_error(command, "--data-dir DIR or --store URL is required");
  }
  return std::move(parsed).value();
}

// Every record of the document checked as the core checks a write; the first bad one is named.
core::Status check_records(const std::vector<core::StoredMailbox>& mailboxes) {
  const core::TimeZoneDb zones;
  const core::LocaleCatalog locales;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < mailboxes.size(); ++i) {
    const std::string pointer = "/mailboxes/" + std::to_string(i);
    const auto& id = mailboxes[i].mailbox_id;
    if (id.empty() || !core::is_valid_utf8(id) || !seen.insert(id).second) {
      return core::Error{core::ErrorCode::kInvalidArgument,
                         pointer + "/id: must be a non-empty UTF-8 string, unique in the document"};
    }
    if (auto valid = core::check_stored_settings(mailboxes[i].settings, zones, locales); !valid) {
      return core::Error{core::ErrorCode::kInvalidArgument, pointer + "/settings: " + valid.error().message};
    }
  }
  return core::ok_status();
}

}  // namespace

int run_export_command(const std::vector<std::string>& args) {
  auto parsed = store_arguments("export", args, {});
  if (const int* status = std::get_if<int>(&parsed)) {
    return *status;
  }
  const AdminArguments& options = std::get<AdminArguments>(parsed);
  core::Result<std::vector<core::StoredMailbox>> mailboxes = std::vector<core::StoredMailbox>{};
  if (options.has("--store")) {
    mailboxes = core::export_postgres_store(options.value("--store"));
  } else {
    // Read-only and without the data-directory lock, so a running gateway keeps serving.
    const auto path = sqlite_path(options.value("--data-dir"));
    if (!std::filesystem::exists(path)) {
      return failure("export", "no store at " + path.string());
    }
    mailboxes = core::export_sqlite_store(path.string());
  }
  if (!mailboxes) {
    return failure("export", mailboxes.error().message);
  }
  std::cout << write_export_document(mailboxes.value()) << std::flush;
  if (!std::cout) {
    return failure("export", "cannot write to stdout");
  }
  std::cerr << "oofgate export: " << mailboxes.value().size() << " mailboxes" << std::endl;
  return 0;
}

int run_import_command(const std::vector<std::string>& args) {
  auto parsed = store_arguments("import", args, {"--replace"});
  if (const int* status = std::get_if<int>(&parsed)) {
    return *status;
  }
  const AdminArguments& options = std::get<AdminArguments>(parsed);
  const std::string document((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  auto mailboxes = read_export_document(document);
  if (!mailboxes) {
    return failure("import", "nothing was imported: " + mailboxes.error().message);
  }
  if (auto valid = check_records(mailboxes.value()); !valid) {
    return failure("import", "nothing was imported: " + valid.error().message);
  }
  // A gateway serving this data directory holds its lock: never write under it.
  std::optional<std::vector<FileLock>> lock;
  if (options.has("--data-dir")) {
    auto locked = lock_data_dir(options.value("--data-dir"), !options.has("--store"));
    if (!locked) {
      return failure("import", "nothing was imported: " + locked.error().message);
    }
    lock = std::move(locked).value();
  }
  const bool replace = options.has("--replace");
  const auto imported =
      options.has("--store")
          ? core::import_postgres_store(options.value("--store"), mailboxes.value(), replace)
          : core::import_sqlite_store(sqlite_path(options.value("--data-dir")).string(), mailboxes.value(), replace);
  if (!imported) {
    return failure("import", "nothing was imported: " + imported.error().message);
  }
  std::cerr << "oofgate import: " << mailboxes.value().size() << " mailboxes" << std::endl;
  return 0;
}

}  // namespace oofgate::gateway
