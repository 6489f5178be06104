// Client bytes echoed into Graph errors (issue 10): every error body is well-formed UTF-8 JSON
// and quotes the client's text through core::printable_excerpt().
#include <gtest/gtest.h>

#include <vector>

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

struct Echo {
  std::string target;
  int status;
  std::string code;
  std::string message;
  Credentials credentials = Credentials::bearer("adele-rw");
};

TEST(EchoedText, ClientBytesInErrorsAreExcerpted) {
  const std::vector<Echo> cases = {
      // Percent-decoded path segments.
      {"/v1.0/me/%FF%00", 400, "BadRequest", "Resource not found for the segment '\\xFF\\x00'."},
      {"/v1.0/me/mailboxSettings/%C3%28%0A", 400, "BadRequest", "Resource not found for the segment '\\xC3(\\x0A'."},
      {"/v1.0/me/" + std::string(500, 'z'), 400, "BadRequest",
       "Resource not found for the segment '" + std::string(64, 'z') + "...'."},
      // Well-formed non-ASCII is quoted as it is.
      {"/v1.0/me/%C3%A9t%C3%A9", 400, "BadRequest", "Resource not found for the segment '\xC3\xA9t\xC3\xA9'."},
      // $select values.
      {"/v1.0/me/mailboxSettings?$select=%FFa", 400, "BadRequest",
       "Could not find a property named '\\xFFa' on type 'microsoft.graph.mailboxSettings'."},
      {"/v1.0/me?$select=%ED%A0%80", 400, "BadRequest",
       "Could not find a property named '\\xED\\xA0\\x80' on type 'microsoft.graph.user'."},
      // Function arguments and user keys.
      {"/v1.0/me/outlook/supportedLanguages(%FE)", 400, "InvalidArguments", "Requested value '\\xFE' was not found."},
      {"/v1.0/users/%FF%FE/mailboxSettings", 404, "ErrorInvalidUser", "The requested user '\\xFF\\xFE' is invalid.",
       Credentials::bearer("app-rw")},
  };
  RestHarness h;
  for (const auto& echo : cases) {
    EXPECT_EQ(error_message_of(h, echo.target, echo.status, echo.code, echo.credentials), echo.message);
  }
}

}  // namespace
}  // namespace oofgate::testing
