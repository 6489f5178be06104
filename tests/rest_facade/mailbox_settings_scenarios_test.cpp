// Multi-request behaviour: merge, atomic rejection, time zones, the render cache, store failure.
#include <gtest/gtest.h>

#include <atomic>

#include "core/directory/archive_folder.h"
#include "rest_facade/json/owned_body.h"
#include "rest_facade/odata_context.h"
#include "rest_facade/render_slots.h"
#include "rest_harness.h"

namespace oofgate::testing {
namespace {

TEST(Merge, StatusOnlyPatchKeepsMessages) {  // spec items 27, 28
  RestHarness h;
  ASSERT_EQ(h.patch("/v1.0/me/mailboxSettings",
                    R"({"automaticRepliesSetting":{"status":"alwaysEnabled","internalReplyMessage":"in",)"
                    R"("externalReplyMessage":"out","externalAudience":"none"}})")
                .result_int(),
            200);
  ASSERT_EQ(h.patch("/v1.0/me/mailboxSettings", R"({"automaticRepliesSetting":{"status":"disabled"}})").result_int(),
            200);
  const auto response =
      h.patch("/v1.0/me/mailboxSettings", R"({"automaticRepliesSetting":{"status":"alwaysEnabled"}})");
  ASSERT_EQ(response.result_int(), 200);
  const auto body = parse_json(response.body());
  EXPECT_EQ(json_at(body, "/automaticRepliesSetting/internalReplyMessage"), "\"in\"");
  EXPECT_EQ(json_at(body, "/automaticRepliesSetting/externalReplyMessage"), "\"out\"");
  EXPECT_EQ(json_at(body, "/automaticRepliesSetting/externalAudience"), "\"none\"");
  const auto later = parse_json(h.get("/v1.0/me/mailboxSettings/automaticRepliesSetting").body());
  EXPECT_EQ(json_at(later, "/status"), "\"alwaysEnabled\"");
  EXPECT_EQ(json_at(later, "/internalReplyMessage"), "\"in\"");
}

TEST(Merge, TimeZoneOnlyPatchLeavesEverythingElse) {  // spec item 29
  RestHarness h;
  auto before = parse_json(h.get("/v1.0/me/mailboxSettings").body());
  ASSERT_EQ(h.patch("/v1.0/me/mailboxSettings", R"({"timeZone":"W. Europe Standard Time"})").result_int(), 200);
  auto after = parse_json(h.get("/v1.0/me/mailboxSettings").body());
  EXPECT_EQ(json_at(after, "/timeZone"), "\"W. Europe Standard Time\"");
  before["timeZone"].SetString("W. Europe Standard Time");
  EXPECT_TRUE(before == after);
}

TEST(Atomicity, RejectedPatchChangesNothing) {
  RestHarness h;
  const auto before = h.get("/v1.0/me/mailboxSettings").body();
  // A valid timeZone next to invalid working hours: the core refuses the whole patch.
  const auto rejected =
      h.patch("/v1.0/me/mailboxSettings", R"({"timeZone":"Pacific Standard Time",)"
                                          R"("workingHours":{"startTime":"18:00:00","endTime":"09:00:00"}})");
  EXPECT_EQ(rejected.result_int(), 400);
  // A valid timeZone next to a body-level error: refused before the core is called.
  const auto unreadable =
      h.patch("/v1.0/me/mailboxSettings", R"({"timeZone":"Pacific Standard Time","workingHours":{"startTime":"08"}})");
  EXPECT_EQ(unreadable.result_int(), 400);
  EXPECT_EQ(json_at(parse_json(h.get("/v1.0/me/mailboxSettings/timeZone").body()), "/value"), "\"UTC\"");
  EXPECT_EQ(h.get("/v1.0/me/mailboxSettings").body(), before);
}

TEST(TimeZones, ScheduledWindowInNonUtcZone) {
  RestHarness h;
  // 2030-03-01T00:00Z is 09:00 in Tokyo; "+02:00" at 10:00 is 08:00Z, i.e. 17:00 in Tokyo.
  const auto response =
      h.patch("/v1.0/me/mailboxSettings",
              R"({"automaticRepliesSetting":{"status":"scheduled",)"
              R"("scheduledStartDateTime":{"dateTime":"2030-03-01T00:00:00.000Z","timeZone":"Tokyo Standard Time"},)"
              R"("scheduledEndDateTime":{"dateTime":"2030-03-02T10:00:00+02:00","timeZone":"Asia/Tokyo"}}})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto later = parse_json(h.get("/beta/me/mailboxSettings/automaticRepliesSetting").body());
  EXPECT_EQ(json_at(later, "/scheduledStartDateTime"),
            R"({"dateTime":"2030-03-01T09:00:00.0000000","timeZone":"Tokyo Standard Time"})");
  EXPECT_EQ(json_at(later, "/scheduledEndDateTime"),
            R"({"dateTime":"2030-03-02T17:00:00.0000000","timeZone":"Asia/Tokyo"})");
}

TEST(TimeZones, ScheduledWindowEndingBeforeNowInLocalZoneIsRefused) {
  RestHarness h;
  // The fixture's now is 2030-01-15T12:00Z; 2030-01-15T14:00 in Hawaii (UTC-10) is 2030-01-16T00:00Z
  // (still future) while 2030-01-15T01:00 in Tokyo (UTC+9) is 2030-01-14T16:00Z (past).
  const auto future =
      h.patch("/v1.0/me/mailboxSettings",
              R"({"automaticRepliesSetting":{"status":"scheduled",)"
              R"("scheduledStartDateTime":{"dateTime":"2030-01-15T00:00:00","timeZone":"Hawaiian Standard Time"},)"
              R"("scheduledEndDateTime":{"dateTime":"2030-01-15T14:00:00","timeZone":"Hawaiian Standard Time"}}})");
  EXPECT_EQ(future.result_int(), 200) << future.body();
  const auto past =
      h.patch("/v1.0/me/mailboxSettings",
              R"({"automaticRepliesSetting":{"status":"scheduled",)"
              R"("scheduledStartDateTime":{"dateTime":"2030-01-15T00:00:00","timeZone":"Tokyo Standard Time"},)"
              R"("scheduledEndDateTime":{"dateTime":"2030-01-15T01:00:00","timeZone":"Tokyo Standard Time"}}})");
  EXPECT_EQ(past.result_int(), 400);
  EXPECT_EQ(json_at(parse_json(past.body()), "/error/code"), "\"ErrorInvalidScheduledOofDuration\"");
}

TEST(TimeZones, CustomTimeZoneRoundTrips) {  // spec item 25
  RestHarness h;
  const auto response = h.patch("/v1.0/me/mailboxSettings", R"({"workingHours":{"timeZone":{
      "@odata.type": "#microsoft.graph.customTimeZone", "bias": -300, "name": "Customized Time Zone",
      "standardOffset": {"time": "02:00:00", "dayOccurrence": 2, "dayOfWeek": "Sunday", "month": 10, "year": 0},
      "daylightOffset": {"time": "02:00:00", "dayOccurrence": 4, "dayOfWeek": "SUNDAY", "month": 5, "year": 0,
                         "daylightBias": 100}}}})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto later = parse_json(h.get("/v1.0/users/adele@contoso.com/mailboxSettings/workingHours").body());
  EXPECT_EQ(
      json_at(later, "/timeZone"),
      R"({"@odata.type":"#microsoft.graph.customTimeZone","bias":-300,"name":"Customized Time Zone",)"
      R"("standardOffset":{"time":"02:00:00.0000000","dayOccurrence":2,"dayOfWeek":"sunday","month":10,"year":0},)"
      R"("daylightOffset":{"time":"02:00:00.0000000","dayOccurrence":4,"dayOfWeek":"sunday","month":5,"year":0,)"
      R"("daylightBias":100}})");
  // Working hours and days kept by the merge.
  EXPECT_EQ(json_at(later, "/startTime"), "\"08:00:00.0000000\"");
}

