#include "gateway/observability/log_lines.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <rapidjson/document.h>

#include "core/text/utf8.h"
#include "facade_common/log_time.h"

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
        Micros{date::sys_days{date::year{1999} / 12 / 31}},
        Micros{date::sys_days{date::year{1969} / 12 / 31} + hours{23} + minutes{59} + seconds{59} +
               microseconds{250000}}}) {
    const auto now = time_point_cast<system_clock::duration>(instant);
    EXPECT_EQ(time_of(access_log_line(trace, facts, now)), date::format("%FT%TZ", floor<microseconds>(now)));
  }
}

// The date and time of day are worked out once per second and thread, then reused: lines of the
// same second, the next second, the next day and a clock stepped back must each be right.
TEST(LogLines, TimeOfConsecutiveLinesFollowsTheClockAcrossSecondsDaysAndSteps) {
  using namespace std::chrono;
  const core::RequestTrace trace;
  const AccessFacts facts;
  const auto midnight = time_point_cast<system_clock::duration>(date::sys_days{date::year{2026} / 12 / 31});
  for (const auto offset : {-microseconds{1}, microseconds{0}, microseconds{999999}, microseconds{1000000},
                            microseconds{1000001}, duration_cast<microseconds>(hours{24}) + microseconds{7},
                            microseconds{1000002}, -duration_cast<microseconds>(hours{24 * 366})}) {
    const auto now = midnight + offset;
    EXPECT_EQ(time_of(access_log_line(trace, facts, now)), date::format("%FT%TZ", floor<microseconds>(now)));
  }
}

// A line's time comes from the steady reading that ended the request, turned into wall-clock
// time by an offset each thread reads once a second: it must agree with the wall clock, keep the
// steady clock's spacing, and hold for readings before the one the offset was taken with.
TEST(LogLines, WallTimeOfASteadyReadingAgreesWithTheWallClock) {
  using namespace std::chrono;
  const auto near = [](system_clock::time_point a, system_clock::time_point b) {
    return (a > b ? a - b : b - a) < milliseconds(50);
  };
  const auto before = system_clock::now();
  const auto steady = steady_clock::now();
  const auto wall = facade::wall_time_of(steady);
  const auto after = system_clock::now();
  EXPECT_TRUE(wall >= before - milliseconds(50) && wall <= after + milliseconds(50));
  const auto later = facade::wall_time_of(steady + milliseconds(250));
  EXPECT_LT(std::chrono::abs(later - wall - milliseconds(250)), milliseconds(1));
  EXPECT_TRUE(near(facade::wall_time_of(steady - seconds(5)), before - seconds(5)));
  EXPECT_TRUE(near(facade::wall_time_of(steady + seconds(3)), before + seconds(3)));
}

// A line of plain ids and names takes the fast path, one with a text to escape the general one:
// both write the same fields in the same order, with the same values.
TEST(LogLines, PlainAndEscapedLinesHaveTheSameFieldsInTheSameOrder) {
  core::RequestTrace trace;
  trace.request_id = "42c1d8f7-9c2b-4c22-91fd-bc1a8a1a380d";
  trace.facade = "graph";
  trace.operation = "getMailboxSettings";
  trace.subject = "00000000-0000-4000-8000-000000000001";
  trace.mailbox = "m";
  AccessFacts facts;
  facts.remote_address = "::1";
  facts.status = 200;
  facts.duration = std::chrono::microseconds(7);
  facts.bytes_in = 3;
  facts.bytes_out = 1212;
  const auto now = std::chrono::system_clock::now();
  const auto fields = [&](const core::RequestTrace& of) {
    const std::string line = access_log_line(of, facts, now);
    rapidjson::Document parsed;
    parsed.Parse(line.data(), line.size() - 1);
    EXPECT_FALSE(parsed.HasParseError()) << line;
    std::vector<std::pair<std::string, std::string>> members;
    for (const auto& member : parsed.GetObject()) {
      members.emplace_back(member.name.GetString(), member.value.IsString() ? member.value.GetString()
                                                    : member.value.IsNull() ? "null"
                                                                            : std::to_string(member.value.GetUint64()));
    }
    return members;
  };
  core::RequestTrace escaped = trace;
  escaped.client_request_id = "say \"hi\"";
  auto plain_fields = fields(trace);
  const auto escaped_fields = fields(escaped);
  ASSERT_EQ(plain_fields.size(), 13U);
  EXPECT_EQ(plain_fields[3], (std::pair<std::string, std::string>("client_request_id", "null")));
  plain_fields[3].second = "say \"hi\"";
  EXPECT_EQ(plain_fields, escaped_fields);
  EXPECT_EQ(plain_fields[0].first, "time");
  EXPECT_EQ(plain_fields[1], (std::pair<std::string, std::string>("type", "access")));
  EXPECT_EQ(plain_fields[7], (std::pair<std::string, std::string>("caller", trace.subject)));
  EXPECT_EQ(plain_fields[12], (std::pair<std::string, std::string>("bytes_out", "1212")));
}

TEST(LogLines, TextThatIsNotUtf8IsMadePrintable) {
  core::RequestTrace trace;
  trace.client_request_id = std::string("bad\xff\xfe", 5);
  const std::string line = access_log_line(trace, AccessFacts{}, std::chrono::system_clock::now());
  EXPECT_EQ(line.find('\xff'), std::string::npos) << line;
  EXPECT_NE(line.find("\"client_request_id\":\"bad"), std::string::npos) << line;
  EXPECT_EQ(line.back(), '\n');
}

