#include <gtest/gtest.h>

#include <date/date.h>

#include "rest_facade/wire/wire_time.h"

namespace oofgate::rest {
namespace {

using namespace std::chrono_literals;

core::LocalDateTime local(date::year_month_day day, core::Ticks since_midnight) {
  return core::LocalDateTime{date::local_days{day}.time_since_epoch() + since_midnight};
}

TEST(WireTime, FormatsSevenFractionalDigitsAndPadsEveryField) {
  using date::operator""_y;
  EXPECT_EQ(format_date_time(local(2036_y / 3 / 4, 5h + 6min + 7s + core::Ticks{89})), "2036-03-04T05:06:07.0000089");
  EXPECT_EQ(format_date_time(local(9_y / 12 / 31, 23h + 59min + 59s + core::Ticks{9'999'999})),
            "0009-12-31T23:59:59.9999999");
  EXPECT_EQ(format_time_of_day(core::TimeOfDay{8h}), "08:00:00.0000000");
}

TEST(WireTime, WhatItFormatsParsesBackToTheSameInstant) {
  using date::operator""_y;
  for (const auto value : {local(2024_y / 2 / 29, 13h + core::Ticks{1'234'567}), local(1_y / 1 / 1, 0s),
                           local(9999_y / 12 / 31, 23h + 59min + 59s + core::Ticks{9'999'999})}) {
    const auto parsed = parse_date_time(format_date_time(value));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->local, value);
    EXPECT_FALSE(parsed->utc_offset.has_value());
  }
}

}  // namespace
}  // namespace oofgate::rest