TEST(TimeZones, IanaZoneIsEchoedNotConverted) {  // spec item 31
  RestHarness h;
  ASSERT_EQ(h.patch("/v1.0/me/mailboxSettings", R"({"timeZone":"America/Los_Angeles"})").result_int(), 200);
  EXPECT_EQ(json_at(parse_json(h.get("/v1.0/me/mailboxSettings/timeZone").body()), "/value"),
            "\"America/Los_Angeles\"");
}

TEST(ReadOnly, ReadOnlyMembersAreIgnoredOnLaterGet) {  // spec item 49
  RestHarness h;
  ASSERT_EQ(h.patch("/v1.0/me/mailboxSettings", R"({"userPurpose":"shared","archiveFolder":"x"})").result_int(), 200);
  const auto later = parse_json(h.get("/v1.0/me/mailboxSettings").body());
  EXPECT_EQ(json_at(later, "/userPurpose"), "\"user\"");
  EXPECT_NE(json_at(later, "/archiveFolder"), "\"x\"");
}

using rest::ApiVersion;
using rest::kFullSettingsSlot;
using rest::mailbox_settings_context;
using rest::MailboxMember;
using rest::member_slot;
using rest::owned_body;

core::SnapshotPtr snapshot_of(const RestHarness& h, const core::User& user) {
  SnapshotWaiter waiter;
  h.core.service->read(user, waiter.callback());
  return waiter.get().value();
}

