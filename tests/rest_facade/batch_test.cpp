// Graph JSON batching (POST /{version}/$batch): each item answered exactly as if sent alone,
// dependsOn ordering with 424, and the envelope's 400s.
#include <string>

#include "rest_harness.h"

namespace oofgate::testing {
namespace {

struct BatchTest : ::testing::Test {
  RestHarness harness;

  rest::HttpResponse batch(const std::string& body, const std::string& target = "/v1.0/$batch",
                           Credentials credentials = Credentials::bearer("adele-rw")) {
    return harness.call({http::verb::post, target, std::move(credentials), body, "application/json", ""});
  }

  // The envelope's 400 with its message.
  void expect_refused(const std::string& body, const std::string& message) {
    const auto response = batch(body);
    ASSERT_EQ(response.result_int(), 400) << response.body();
    const auto document = parse_json(response.body());
    expect_error_envelope(response, document);
    EXPECT_EQ(json_at(document, "/error/code"), "\"BadRequest\"");
    EXPECT_EQ(json_at(document, "/error/message"), "\"" + message + "\"");
  }
};

TEST_F(BatchTest, AGetItemIsAnsweredExactlyAsTheSameRequestSentAlone) {
  const auto alone = harness.get("/v1.0/me/mailboxSettings/automaticRepliesSetting");
  const auto response =
      batch(R"({"requests":[{"id":"1","method":"GET","url":"/me/mailboxSettings/automaticRepliesSetting"}]})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  expect_graph_headers(response);
  const auto document = parse_json(response.body());
  EXPECT_EQ(json_at(document, "/responses/0/id"), "\"1\"");
  EXPECT_EQ(json_at(document, "/responses/0/status"), "200");
  EXPECT_EQ(json_at(document, "/responses/0/body"), json_at(parse_json(alone.body()), ""));
  EXPECT_EQ(json_at(document, "/responses/0/headers/Content-Type"), "\"" + header(alone, "Content-Type") + "\"");
  EXPECT_EQ(json_at(document, "/responses/0/headers/OData-Version"), "\"4.0\"");
  EXPECT_TRUE(is_guid(parse_json(response.body())["responses"][0]["headers"]["request-id"].GetString()));
}

TEST_F(BatchTest, UrlsWithAndWithoutLeadingSlashAndTheBetaRootAreAccepted) {
  const auto response = batch(R"({"requests":[{"id":"a","method":"GET","url":"me/mailboxSettings/timeZone"},)"
                              R"({"id":"b","method":"GET","url":"/me/mailboxSettings/timeZone"}]})",
                              "/beta/$batch");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto document = parse_json(response.body());
  EXPECT_EQ(json_at(document, "/responses/0/status"), "200");
  EXPECT_EQ(json_at(document, "/responses/1/status"), "200");
  EXPECT_NE(json_at(document, "/responses/0/body/@odata.context").find("/beta/"), std::string::npos) << response.body();
}

TEST_F(BatchTest, AUrlThatNamesItsVersionRootIsServedUnderThatRoot) {
  // The Graph JS SDK 3.x strips only scheme and host from a Request's URL.
  const auto response = batch(R"({"requests":[{"id":"1","method":"GET","url":"/beta/me/mailboxSettings/timeZone"},)"
                              R"({"id":"2","method":"GET","url":"/v1.0/me/mailboxSettings/timeZone"}]})");
  ASSERT_EQ(response.result_int(), 200);
  const auto document = parse_json(response.body());
  EXPECT_NE(json_at(document, "/responses/0/body/@odata.context").find("/beta/"), std::string::npos);
  EXPECT_NE(json_at(document, "/responses/1/body/@odata.context").find("/v1.0/"), std::string::npos);
  expect_refused(R"({"requests":[{"id":"1","method":"POST","url":"/v1.0/$batch"}]})",
                 "Request 1 of the batch is a nested $batch, which is not supported.");
}

TEST_F(BatchTest, APatchThenADependentGetSeesTheWrite) {
  const auto response = batch(
      R"({"requests":[{"id":"1","method":"PATCH","url":"/me/mailboxSettings","headers":{"content-type":"application/json"},)"
      R"("body":{"automaticRepliesSetting":{"status":"alwaysEnabled"}}},)"
      R"({"id":"2","dependsOn":["1"],"method":"GET","url":"/me/mailboxSettings/automaticRepliesSetting"}]})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto document = parse_json(response.body());
  EXPECT_EQ(json_at(document, "/responses/0/status"), "200");
  EXPECT_EQ(json_at(document, "/responses/1/status"), "200");
  EXPECT_EQ(json_at(document, "/responses/1/body/status"), "\"alwaysEnabled\"");
  EXPECT_EQ(json_at(parse_json(harness.get("/v1.0/me/mailboxSettings").body()), "/automaticRepliesSetting/status"),
            "\"alwaysEnabled\"");
}

TEST_F(BatchTest, ABase64BodyIsDecoded) {
  // {"automaticRepliesSetting":{"status":"disabled"}} in base64, as Kiota sends non-exact JSON types.
  const auto response = batch(
      R"({"requests":[{"id":"1","method":"PATCH","url":"/me/mailboxSettings","headers":{"Content-Type":"application/json; charset=utf-8"},)"
      R"("body":"eyJhdXRvbWF0aWNSZXBsaWVzU2V0dGluZyI6eyJzdGF0dXMiOiJkaXNhYmxlZCJ9fQ=="}]})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(json_at(parse_json(response.body()), "/responses/0/status"), "200") << response.body();
}

TEST_F(BatchTest, AFailedDependencyAnswers424ToItsDependantsWithoutRunningThem) {
  const auto response = batch(
      R"({"requests":[{"id":"1","method":"PATCH","url":"/me/mailboxSettings","headers":{"Content-Type":"application/json"},)"
      R"("body":{"automaticRepliesSetting":{"status":"sometimes"}}},)"
      R"({"id":"2","dependsOn":["1"],"method":"PATCH","url":"/me/mailboxSettings","headers":{"Content-Type":"application/json"},)"
      R"("body":{"automaticRepliesSetting":{"status":"alwaysEnabled"}}},)"
      R"({"id":"3","dependsOn":["2"],"method":"GET","url":"/me/mailboxSettings"}]})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto document = parse_json(response.body());
  EXPECT_EQ(json_at(document, "/responses/0/status"), "400");
  EXPECT_EQ(json_at(document, "/responses/1/status"), "424");
  EXPECT_EQ(json_at(document, "/responses/1/body/error/code"), "\"FailedDependency\"");
  EXPECT_EQ(json_at(document, "/responses/1/body/error/message"),
            "\"The request depends on request 1, which failed.\"");
  EXPECT_EQ(json_at(document, "/responses/2/status"), "424");
  // Item 2 never ran: the stored status is still the fixture's.
  EXPECT_EQ(json_at(parse_json(harness.get("/v1.0/me/mailboxSettings").body()), "/automaticRepliesSetting/status"),
            "\"disabled\"");
}

TEST_F(BatchTest, EachItemIsAuthorizedAsTheCallerAlone) {
  const auto response =
      batch(R"({"requests":[{"id":"1","method":"GET","url":"/users/alex@contoso.com/mailboxSettings"},)"
            R"({"id":"2","method":"GET","url":"/me/mailboxSettings/timeZone"}]})");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto alone = harness.get("/v1.0/users/alex@contoso.com/mailboxSettings");
  const auto document = parse_json(response.body());
  EXPECT_EQ(json_at(document, "/responses/0/status"), std::to_string(alone.result_int()));
  EXPECT_EQ(json_at(document, "/responses/0/body/error/code"), json_at(parse_json(alone.body()), "/error/code"));
  EXPECT_EQ(json_at(document, "/responses/1/status"), "200");
}

TEST_F(BatchTest, AnUnauthenticatedBatchIs401Whole) {
  const auto response = batch(R"({"requests":[{"id":"1","method":"GET","url":"/me/mailboxSettings"}]})", "/v1.0/$batch",
                              Credentials::none());
  EXPECT_EQ(response.result_int(), 401);
  EXPECT_EQ(json_at(parse_json(response.body()), "/error/code"), "\"InvalidAuthenticationToken\"");
}

TEST_F(BatchTest, AnItemOnAnUnknownPathGetsTheSameErrorAsAlone) {
  const auto alone = harness.get("/v1.0/me/nothingHere");
  const auto response = batch(R"({"requests":[{"id":"1","method":"GET","url":"/me/nothingHere"}]})");
  ASSERT_EQ(response.result_int(), 200);
  const auto document = parse_json(response.body());
  EXPECT_EQ(json_at(document, "/responses/0/status"), std::to_string(alone.result_int()));
  EXPECT_EQ(json_at(document, "/responses/0/body/error/message"), json_at(parse_json(alone.body()), "/error/message"));
}

TEST_F(BatchTest, MalformedEnvelopesAreRefusedWhole) {
  expect_refused(R"({"requests":[]})", "Invalid batch payload format.");
  expect_refused(R"([])", "Invalid batch payload format.");
  expect_refused(R"({"requests":{}})", "Invalid batch payload format.");
  expect_refused(R"({"requests":[42]})", "Invalid batch payload format.");
  expect_refused(R"({"requests":[{"method":"GET","url":"/me"}]})",
                 "Request 1 of the batch needs an id: a non-empty string.");
  expect_refused(R"({"requests":[{"id":"1","url":"/me"}]})", "Request 1 of the batch needs a method: a string.");
  expect_refused(R"({"requests":[{"id":"1","method":"FETCH","url":"/me"}]})",
                 "Request 1 of the batch has an unknown method 'FETCH'.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET"}]})", "Request 1 of the batch needs a url: a string.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"/me","headers":[]}]})",
                 "Request 1 of the batch has headers that are not a JSON object.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"/me","headers":{"a b":"c"}}]})",
                 "Request 1 of the batch has a header that is not a name and a string value.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"/me","headers":{"x":"a\r\nb"}}]})",
                 "Request 1 of the batch has a header that is not a name and a string value.");
  expect_refused(R"({"requests":[{"id":"1","method":"PATCH","url":"/me/mailboxSettings","body":{}}]})",
                 "Request 1 of the batch has a body but no Content-Type header.");
  expect_refused(
      R"({"requests":[{"id":"1","method":"PATCH","url":"/me/mailboxSettings","headers":{"Content-Type":"application/json"},"body":"%%%"}]})",
      "Request 1 of the batch has a string body that is not base64.");
}

