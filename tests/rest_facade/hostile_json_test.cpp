// Hostile Graph bodies (issue 10): ill-formed UTF-8, lone surrogate escapes, the JSON limits,
// out-of-range numbers. Each is refused with its exact Graph error and changes nothing.
#include <gtest/gtest.h>

#include <chrono>

#include "core/text/utf8.h"
#include "rest_facade/json/parse_json.h"
#include "rest_facade/json/read_patch.h"
#include "rest_harness.h"

namespace oofgate::testing {
namespace {

constexpr const char* kUnreadable =
    "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON "
    "format.";
constexpr const char* kIllFormedString =
    "The JSON payload contains a string that is not valid UTF-8 (an unpaired surrogate or an ill-formed byte).";

std::string reply_message_body(const std::string& json_string_literal) {
  return R"({"automaticRepliesSetting":{"internalReplyMessage":)" + json_string_literal + "}}";
}

struct Refusal {
  int status;
  std::string code;
  std::string message;
};

// PATCHes `body`, checks the exact error, and that the mailbox is as it was.
void expect_refused(RestHarness& h, const std::string& body, const Refusal& expected) {
  const auto before = h.get("/v1.0/me/mailboxSettings").body();
  const auto response = h.patch("/v1.0/me/mailboxSettings", body);
  EXPECT_EQ(response.result_int(), expected.status) << body;
  EXPECT_TRUE(core::is_valid_utf8(response.body())) << response.body();
  const auto document = parse_json(response.body());
  ASSERT_FALSE(document.HasParseError()) << response.body();
  expect_error_envelope(response, document);
  EXPECT_EQ(json_at(document, "/error/code"), "\"" + expected.code + "\"") << body;
  EXPECT_EQ(document["error"]["message"].GetString(), expected.message) << body;
  EXPECT_EQ(h.get("/v1.0/me/mailboxSettings").body(), before) << body;
}

TEST(HostileJson, LoneSurrogateEscapesAreRefused) {
  RestHarness h;
  const Refusal unreadable{400, "BadRequest", kUnreadable};
  const Refusal ill_formed{400, "BadRequest", kIllFormedString};
  // RapidJSON itself refuses a high surrogate that no low one follows...
  expect_refused(h, reply_message_body(R"("\ud800")"), unreadable);
  expect_refused(h, reply_message_body(R"("\ud800x")"), unreadable);
  expect_refused(h, reply_message_body(R"("\ud800\u0041")"), unreadable);
  expect_refused(h, reply_message_body(R"("\udbff\ud800")"), unreadable);
  // ...but lets a lone low surrogate through as the bytes ED B0 80, which oofgate refuses.
  expect_refused(h, reply_message_body(R"("\udc00")"), ill_formed);
  expect_refused(h, reply_message_body(R"("\udc00x")"), ill_formed);
  expect_refused(h, reply_message_body(R"("a\udfff")"), ill_formed);
  expect_refused(h, R"({"automaticRepliesSetting":{"\udc00":"x"}})", ill_formed);
  expect_refused(h, R"({"timeZone":"\udc00"})", ill_formed);
}

TEST(HostileJson, RawIllFormedUtf8IsRefused) {
  RestHarness h;
  const Refusal unreadable{400, "BadRequest", kUnreadable};
  for (const char* bytes : {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "a\x80"}) {
    expect_refused(h, reply_message_body(std::string("\"") + bytes + "\""), unreadable);
    expect_refused(h, std::string("{\"") + bytes + "\":1}", unreadable);
  }
}

TEST(HostileJson, SurrogatePairsAndNonAsciiAreKept) {
  RestHarness h;
  const auto response = h.patch("/v1.0/me/mailboxSettings", reply_message_body(R"("\ud83d\ude00 caf\u00e9 Grüße")"));
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto stored = parse_json(h.get("/v1.0/me/mailboxSettings/automaticRepliesSetting").body());
  EXPECT_EQ(std::string(stored["internalReplyMessage"].GetString()), "\xF0\x9F\x98\x80 caf\xC3\xA9 Grüße");
}

TEST(HostileJson, DeepNestingIsRefusedIterativelyWithTheLimitNamed) {
  RestHarness h;
  const Refusal too_deep{400, "BadRequest", "The JSON payload exceeds the limit of 32 levels of nesting."};
  expect_refused(h, R"({"workingHours":)" + std::string(100000, '[') + std::string(100000, ']') + "}", too_deep);
  // An unterminated one too: the limit is met before the end of the input is.
  expect_refused(h, std::string(100000, '['), too_deep);
  std::string objects;
  for (int i = 0; i < 10000; ++i) {
    objects += R"({"a":)";
  }
  expect_refused(h, objects + "1" + std::string(10000, '}'), too_deep);
  // 32 levels are accepted by the parser (the reader then names the first unknown property).
  std::string deepest = R"({"workingHours":{"timeZone":)";
  for (int i = 0; i < 30; ++i) {
    deepest += "[";
  }
  deepest += std::string(30, ']') + "}}";
  expect_refused(h, deepest,
                 {400, "RequestBodyRead",
                  "An unexpected 'StartArray' node was found when reading from the JSON reader. A 'StartObject' node "
                  "was expected."});
}

TEST(HostileJson, EachLimitIsNamedInItsError) {
  rest::JsonLimits limits;
  limits.max_depth = 3;
  limits.max_string_bytes = 8;
  limits.max_members = 4;
  limits.max_body_bytes = 64;
  const auto error_of = [&](std::string_view body) {
    auto parsed = rest::read_mailbox_settings_patch(body, limits);
    const auto* error = std::get_if<rest::GraphError>(&parsed);
    return error == nullptr
               ? std::string("<accepted>")
               : std::to_string(static_cast<int>(error->status)) + " " + error->code + ": " + error->message;
  };
  EXPECT_EQ(error_of(R"({"timeZone":"12345678"})"), "<accepted>");
  EXPECT_EQ(error_of(R"({"timeZone":"123456789"})"),
            "400 BadRequest: The JSON payload exceeds the limit of 8 bytes in one string.");
  EXPECT_EQ(error_of(R"({"timeZone":"\u00e9\u00e9\u00e9\u00e9x"})"),
            "400 BadRequest: The JSON payload exceeds the limit of 8 bytes in one string.");  // 9 bytes unescaped
  EXPECT_EQ(error_of(R"({"123456789":1})"),
            "400 BadRequest: The JSON payload exceeds the limit of 8 bytes in one string.");
  EXPECT_EQ(error_of(R"({"a":[[1]]})").substr(0, 19), "400 RequestBodyRead");  // 3 levels pass
  EXPECT_EQ(error_of(R"({"a":[[[1]]]})"), "400 BadRequest: The JSON payload exceeds the limit of 3 levels of nesting.");
  EXPECT_EQ(error_of(R"({"a":1,"b":2,"c":3,"d":4,"e":5})"),
            "400 BadRequest: The JSON payload exceeds the limit of 4 members in one object.");
  EXPECT_EQ(error_of(R"({"a":[1,2,3,4,5]})"),
            "400 BadRequest: The JSON payload exceeds the limit of 4 elements in one array.");
  EXPECT_EQ(error_of(std::string(65, ' ')),
            "413 RequestEntityTooLarge: The request body exceeds the limit of 64 bytes.");
  EXPECT_EQ(error_of(R"({"a":1} x)"), std::string("400 BadRequest: ") + kUnreadable);
}

TEST(HostileJson, DefaultLimitsFitTheLargestValidBody) {
  const rest::JsonLimits defaults;
  EXPECT_EQ(defaults.max_depth, 32U);
  EXPECT_EQ(defaults.max_string_bytes, 256U * 1024U);
  EXPECT_EQ(defaults.max_members, 1024U);
  EXPECT_EQ(defaults.max_body_bytes, 1024U * 1024U);
  RestHarness h;
  // A reply message at the core's own limit (128 KiB) passes the parser's string limit.
  const auto response =
      h.patch("/v1.0/me/mailboxSettings", reply_message_body("\"" + std::string(128 * 1024, 'x') + "\""));
  EXPECT_EQ(response.result_int(), 200) << response.body().substr(0, 300);
}

TEST(HostileJson, OverlongStringAndHugeBodyAreRefused) {
  RestHarness h;
  expect_refused(h, reply_message_body("\"" + std::string(256 * 1024 + 1, 'x') + "\""),
                 {400, "BadRequest", "The JSON payload exceeds the limit of 262144 bytes in one string."});
  expect_refused(h, R"({"timeZone":"UTC"})" + std::string(1024 * 1024, ' '),
                 {413, "RequestEntityTooLarge", "The request body exceeds the limit of 1048576 bytes."});
  std::string many = R"({"workingHours":{"daysOfWeek":[)";
  for (int i = 0; i < 2000; ++i) {
    many += i == 0 ? "\"monday\"" : ",\"monday\"";
  }
  many += "]}}";
  expect_refused(h, many, {400, "BadRequest", "The JSON payload exceeds the limit of 1024 elements in one array."});
}

TEST(HostileJson, NumbersOutOfRangeAreRefused) {
  RestHarness h;
  const std::string custom_zone =
      R"({"workingHours":{"timeZone":{"@odata.type":"#microsoft.graph.customTimeZone","bias":)";
  expect_refused(h, custom_zone + "1e999}}}", {400, "BadRequest", kUnreadable});
  const Refusal not_int32{
      400, "RequestBodyRead",
      "Cannot convert a primitive value to the expected type 'Edm.Int32'. See the inner exception for more details."};
  expect_refused(h, custom_zone + "1e300}}}", not_int32);
  expect_refused(h, custom_zone + "2147483648}}}", not_int32);
  expect_refused(h, custom_zone + "-99999999999999999999999}}}", not_int32);
  expect_refused(h, custom_zone + "1.5}}}", not_int32);
}

TEST(HostileJson, DuplicateMembersAreRefusedNotLastWins) {
  RestHarness h;
  // Graph's OData reader refuses a duplicate property; last-wins would let two readers of one
  // body disagree on what was asked.
  expect_refused(h, R"({"automaticRepliesSetting":{"status":"disabled","Status":"alwaysEnabled"}})",
                 {400, "RequestBodyRead", "Duplicate property named 'Status' was found."});
}

TEST(HostileJson, EchoedBodyTextIsExcerpted) {
  RestHarness h;
  expect_refused(h, R"({"automaticRepliesSetting":{"status":"\u0001on\u0000"}})",
                 {400, "InvalidArguments", "Requested value '\\x01on\\x00' was not found."});
  expect_refused(h, "{\"" + std::string(1000, 'p') + "\":1}",
                 {400, "RequestBodyRead",
                  "The property '" + std::string(64, 'p') +
                      "...' does not exist on type 'microsoft.graph.mailboxSettings'. Make sure to only use property "
                      "names that are defined by the type or mark the type as open type."});
  expect_refused(h, R"({"workingHours":{"startTime":"\u0007"}})",
                 {400, "RequestBodyRead", "Cannot convert the literal '\\x07' to the expected type 'Edm.TimeOfDay'."});
}

}  // namespace
}  // namespace oofgate::testing
