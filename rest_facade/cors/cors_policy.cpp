#include "rest_facade/cors/cors_policy.h"

#include <algorithm>

#include "core/text/ascii.h"
#include "rest_facade/wire/http_token.h"

namespace oofgate::rest {
namespace {

namespace http = boost::beast::http;

// What script may read from a Graph response (Graph's own list, as Dev Proxy replays it).
constexpr std::string_view kExposedHeaders =
    "ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id, ReadWriteConsistencyToken, "
    "SdkVersion, WWW-Authenticate, Retry-After";
constexpr std::string_view kAllowedMethods = "GET, POST, PATCH, PUT, DELETE, OPTIONS";
// Sent when the preflight names no headers, or names them in a form we do not echo.
constexpr std::string_view kDefaultAllowedHeaders =
    "authorization, content-type, client-request-id, sdkversion, prefer, consistencylevel, if-match, if-none-match, "
    "user-agent";
// Chromium caps the preflight cache at two hours.
constexpr std::string_view kMaxAgeSeconds = "7200";
constexpr std::size_t kMaxEchoedHeaderList = 1024;

std::string_view field(const facade::HttpRequest& request, std::string_view name) {
  const auto it = request.find(name);
  if (it == request.end()) {
    return {};
  }
  return std::string_view(it->value().data(), it->value().size());
}

// Access-Control-Request-Headers is a comma-separated list of field names (RFC 9110 tokens); only
// such a list is echoed, so no client byte that is not a token reaches a response header.
bool is_field_name_list(std::string_view list) {
  if (list.empty() || list.size() > kMaxEchoedHeaderList) {
    return false;
  }
  return std::all_of(list.begin(), list.end(), [](char c) { return is_token_char(c) || c == ',' || c == ' '; });
}

}  // namespace

void CorsHeaders::apply(facade::HttpResponse& response) const {
  if (vary_origin) {
    response.set(http::field::vary, "Origin");
  }
  if (allow_origin.empty()) {
    return;
  }
  response.set(http::field::access_control_allow_origin, allow_origin);
  response.set(http::field::access_control_expose_headers, kExposedHeaders);
}

CorsPolicy::CorsPolicy(std::vector<std::string> allowed_origins) : allowed_origins_(std::move(allowed_origins)) {}

CorsHeaders CorsPolicy::for_request(const facade::HttpRequest& request) const {
  CorsHeaders headers;
  headers.vary_origin = !allowed_origins_.empty();
  const auto origin = field(request, "Origin");
  if (origin.empty()) {
    return headers;
  }
  if (allowed_origins_.empty()) {
    headers.allow_origin = "*";
    return headers;
  }
  // Fetch compares origins byte for byte (serialized origins are already lower-case).
  if (std::find(allowed_origins_.begin(), allowed_origins_.end(), origin) != allowed_origins_.end()) {
    headers.allow_origin = std::string(origin);
  }
  return headers;
}

std::optional<facade::HttpResponse> CorsPolicy::answer_preflight(const facade::HttpRequest& request) const {
  if (request.method() != http::verb::options || field(request, "Origin").empty() ||
      field(request, "Access-Control-Request-Method").empty()) {
    return std::nullopt;
  }
  facade::HttpResponse response{http::status::no_content, 11};
  const auto headers = for_request(request);
  headers.apply(response);
  if (headers.allow_origin.empty()) {
    return response;
  }
  // Expose-Headers belongs to actual responses only.
  response.erase(http::field::access_control_expose_headers);
  response.set(http::field::access_control_allow_methods, kAllowedMethods);
  const auto requested = field(request, "Access-Control-Request-Headers");
  response.set(http::field::access_control_allow_headers,
               is_field_name_list(requested) ? core::to_lower_ascii(requested) : std::string(kDefaultAllowedHeaders));
  response.set(http::field::access_control_max_age, kMaxAgeSeconds);
  return response;
}

}  // namespace oofgate::rest
