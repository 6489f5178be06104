#include "gateway/observability/log_lines.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include <date/date.h>

namespace oofgate::gateway {
namespace {

std::string time_of(const std::string& line) {
  const auto start = line.find("\"time\":\"");
  EXPECT_NE(start, std::string::npos) << line;
  return line.substr(start + 8, 27);
}

TEST(LogLines, TimeIsUtcWithMicrosecondsLikeDateFormat) {
  using namespace std::chrono;
  const core::RequestTrace trace;
  const AccessFacts facts;
  using Micros = date::sys_time<microseconds>;
  for (const Micros instant :
       {Micros{date::sys_days{date::year{2026} / 12 / 1} + hours{3} + minutes{4} + seconds{5} + microseconds{6}},
        Micros{date::sys_days{date::year{2028} / 2 / 29} + hours{23} + minutes{59} + seconds{59} +
               microseconds{999999}},
        Micros{date::sys_days{date::year{1999} / 12 / 31}}}) {
    const auto now = time_point_cast<system_clock::duration>(instant);
    EXPECT_EQ(time_of(access_log_line(trace, facts, now)), date::format("%FT%TZ", floor<microseconds>(now)));
  }
}

TEST(LogLines, TextThatIsNotUtf8IsMadePrintable) {
  core::RequestTrace trace;
  trace.client_request_id = std::string("bad\xff\xfe", 5);
  const std::string line = access_log_line(trace, AccessFacts{}, std::chrono::system_clock::now());
  EXPECT_EQ(line.find('\xff'), std::string::npos) << line;
  EXPECT_NE(line.find("\"client_request_id\":\"bad"), std::string::npos) << line;
  EXPECT_EQ(line.back(), '\n');
}

}  // namespace
}  // namespace oofgate::gateway
