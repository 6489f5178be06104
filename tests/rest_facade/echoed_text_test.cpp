// Client bytes echoed into Graph errors (issue 10): every error body is well-formed UTF-8 JSON
// and quotes the client's text through core::printable_excerpt().
#include <gtest/gtest.h>

#include "core/text/utf8.h"
#include "rest_harness.h"

namespace oofgate::testing {
namespace {

std::string error_message_of(RestHarness& h, const std::string& target, int expected_status,
                             const std::string& expected_code,
                             Credentials credentials = Credentials::bearer("adele-rw")) {
  const auto response = h.get(target, std::move(credentials));
  EXPECT_EQ(response.result_int(), expected_status) << target;
  EXPECT_TRUE(core::is_valid_utf8(response.body())) << target;
  const auto document = parse_json(response.body());
  EXPECT_FALSE(document.HasParseError()) << target;
  if (document.HasParseError()) {
    return "<unparsable>";
  }
  expect_error_envelope(response, document);
  EXPECT_EQ(json_at(document, "/error/code"), "\"" + expected_code + "\"") << target;
  return document["error"]["message"].GetString();
}

TEST(EchoedText, PercentDecodedSegmentsAreExcerpted) {
  RestHarness h;
  EXPECT_EQ(error_message_of(h, "/v1.0/me/%FF%00", 400, "BadRequest"),
            "Resource not found for the segment '\\xFF\\x00'.");
  EXPECT_EQ(error_message_of(h, "/v1.0/me/mailboxSettings/%C3%28%0A", 400, "BadRequest"),
            "Resource not found for the segment '\\xC3(\\x0A'.");
  EXPECT_EQ(error_message_of(h, "/v1.0/me/" + std::string(500, 'z'), 400, "BadRequest"),
            "Resource not found for the segment '" + std::string(64, 'z') + "...'.");
  // Well-formed non-ASCII is quoted as it is.
  EXPECT_EQ(error_message_of(h, "/v1.0/me/%C3%A9t%C3%A9", 400, "BadRequest"),
            "Resource not found for the segment '\xC3\xA9t\xC3\xA9'.");
}

TEST(EchoedText, SelectValuesAreWellFormed) {
  RestHarness h;
  EXPECT_EQ(error_message_of(h, "/v1.0/me/mailboxSettings?$select=%FFa", 400, "BadRequest"),
            "Could not find a property named '\\xFFa' on type 'microsoft.graph.mailboxSettings'.");
  EXPECT_EQ(error_message_of(h, "/v1.0/me?$select=%ED%A0%80", 400, "BadRequest"),
            "Could not find a property named '\\xED\\xA0\\x80' on type 'microsoft.graph.user'.");
}

TEST(EchoedText, FunctionArgumentsAndUserKeysAreWellFormed) {
  RestHarness h;
  EXPECT_EQ(error_message_of(h, "/v1.0/me/outlook/supportedLanguages(%FE)", 400, "InvalidArguments"),
            "Requested value '\\xFE' was not found.");
  const auto message =
      error_message_of(h, "/v1.0/users/%FF%FE/mailboxSettings", 404, "ErrorInvalidUser", Credentials::bearer("app-rw"));
  EXPECT_EQ(message, "The requested user '\\xFF\\xFE' is invalid.");
}

}  // namespace
}  // namespace oofgate::testing