TEST_F(BatchTest, DuplicateIdsCompareCaseInsensitively) {
  expect_refused(R"({"requests":[{"id":"a","method":"GET","url":"/me"},{"id":"A","method":"GET","url":"/me"}]})",
                 "Request Id A has to be unique in a batch.");
}

TEST_F(BatchTest, MoreThanTwentyRequestsAreRefused) {
  std::string body = R"({"requests":[)";
  for (int i = 0; i < 21; ++i) {
    body += (i == 0 ? "" : ",") + std::string(R"({"id":")") + std::to_string(i) + R"(","method":"GET","url":"/me"})";
  }
  body += "]}";
  expect_refused(body, "A batch holds at most 20 requests; this one has 21.");
}

TEST_F(BatchTest, TwentyRequestsAreAnsweredInOrder) {
  std::string body = R"({"requests":[)";
  for (int i = 0; i < 20; ++i) {
    body += (i == 0 ? "" : ",") + std::string(R"({"id":")") + std::to_string(i) +
            R"(","method":"GET","url":"/me/mailboxSettings/language"})";
  }
  body += "]}";
  const auto response = batch(body);
  ASSERT_EQ(response.result_int(), 200);
  const auto document = parse_json(response.body());
  ASSERT_EQ(document["responses"].Size(), 20U);
  for (rapidjson::SizeType i = 0; i < 20; ++i) {
    EXPECT_EQ(document["responses"][i]["id"].GetString(), std::to_string(i));
    EXPECT_EQ(document["responses"][i]["status"].GetInt(), 200);
  }
}

