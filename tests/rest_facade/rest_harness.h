#pragma once

#include <future>
#include <regex>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "rest_facade/rest_facade.h"
#include "support/core_fixture.h"

namespace oofgate::testing {

namespace http = boost::beast::http;

// How a test request authenticates: no header, a bearer token (verified against the fixture's
// directory, so unknown tokens arrive unauthenticated), or HTTP Basic for a real user.
struct Credentials {
  core::CredentialScheme scheme = core::CredentialScheme::kNone;
  std::string token;

  static Credentials none() { return {}; }
  static Credentials bearer(std::string token) { return {core::CredentialScheme::kBearer, std::move(token)}; }
  static Credentials basic_adele() { return {core::CredentialScheme::kBasic, {}}; }
};

struct RequestSpec {
  http::verb method = http::verb::get;
  std::string target;
  Credentials credentials = Credentials::bearer("adele-rw");
  std::string body;
  std::string content_type = "application/json";  // empty: no Content-Type header
  std::string client_request_id;                  // empty: header not sent
};

// A CoreFixture with a RestFacade on top; requests go in as raw Beast requests.
struct RestHarness {
  CoreFixture core;
  rest::RestFacade facade{*core.service};

  core::Caller caller_for(const Credentials& credentials) const {
    core::Caller caller;
    caller.scheme = credentials.scheme;
    if (credentials.scheme == core::CredentialScheme::kBearer) {
      caller.principal = core.directory->authenticate_bearer(credentials.token);
    } else if (credentials.scheme == core::CredentialScheme::kBasic) {
      caller.principal = core.directory->authenticate_basic(kAdeleUpn, kAdelePassword);
    }
    return caller;
  }

  // Waits for Respond, which may run on the store's committer thread; counts the calls.
  rest::HttpResponse call(const RequestSpec& spec) {
    rest::HttpRequest request{spec.method, spec.target, 11};
    request.set(http::field::host, "graph.example");
    if (!spec.content_type.empty()) {
      request.set(http::field::content_type, spec.content_type);
    }
    if (!spec.client_request_id.empty()) {
      request.set("client-request-id", spec.client_request_id);
    }
    request.body() = spec.body;
    request.prepare_payload();
    std::promise<rest::HttpResponse> promise;
    auto future = promise.get_future();
    facade.handle(facade::describe_request(request, caller_for(spec.credentials)),
                  [&promise](rest::HttpResponse response) { promise.set_value(std::move(response)); });
    return future.get();
  }

  rest::HttpResponse get(std::string target, Credentials credentials = Credentials::bearer("adele-rw")) {
    return call({http::verb::get, std::move(target), std::move(credentials), "", "application/json", ""});
  }
  rest::HttpResponse patch(std::string target, std::string body,
                           Credentials credentials = Credentials::bearer("adele-rw")) {
    return call(
        {http::verb::patch, std::move(target), std::move(credentials), std::move(body), "application/json", ""});
  }
};

inline rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  return document;
}

// The JSON text of the value at a JSON pointer ("/a/b/0"), or "<absent>".
inline std::string json_at(const rapidjson::Document& document, const char* pointer) {
  const rapidjson::Value* value = rapidjson::Pointer(pointer).Get(document);
  if (value == nullptr) {
    return "<absent>";
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value->Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

inline std::string header(const rest::HttpResponse& response, std::string_view name) {
  const auto it = response.find(name);
  return it == response.end() ? std::string("<absent>") : std::string(it->value());
}

inline bool is_guid(const std::string& text) {
  static const std::regex kGuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  return std::regex_match(text, kGuid);
}

// Spec items 18 and 19: the headers every Graph response carries.
inline void expect_graph_headers(const rest::HttpResponse& response) {
  EXPECT_EQ(header(response, "Content-Type"),
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
  EXPECT_EQ(header(response, "OData-Version"), "4.0");
  EXPECT_EQ(header(response, "Cache-Control"), "private");
  EXPECT_TRUE(is_guid(header(response, "request-id"))) << header(response, "request-id");
  EXPECT_NE(header(response, "client-request-id"), "<absent>");
}

// Spec item 20: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
inline void expect_error_envelope(const rest::HttpResponse& response, const rapidjson::Document& document) {
  static const std::regex kDate("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d$");
  ASSERT_TRUE(document.IsObject() && document.HasMember("error"));
  const auto& error = document["error"];
  ASSERT_TRUE(error.IsObject());
  EXPECT_TRUE(error.HasMember("code") && error["code"].IsString());
  EXPECT_TRUE(error.HasMember("message") && error["message"].IsString());
  ASSERT_TRUE(error.HasMember("innerError") && error["innerError"].IsObject());
  const auto& inner = error["innerError"];
  ASSERT_TRUE(inner.HasMember("date") && inner.HasMember("request-id") && inner.HasMember("client-request-id"));
  EXPECT_TRUE(std::regex_match(std::string(inner["date"].GetString()), kDate));
  EXPECT_EQ(inner["date"].GetString(), std::string("2030-01-15T12:00:00"));  // the fixture's clock
  EXPECT_EQ(inner["request-id"].GetString(), header(response, "request-id"));
  EXPECT_EQ(inner["client-request-id"].GetString(), header(response, "client-request-id"));
}

}  // namespace oofgate::testing