// The encoding is checked while the value is written: a field found not to be UTF-8 halfway
// (here past the first kilobyte, beyond the room made for the line at first) is written again
// as its printable excerpt, and the fields after it follow intact.
TEST(LogLines, TextFoundNotUtf8LateIsRewrittenAsItsExcerpt) {
  core::RequestTrace trace;
  trace.client_request_id = std::string(1500, '"') + "\xc0";
  trace.mailbox = "m-2";
  const std::string line = access_log_line(trace, AccessFacts{}, std::chrono::system_clock::now());
  rapidjson::Document parsed;
  parsed.Parse(line.data(), line.size() - 1);
  ASSERT_FALSE(parsed.HasParseError()) << line;
  EXPECT_EQ(std::string(parsed["client_request_id"].GetString()),
            core::printable_excerpt(trace.client_request_id, 256));
  EXPECT_STREQ(parsed["mailbox"].GetString(), "m-2");
}

TEST(LogLines, AuditLineIsOneJsonObjectWithEscapedValuesAndEveryChange) {
  core::SettingsChange change;
  change.origin.request_id = "r-1";
  change.origin.facade = "graph";
  change.mailbox_id = "m-1";
  change.changes.push_back({"automaticRepliesSetting.status", "disabled", "alwaysEnabled"});
  change.changes.push_back({"timeZone", "UTC", "say \"hi\"\\\n\t\x01"});
  const std::string line = audit_log_line(change, std::chrono::system_clock::now());
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
  rapidjson::Document parsed;
  parsed.Parse(line.data(), line.size() - 1);
  ASSERT_FALSE(parsed.HasParseError()) << line;
  EXPECT_STREQ(parsed["type"].GetString(), "audit");
  EXPECT_TRUE(parsed["caller"].IsNull());
  ASSERT_EQ(parsed["changes"].Size(), 2U);
  EXPECT_STREQ(parsed["changes"][0]["to"].GetString(), "alwaysEnabled");
  EXPECT_EQ(std::string(parsed["changes"][1]["to"].GetString()), "say \"hi\"\\\n\t\x01");
}

TEST(LogLines, ManyLongEscapedValuesGrowTheLineAndEachComesBackExactly) {
  // Each value escapes to six times its length: far past the room a line first makes.
  core::SettingsChange change;
  change.mailbox_id = "m-1";
  std::string control_characters;
  for (int i = 0; i < 3000; ++i) {
    control_characters += static_cast<char>(1 + i % 31);
  }
  for (int i = 0; i < 20; ++i) {
    change.changes.push_back({"property " + std::to_string(i), control_characters, std::string((i + 1) * 100, '"')});
  }
  const std::string line = audit_log_line(change, std::chrono::system_clock::now());
  ASSERT_EQ(line.back(), '\n');
  rapidjson::Document parsed;
  parsed.Parse(line.data(), line.size() - 1);
  ASSERT_FALSE(parsed.HasParseError()) << line.substr(0, 200);
  ASSERT_EQ(parsed["changes"].Size(), 20U);
  for (unsigned i = 0; i < 20; ++i) {
    EXPECT_EQ(std::string(parsed["changes"][i]["from"].GetString()), control_characters);
    EXPECT_EQ(std::string(parsed["changes"][i]["to"].GetString()), std::string((i + 1) * 100, '"'));
  }
}

TEST(LogLines, AnAccessLineIsAppendedAfterWhatTheBufferHeld) {
  core::RequestTrace trace;
  trace.request_id = "r-2";
  trace.client_request_id = std::string(5000, '\\');
  AccessFacts facts;
  facts.status = 204;
  const AccessRecord record(trace, facts, std::chrono::system_clock::now());
  std::string bytes(record.size(), '\0');
  record.write_to(bytes.data());
  ByteBuffer rendered;
  rendered.append("earlier line\n");
  render_access_record(bytes, rendered);
  const std::string buffer(rendered.view());
  ASSERT_EQ(buffer.rfind("earlier line\n{", 0), 0U);
  const std::string line = buffer.substr(std::string("earlier line\n").size());
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
  rapidjson::Document parsed;
  parsed.Parse(line.data(), line.size() - 1);
  ASSERT_FALSE(parsed.HasParseError());
  EXPECT_EQ(std::string(parsed["client_request_id"].GetString()), trace.client_request_id);
  EXPECT_EQ(parsed["status"].GetUint(), 204U);
}

TEST(LogLines, AccessLineNumbersAndFieldsParse) {
  core::RequestTrace trace;
  trace.request_id = "abc";
  AccessFacts facts;
  facts.status = 204;
  facts.duration = std::chrono::microseconds(1234);
  facts.bytes_in = 17;
  facts.bytes_out = 18446744073709551615ULL;
  const std::string line = access_log_line(trace, facts, std::chrono::system_clock::now());
  rapidjson::Document parsed;
  parsed.Parse(line.data(), line.size() - 1);
  ASSERT_FALSE(parsed.HasParseError()) << line;
  EXPECT_EQ(parsed["status"].GetUint(), 204U);
  EXPECT_EQ(parsed["duration_us"].GetUint64(), 1234U);
  EXPECT_EQ(parsed["bytes_out"].GetUint64(), 18446744073709551615ULL);
  EXPECT_STREQ(parsed["request_id"].GetString(), "abc");
}

}  // namespace
}  // namespace oofgate::gateway
