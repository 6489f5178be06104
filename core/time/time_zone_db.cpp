#include "core/time/time_zone_db.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include <date/tz.h>

namespace oofgate::core {
namespace {

struct WindowsZoneRow {
  const char* windows_id;
  const char* territory;
  const char* iana_ids;  // space-separated
};

constexpr WindowsZoneRow kWindowsZoneRows[] = {
#include "windows_zones.inc"
};

const date::time_zone* locate(const date::tzdb& db, std::string_view name) {
  // tzdb::locate_zone throws for unknown names; search the sorted zone list instead. With the
  // OS database (Debian's tzdata) every link is a zone file of its own, so links are zones too.
  auto zone = std::lower_bound(db.zones.begin(), db.zones.end(), name,
                               [](const date::time_zone& z, std::string_view n) { return z.name() < n; });
  if (zone != db.zones.end() && zone->name() == name) {
    return &*zone;
  }
  return nullptr;
}

// What the pinned IANA release says about itself: its version and the names it defines.
struct ZicCatalogue {
  std::string version = "unknown";
  std::unordered_set<std::string> names;  // zones ("Z name ...") and links ("L target name")
};

// Debian's tzdata has no +VERSION file, where date/tz looks; its tzdata.zi names the release in
// its first line ("# version 2025b") and lists every zone and link after it.
ZicCatalogue read_zic_catalogue() {
  ZicCatalogue catalogue;
  std::ifstream zic("/usr/share/zoneinfo/tzdata.zi");
  std::string line;
  constexpr std::string_view kPrefix = "# version ";
  if (std::getline(zic, line) && line.starts_with(kPrefix)) {
    catalogue.version = line.substr(kPrefix.size());
  }
  while (std::getline(zic, line)) {
    std::istringstream fields(line);
    std::string kind;
    std::string name;
    fields >> kind >> name;
    if (kind == "L") {
      fields >> name;  // L TARGET LINK-NAME
    } else if (kind != "Z") {
      continue;
    }
    catalogue.names.insert(std::move(name));
  }
  return catalogue;
}

// date/tz lists every file under /usr/share/zoneinfo, which also holds names no client may choose:
// "localtime" (the host's /etc/localtime), "posixrules", the posix/ and right/ trees and, in the
// IANA data itself, "Factory" (a placeholder meaning "zone not set").
bool is_special_name(std::string_view name) {
  return name == "localtime" || name == "posixrules" || name == "Factory" || name.starts_with("posix/") ||
         name.starts_with("right/");
}

// The shape of an IANA name ("America/Argentina/Buenos_Aires", "Etc/GMT+5"): relative, no empty
// component, only the portable characters the tz project allows (no '.', so no "..", no NUL).
bool has_zone_name_shape(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/' || name.find("//") != std::string_view::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
           c == '-' || c == '+';
  });
}

bool is_client_zone_name(std::string_view name, const ZicCatalogue& catalogue) {
  if (is_special_name(name) || !has_zone_name_shape(name)) {
    return false;
  }
  // Without the release's own list (a system without tzdata.zi) the shape check is all there is.
  return catalogue.names.empty() || catalogue.names.contains(std::string(name));
}

}  // namespace

TimeZoneDb::TimeZoneDb() {
  const date::tzdb& db = date::get_tzdb();
  const ZicCatalogue catalogue = read_zic_catalogue();
  iana_version_ = db.version.empty() || db.version == "unknown" ? catalogue.version : db.version;
  for (const auto& zone : db.zones) {
    if (!is_client_zone_name(zone.name(), catalogue)) {
      continue;
    }
    iana_names_.push_back(zone.name());
    by_name_.emplace(zone.name(), &zone);
  }
  std::sort(iana_names_.begin(), iana_names_.end());
  for (const auto& row : kWindowsZoneRows) {
    if (std::string_view(row.territory) != "001") {
      continue;
    }
    std::string_view ids = row.iana_ids;
    std::string first(ids.substr(0, ids.find(' ')));
    if (const auto* zone = locate(db, first)) {
      windows_zones_.push_back({row.windows_id, first});
      by_name_.emplace(row.windows_id, zone);
    }
  }
}

const date::time_zone* TimeZoneDb::find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? nullptr : it->second;
}

Result<Instant> TimeZoneDb::to_instant(const DateTimeTimeZone& value) const {
  const auto* zone = find(value.time_zone);
  if (zone == nullptr) {
    return Error{ErrorCode::kInvalidTimeZone, "Time Zone settings provided are invalid."};
  }
  const auto info = zone->get_info(value.local);
  switch (info.result) {
    // `first` is the only offset of a unique time, the offset in force before a gap (a time that
    // does not exist), and the earlier of two (an ambiguous time): see the class comment.
    case date::local_info::unique:
    case date::local_info::nonexistent:
    case date::local_info::ambiguous:
      return Instant{value.local.time_since_epoch() - std::chrono::duration_cast<Ticks>(info.first.offset)};
  }
  return Error{ErrorCode::kInternal, "unexpected local_info result"};
}

Result<DateTimeTimeZone> TimeZoneDb::from_instant(Instant instant, std::string_view zone_name) const {
  const auto* zone = find(zone_name);
  if (zone == nullptr) {
    return Error{ErrorCode::kInvalidTimeZone, "Time Zone settings provided are invalid."};
  }
  const auto info = zone->get_info(instant);
  return DateTimeTimeZone{LocalDateTime{instant.time_since_epoch() + std::chrono::duration_cast<Ticks>(info.offset)},
                          std::string(zone_name)};
}

}  // namespace oofgate::core