TEST_F(BatchTest, AbsoluteAndNestedBatchUrlsAreRefused) {
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"https://graph.microsoft.com/v1.0/me"}]})",
                 "Request 1 of the batch has an invalid url: only URLs relative to /v1.0 are accepted.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"//evil.example/me"}]})",
                 "Request 1 of the batch has an invalid url: only URLs relative to /v1.0 are accepted.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"/me x"}]})",
                 "Request 1 of the batch has an invalid url: only URLs relative to /v1.0 are accepted.");
  expect_refused(R"({"requests":[{"id":"1","method":"POST","url":"/$BATCH"}]})",
                 "Request 1 of the batch is a nested $batch, which is not supported.");
}

TEST_F(BatchTest, UnknownDependenciesAndCyclesAreRefused) {
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"/me","dependsOn":["9"]}]})",
                 "Request 1 of the batch depends on a request that is not in the batch.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"/me","dependsOn":["1"]}]})",
                 "Request 1 of the batch depends on a request that is not in the batch.");
  expect_refused(
      R"({"requests":[{"id":"1","method":"GET","url":"/me","dependsOn":"2"},{"id":"2","method":"GET","url":"/me"}]})",
      "Request 1 of the batch has a dependsOn that is not an array of ids.");
  expect_refused(R"({"requests":[{"id":"1","method":"GET","url":"/me","dependsOn":["2"]},)"
                 R"({"id":"2","method":"GET","url":"/me","dependsOn":["1"]}]})",
                 "The dependsOn members of the batch form a cycle.");
}

