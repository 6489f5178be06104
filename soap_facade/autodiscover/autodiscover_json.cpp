#include "soap_facade/autodiscover/autodiscover_json.h"

#include <array>
#include <optional>

#include "core/text/ascii.h"
#include "core/text/utf8.h"
#include "soap_facade/autodiscover/typed_response.h"

namespace oofgate::soap {
namespace {

namespace http = boost::beast::http;

struct Protocol {
  std::string_view name;  // the canonical spelling answered
  std::string_view path;  // under the public origin
};

constexpr std::array kProtocols = {
    Protocol{"EWS", "/EWS/Exchange.asmx"},
    Protocol{"AutodiscoverV1", "/autodiscover/autodiscover.xml"},
};

// The raw value of the first query parameter named `name` (case-insensitively).
std::optional<std::string_view> query_value(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const auto end = query.find('&');
    const auto pair = query.substr(0, end);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && core::iequals_ascii(pair.substr(0, equals), name)) {
      return pair.substr(equals + 1);
    }
    query = end == std::string_view::npos ? std::string_view{} : query.substr(end + 1);
  }
  return std::nullopt;
}

// A JSON string literal of untrusted text (already made printable by printable_excerpt()).
std::string json_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

facade::HttpResponse json_response(http::status status, std::string body) {
  return typed_response(status, "application/json; charset=utf-8", std::move(body));
}

facade::HttpResponse json_error(std::string_view code, std::string_view message) {
  return json_response(http::status::bad_request,
                       "{\"ErrorCode\":" + json_quoted(code) + ",\"ErrorMessage\":" + json_quoted(message) + "}");
}

}  // namespace

facade::HttpResponse answer_autodiscover_json(std::string_view query, std::string_view origin) {
  const auto requested = query_value(query, "Protocol");
  if (!requested || requested->empty()) {
    return json_error("MissingProtocol", "A valid value must be provided for the query parameter 'Protocol'.");
  }
  for (const auto& protocol : kProtocols) {
    if (core::iequals_ascii(*requested, protocol.name)) {
      const std::string base(origin.empty() ? std::string_view("http://localhost") : origin);
      // The origin is --public-url (checked to need no escaping) or the listen address.
      return json_response(http::status::ok, R"({"Protocol":")" + std::string(protocol.name) + R"(","Url":")" + base +
                                                 std::string(protocol.path) + "\"}");
    }
  }
  return json_error("ProtocolNotSupported", "Protocol: The protocol '" + core::printable_excerpt(*requested) +
                                                "' is not supported. Supported protocols are: 'EWS, AutodiscoverV1'.");
}

}  // namespace oofgate::soap
