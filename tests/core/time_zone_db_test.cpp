#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "core/time/time_zone_db.h"

namespace oofgate::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

LocalDateTime local(int y, unsigned m, unsigned d, int h, int min = 0) {
  return LocalDateTime{
      duration_cast<Ticks>(date::local_days{date::year{y} / m / d}.time_since_epoch() + hours{h} + minutes{min})};
}

Instant utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return Instant{
      duration_cast<Ticks>(sys_days{year{y} / month{m} / day{d}}.time_since_epoch() + hours{h} + minutes{min})};
}

class TimeZoneDbTest : public ::testing::Test {
 protected:
  TimeZoneDb zones;
};

// Issue 10: date/tz also lists host files under /usr/share/zoneinfo; none is a client's zone.
TEST_F(TimeZoneDbTest, RefusesHostFilesSpecialNamesAndPaths) {
  using namespace std::string_literals;
  for (const std::string& name :
       {"localtime"s, "posixrules"s, "Factory"s, "posix/Europe/Paris"s, "right/UTC"s, "/etc/localtime"s,
        "/usr/share/zoneinfo/UTC"s, "../../etc/localtime"s, "Europe/../UTC"s, "Europe//Paris"s, "Europe/Paris/"s,
        "./UTC"s, "UTC\0"s, "UTC\0x"s, "zone.tab"s, "tzdata.zi"s, "leapseconds"s, "iso3166.tab"s}) {
    EXPECT_FALSE(zones.is_known(name)) << name;
    EXPECT_FALSE(std::binary_search(zones.iana_names().begin(), zones.iana_names().end(), name)) << name;
  }
  EXPECT_TRUE(zones.is_known("Europe/Paris"));
  EXPECT_TRUE(zones.is_known("Etc/GMT+5"));
  EXPECT_TRUE(zones.is_known("America/Port-au-Prince"));
  EXPECT_TRUE(zones.is_known("US/Pacific"));  // a link in the IANA data
  EXPECT_GT(zones.iana_names().size(), 500U);
}

TEST_F(TimeZoneDbTest, KnowsWindowsAndIanaNames) {
  EXPECT_TRUE(zones.is_known("Pacific Standard Time"));
  EXPECT_TRUE(zones.is_known("W. Europe Standard Time"));
  EXPECT_TRUE(zones.is_known("UTC"));
  EXPECT_TRUE(zones.is_known("America/Los_Angeles"));
  EXPECT_TRUE(zones.is_known("Asia/Kolkata"));
  EXPECT_FALSE(zones.is_known("Mars Standard Time"));
  EXPECT_FALSE(zones.is_known("Not/AZone"));
  EXPECT_FALSE(zones.is_known(""));
  EXPECT_GT(zones.windows_zones().size(), 100U);
  EXPECT_NE(zones.iana_version(), "unknown");
  EXPECT_EQ(zones.iana_version().size(), 5U) << zones.iana_version();  // e.g. 2025b
}

TEST_F(TimeZoneDbTest, PacificStandardTimeFollowsDaylightSaving) {
  // Winter: UTC-8. Summer: UTC-7.
  EXPECT_EQ(zones.to_instant({local(2030, 1, 15, 9), "Pacific Standard Time"}).value(), utc(2030, 1, 15, 17));
  EXPECT_EQ(zones.to_instant({local(2030, 7, 15, 9), "Pacific Standard Time"}).value(), utc(2030, 7, 15, 16));
  EXPECT_EQ(zones.to_instant({local(2030, 7, 15, 9), "America/Los_Angeles"}).value(), utc(2030, 7, 15, 16));
}

TEST_F(TimeZoneDbTest, NonexistentLocalTimeUsesTheOffsetBeforeTheGap) {
  // 2030-03-10 02:30 does not exist in Los Angeles (clocks jump 02:00 -> 03:00 PST -> PDT).
  EXPECT_EQ(zones.to_instant({local(2030, 3, 10, 2, 30), "Pacific Standard Time"}).value(), utc(2030, 3, 10, 10, 30));
}

TEST_F(TimeZoneDbTest, AmbiguousLocalTimeTakesTheEarlierInstant) {
  // 2030-11-03 01:30 happens twice in Los Angeles; the first time is still PDT (UTC-7).
  EXPECT_EQ(zones.to_instant({local(2030, 11, 3, 1, 30), "Pacific Standard Time"}).value(), utc(2030, 11, 3, 8, 30));
}

TEST_F(TimeZoneDbTest, FromInstantShowsWallClockInTheZone) {
  const auto shown = zones.from_instant(utc(2030, 7, 15, 16), "W. Europe Standard Time").value();
  EXPECT_EQ(shown.local, local(2030, 7, 15, 18));
  EXPECT_EQ(shown.time_zone, "W. Europe Standard Time");
}

TEST_F(TimeZoneDbTest, UnknownZoneIsAnError) {
  const auto result = zones.to_instant({local(2030, 1, 1, 0), "Mars Standard Time"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidTimeZone);
}

}  // namespace
}  // namespace oofgate::core