TEST_F(BatchTest, EachItemIsThrottledAsIfAloneAndTheEnvelopeStays200) {
  // Two requests per window for each (caller, mailbox): the third item is refused alone.
  rest::RestFacade throttled{*harness.core.service, core::ThrottleLimits{4, 2, std::chrono::seconds(600)}};
  rest::HttpRequest request{http::verb::post, "/v1.0/$batch", 11};
  request.set(http::field::content_type, "application/json");
  request.body() = R"({"requests":[{"id":"1","method":"GET","url":"/me/mailboxSettings/timeZone"},)"
                   R"({"id":"2","dependsOn":["1"],"method":"GET","url":"/me/mailboxSettings/language"},)"
                   R"({"id":"3","dependsOn":["2"],"method":"GET","url":"/me/mailboxSettings"}]})";
  std::promise<rest::HttpResponse> promise;
  throttled.handle(facade::describe_request(request, harness.caller_for(Credentials::bearer("adele-rw"))),
                   [&promise](rest::HttpResponse response) { promise.set_value(std::move(response)); });
  const auto response = promise.get_future().get();
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto document = parse_json(response.body());
  EXPECT_EQ(json_at(document, "/responses/0/status"), "200");
  EXPECT_EQ(json_at(document, "/responses/1/status"), "200");
  EXPECT_EQ(json_at(document, "/responses/2/status"), "429");
  EXPECT_EQ(json_at(document, "/responses/2/headers/Retry-After"), "\"600\"");
  EXPECT_EQ(json_at(document, "/responses/2/body/error/code"), "\"ApplicationThrottled\"");
}

TEST_F(BatchTest, ABatchWithAnotherMethodIs405) {
  const auto response = harness.get("/v1.0/$batch");
  EXPECT_EQ(response.result_int(), 405);
  EXPECT_EQ(header(response, "Allow"), "POST");
}

TEST_F(BatchTest, InvalidJsonIsTheUsualBadRequest) {
  const auto response = batch("{\"requests\":[");
  EXPECT_EQ(response.result_int(), 400);
  EXPECT_EQ(json_at(parse_json(response.body()), "/error/code"), "\"BadRequest\"");
}

}  // namespace
}  // namespace oofgate::testing