TEST(RenderCache, RepeatedGetsServeTheSameBytesForMeAndUsers) {
  RestHarness h;
  const auto first = h.get("/v1.0/me/mailboxSettings").body();
  const auto cached = snapshot_of(h, h.core.adele())->render_cache.get(kFullSettingsSlot);
  ASSERT_NE(cached, nullptr);
  // The cache holds what the settings decide; the owner's members are joined on per request.
  EXPECT_EQ(first, owned_body(mailbox_settings_context(ApiVersion::kV1, kAdeleId, ""),
                              core::archive_folder_id(h.core.adele()), *cached));
  EXPECT_EQ(h.get("/v1.0/users/adele@contoso.com/mailboxSettings", Credentials::bearer("app-rw")).body(), first);
  EXPECT_EQ(h.get("/v1.0/users/" + std::string(kAdeleId) + "/mailboxSettings").body(), first);
  const auto beta = parse_json(h.get("/beta/me/mailboxSettings").body());
  auto v1 = parse_json(first);
  EXPECT_EQ(json_at(beta, "/@odata.context"),
            "\"https://graph.microsoft.com/beta/$metadata#users('" + std::string(kAdeleId) + "')/mailboxSettings\"");
  v1["@odata.context"].CopyFrom(beta["@odata.context"], v1.GetAllocator());
  EXPECT_TRUE(v1 == beta);
}

TEST(RenderCache, MailboxesNeverWrittenShareOneSnapshotAndItsRenderings) {
  RestHarness h;
  ASSERT_EQ(snapshot_of(h, h.core.adele()), snapshot_of(h, h.core.alex()));
  const auto adele = parse_json(h.get("/v1.0/me/mailboxSettings/automaticRepliesSetting").body());
  ASSERT_NE(snapshot_of(h, h.core.alex())->render_cache.get(*member_slot(MailboxMember::kAutomaticRepliesSetting)),
            nullptr);
  const auto alex = parse_json(
      h.get("/v1.0/users/alex@contoso.com/mailboxSettings/automaticRepliesSetting", Credentials::bearer("app-rw"))
          .body());
  EXPECT_NE(json_at(alex, "/@odata.context"), json_at(adele, "/@odata.context"));
  EXPECT_EQ(json_at(alex, "/status"), json_at(adele, "/status"));
  const auto adele_full = parse_json(h.get("/v1.0/me/mailboxSettings").body());
  const auto alex_full =
      parse_json(h.get("/v1.0/users/alex@contoso.com/mailboxSettings", Credentials::bearer("app-rw")).body());
  EXPECT_EQ(json_at(alex_full, "/archiveFolder"), "\"" + core::archive_folder_id(h.core.alex()) + "\"");
  EXPECT_NE(json_at(alex_full, "/archiveFolder"), json_at(adele_full, "/archiveFolder"));

  // A write gives the written mailbox its own snapshot and leaves the others on the defaults.
  ASSERT_EQ(
      h.patch("/v1.0/me/mailboxSettings", R"({"automaticRepliesSetting":{"status":"alwaysEnabled"}})").result_int(),
      200);
  EXPECT_NE(snapshot_of(h, h.core.adele()), snapshot_of(h, h.core.alex()));
  EXPECT_EQ(json_at(parse_json(h.get("/v1.0/me/mailboxSettings/automaticRepliesSetting").body()), "/status"),
            "\"alwaysEnabled\"");
  EXPECT_EQ(json_at(parse_json(h.get("/v1.0/users/alex@contoso.com/mailboxSettings/automaticRepliesSetting",
                                     Credentials::bearer("app-rw"))
                                   .body()),
                    "/status"),
            "\"disabled\"");
}

TEST(RenderCache, PatchIsVisibleToTheNextGet) {
  RestHarness h;
  const auto before = h.get("/v1.0/me/mailboxSettings").body();
  ASSERT_EQ(h.patch("/v1.0/me/mailboxSettings", R"({"dateFormat":"dd/MM/yyyy"})").result_int(), 200);
  const auto after = h.get("/v1.0/me/mailboxSettings").body();
  EXPECT_NE(after, before);
  EXPECT_EQ(json_at(parse_json(after), "/dateFormat"), "\"dd/MM/yyyy\"");
}

