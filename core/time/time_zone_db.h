#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/date_time.h"
#include "core/result.h"

namespace date {
class time_zone;
}

namespace oofgate::core {

// One Windows zone id with its default IANA zone (CLDR windowsZones.xml, territory "001").
struct WindowsZone {
  std::string windows_id;
  std::string iana_id;
};

// The time-zone knowledge of the core: the IANA database (Howard Hinnant's date/tz) and the
// CLDR Windows <-> IANA mapping generated from tzdata/windowsZones.xml.
//
// Local-time policy (documented in the README): a nonexistent local time (inside a DST gap) is
// read with the offset in force before the gap, i.e. it maps to the instant the gap starts plus
// the distance into the gap; an ambiguous local time (inside a DST overlap) maps to its earlier
// instant. This matches how Windows and Exchange resolve such readings.
class TimeZoneDb {
 public:
  TimeZoneDb();

  // The IANA zone for a Windows or IANA name; nullptr when the name is unknown. IANA names are
  // those of the pinned release (tzdata.zi), never a host file such as "localtime" or a path.
  const date::time_zone* find(std::string_view name) const;
  bool is_known(std::string_view name) const { return find(name) != nullptr; }

  Result<Instant> to_instant(const DateTimeTimeZone& value) const;
  Result<DateTimeTimeZone> from_instant(Instant instant, std::string_view zone_name) const;

  const std::vector<WindowsZone>& windows_zones() const { return windows_zones_; }
  // Every IANA zone and link name in the database, sorted.
  const std::vector<std::string>& iana_names() const { return iana_names_; }
  // The IANA release the database was loaded from (e.g. "2025b").
  const std::string& iana_version() const { return iana_version_; }

 private:
  std::vector<WindowsZone> windows_zones_;
  std::vector<std::string> iana_names_;
  std::string iana_version_;
  std::unordered_map<std::string, const date::time_zone*> by_name_;
};

}  // namespace oofgate::core
