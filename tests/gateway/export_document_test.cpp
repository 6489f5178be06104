#include <gtest/gtest.h>

#include <limits>

#include "gateway/admin/export_document.h"

namespace oofgate::gateway {
namespace {

using namespace std::chrono_literals;

core::LocalDateTime local(int year, core::Ticks extra) {
  return core::LocalDateTime{date::local_days{date::year{year} / 12 / 31}.time_since_epoch() + extra};
}

// Every member away from its default, with bytes that tempt a lossy encoder.
core::StoredMailbox every_member_set() {
  core::MailboxSettings s;
  s.automatic_replies = {
      core::OofState::kScheduled,
      core::ExternalAudience::kContactsOnly,
      core::DateTimeTimeZone{local(9999, 23h + 59min + 59s + core::Ticks{9'999'999}), "Pacific Standard Time"},
      core::DateTimeTimeZone{local(1, core::Ticks{1}), "America/Argentina/Buenos_Aires"},
      std::string("<p>\xC3\xA9t\xC3\xA9 \xF0\x9F\x8C\xB4</p>\r\n\t\"\\", 20) + std::string(1, '\0') + "\x01 end",
      std::string(70000, 'x')};
  s.time_zone = "Tokyo Standard Time";
  core::CustomTimeZone custom{-1440, "Zone \xE2\x80\x94 custom",
                              core::TimeZoneTransition{3h + 1s, 5, core::DayOfWeek::kSaturday, 10, 2031},
                              core::DaylightTransition{{2h, 1, core::DayOfWeek::kSunday, 3, 0}, -60}};
  s.working_hours = {
      {core::DayOfWeek::kSaturday, core::DayOfWeek::kMonday}, 6h + 30min + core::Ticks{5}, 23h + 59min, custom};
  s.language = {"fr-FR",
                "fran\xC3\xA7"
                "ais (France)"};
  s.date_format = "dd.MM.yyyy";
  s.time_format = "HH:mm";
  s.delegate_meeting_message_delivery = core::DelegateMeetingMessageDelivery::kSendToDelegateAndInformationToPrincipal;
  s.user_purpose = core::UserPurpose::kEquipment;
  s.um = {false, "+1 (555) 0100", "+1 555 0199", "voicemail@contoso.com", "pbkdf2-sha256$1000$c2FsdA==$aGFzaA=="};
  return core::StoredMailbox{"87d349ed-44d7-43e1-9a83-5f2406dee5bd",
                             static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()), s};
}

void expect_same(const std::vector<core::StoredMailbox>& a, const std::vector<core::StoredMailbox>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].mailbox_id, b[i].mailbox_id);
    EXPECT_EQ(a[i].version, b[i].version);
    EXPECT_TRUE(a[i].settings == b[i].settings) << "mailbox " << i;
  }
}

TEST(ExportDocument, EveryMemberRoundTripsExactly) {
  core::StoredMailbox named = every_member_set();
  named.mailbox_id = "second";
  named.version = 1;
  named.settings.working_hours.time_zone = core::NamedTimeZone{"W. Europe Standard Time"};
  named.settings.working_hours.days_of_week.clear();
  core::StoredMailbox bare_custom = every_member_set();
  bare_custom.mailbox_id = "third";
  bare_custom.settings.working_hours.time_zone = core::CustomTimeZone{};
  const std::vector<core::StoredMailbox> mailboxes{every_member_set(), named, bare_custom};

  const std::string text = write_export_document(mailboxes);
  auto read = read_export_document(text);
  ASSERT_TRUE(read) << read.error().message;
  expect_same(read.value(), mailboxes);
  EXPECT_EQ(write_export_document(read.value()), text);
  EXPECT_NE(text.find("\"dateTime\": \"9999-12-31T23:59:59.9999999\""), std::string::npos);
  EXPECT_NE(text.find("\\u0000\\u0001 end"), std::string::npos);
}

TEST(ExportDocument, AnEmptyStoreIsAnEmptyList) {
  auto read = read_export_document(write_export_document({}));
  ASSERT_TRUE(read);
  EXPECT_TRUE(read.value().empty());
}

// The document with the first occurrence of `from` replaced by `to`.
std::string edited(const std::string& from, const std::string& to) {
  std::string text = write_export_document({every_member_set()});
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

std::string error_of(const std::string& text) {
  auto read = read_export_document(text);
  return read ? std::string("accepted") : read.error().message;
}

TEST(ExportDocument, ErrorsNameTheValueByJsonPointer) {
  EXPECT_EQ(error_of(edited("\"version\": 1,", "\"version\": 2,")), "/version: this oofgate reads version 1");
  EXPECT_EQ(error_of(edited("oofgate-export", "something-else")), "/format: expected \"oofgate-export\"");
  EXPECT_EQ(error_of(edited("\"startTime\": \"06:30", "\"startTime\": \"6h30")).substr(0, 47),
            "/mailboxes/0/settings/workingHours/startTime: e");
  EXPECT_EQ(error_of(edited("\"status\": \"scheduled\"", "\"status\": \"Scheduled\"")),
            "/mailboxes/0/settings/automaticReplies/status: unknown value 'Scheduled'");
  EXPECT_EQ(error_of(edited("\"missedCallNotificationEnabled\": false", "\"missedCallNotificationEnabled\": 0")),
            "/mailboxes/0/settings/um/missedCallNotificationEnabled: expected true or false");
  EXPECT_EQ(error_of(edited("\"dayOccurrence\": 5", "\"dayOccurrence\": 5.5")),
            "/mailboxes/0/settings/workingHours/timeZone/custom/standardOffset/dayOccurrence: expected a 32-bit "
            "integer");
  EXPECT_EQ(error_of(edited("\"saturday\",", "7,")),
            "/mailboxes/0/settings/workingHours/daysOfWeek/0: expected a day of the week");
  EXPECT_EQ(error_of(edited("\"dateTime\": \"9999-12-31T23:59:59.9999999\"",
                            "\"dateTime\": \"9999-12-31T23:59:59.9999999Z\"")),
            "/mailboxes/0/settings/automaticReplies/scheduledStartDateTime/dateTime: expected "
            "yyyy-MM-ddTHH:mm:ss.fffffff without an offset");
  EXPECT_EQ(error_of(edited("\"timeZone\": \"Tokyo Standard Time\",", "")), "/mailboxes/0/settings/timeZone: missing");
  EXPECT_EQ(error_of(edited("\"version\": 9223372036854775807", "\"version\": 0")),
            "/mailboxes/0/version: expected a positive 63-bit integer");
  EXPECT_EQ(error_of(edited("\"version\": 9223372036854775807", "\"version\": 9223372036854775808")),
            "/mailboxes/0/version: expected a positive 63-bit integer");
  EXPECT_EQ(error_of("[]"), "/: expected an object");
  EXPECT_EQ(error_of("{\"format\": \"oofgate-export\", \"version\": 1, \"mailboxes\": [1]}"),
            "/mailboxes/0: expected an object");
  EXPECT_EQ(error_of("{").substr(0, 28), "not valid JSON at offset 1: ");
  EXPECT_EQ(error_of(edited("Tokyo", "\xFF")).substr(0, 25), "not valid JSON at offset ");
}

}  // namespace
}  // namespace oofgate::gateway