TEST(Headers, ClientRequestIdIsEchoedOrDefaultsToRequestId) {  // spec item 19
  RestHarness h;
  RequestSpec spec;
  spec.target = "/v1.0/me/mailboxSettings";
  spec.client_request_id = "7f1c9b7e-1111-4222-8333-944445555666";
  const auto echoed = h.call(spec);
  EXPECT_EQ(header(echoed, "client-request-id"), spec.client_request_id);
  EXPECT_NE(header(echoed, "request-id"), spec.client_request_id);
  const auto defaulted = h.get("/v1.0/me/mailboxSettings");
  EXPECT_EQ(header(defaulted, "client-request-id"), header(defaulted, "request-id"));
  EXPECT_NE(header(defaulted, "request-id"), header(echoed, "request-id"));
}

TEST(SupportedTimeZones, WindowsListHasGeneratedDisplayNames) {  // spec item 33
  RestHarness h;
  const auto body = parse_json(h.get("/v1.0/me/outlook/supportedTimeZones").body());
  ASSERT_TRUE(body["value"].IsArray());
  ASSERT_GT(body["value"].Size(), 100U);
  bool found = false;
  for (const auto& zone : body["value"].GetArray()) {
    if (std::string(zone["alias"].GetString()) == "Pacific Standard Time") {
      found = true;
      EXPECT_EQ(std::string(zone["displayName"].GetString()), "(UTC-08:00) Pacific Standard Time");
    }
    if (std::string(zone["alias"].GetString()) == "India Standard Time") {
      EXPECT_EQ(std::string(zone["displayName"].GetString()), "(UTC+05:30) India Standard Time");
    }
  }
  EXPECT_TRUE(found);
}

TEST(SupportedTimeZones, IanaListUsesAliasAsDisplayName) {  // spec item 34
  RestHarness h;
  const auto body =
      parse_json(h.get("/beta/users/adele@contoso.com/outlook/supportedTimeZones(TimeZoneStandard='Iana')").body());
  ASSERT_TRUE(body["value"].IsArray());
  bool found = false;
  for (const auto& zone : body["value"].GetArray()) {
    EXPECT_EQ(std::string(zone["alias"].GetString()), std::string(zone["displayName"].GetString()));
    found = found || std::string(zone["alias"].GetString()) == "America/Los_Angeles";
  }
  EXPECT_TRUE(found);
}

// A backend whose commits always fail, standing in for a broken disk.
class FailingBackend final : public core::PersistenceBackend {
 public:
  core::Result<std::vector<core::StoredMailbox>> load_all() override { return std::vector<core::StoredMailbox>{}; }
  core::Status commit(const std::vector<core::StoredMailbox>&) override {
    return core::Error{core::ErrorCode::kStoreUnavailable, "SQLite: disk I/O error at /var/lib/oofgate.db"};
  }
};

TEST(StoreFailure, UnavailableStoreAnswers503WithoutInternalDetail) {
  CoreFixture fixture;
  std::vector<std::string> ids;
  for (const auto& user : fixture.directory->users()) {
    ids.push_back(user.id);
  }
  auto store = std::move(core::CachedStore::open(std::make_unique<FailingBackend>(), ids, [&](const std::string&) {
                 return core::default_settings(fixture.clock.now());
               })).value();
  core::MailboxService service(*fixture.directory, *store, fixture.clock, fixture.zones);
  rest::RestFacade facade(service);
  rest::HttpRequest request{http::verb::patch, "/v1.0/me/mailboxSettings", 11};
  request.set(http::field::content_type, "application/json");
  request.body() = R"({"timeZone":"UTC"})";
  core::Caller caller{core::CredentialScheme::kBearer, fixture.directory->authenticate_bearer("adele-rw")};
  std::promise<rest::HttpResponse> promise;
  facade.handle(facade::describe_request(request, caller),
                [&](rest::HttpResponse r) { promise.set_value(std::move(r)); });
  const auto response = promise.get_future().get();
  EXPECT_EQ(response.result_int(), 503);
  EXPECT_EQ(header(response, "Retry-After"), "5");
  EXPECT_EQ(json_at(parse_json(response.body()), "/error/code"), "\"ServiceUnavailable\"");
  EXPECT_EQ(response.body().find("SQLite"), std::string::npos);
  expect_graph_headers(response);
}

TEST(Edge, RespondIsCalledOnceEvenIfItThrows) {
  RestHarness h;
  rest::HttpRequest request{http::verb::get, "/v1.0/me/mailboxSettings", 11};
  std::atomic<int> calls{0};
  EXPECT_NO_THROW(h.facade.handle(facade::describe_request(request, core::Caller{}), [&](rest::HttpResponse) {
    ++calls;
    throw std::runtime_error("socket closed");
  }));
  EXPECT_EQ(calls.load(), 1);
}

}  // namespace
}  // namespace oofgate::testing
