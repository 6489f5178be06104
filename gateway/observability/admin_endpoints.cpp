#include "gateway/observability/admin_endpoints.h"

namespace oofgate::gateway {
namespace {

namespace http = boost::beast::http;

facade::HttpResponse text_response(http::status status, std::string_view content_type, std::string body) {
  facade::HttpResponse response{status, 11};
  response.set(http::field::content_type, content_type);
  // Probes and scrapes must see the state now, never a cached answer.
  response.set(http::field::cache_control, "no-store");
  response.body() = std::move(body);
  return response;
}

}  // namespace

std::optional<facade::HttpResponse> answer_admin_request(const Observability& observability,
                                                         const facade::HttpRequest& request, std::string_view path,
                                                         bool serve_metrics) {
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    return std::nullopt;
  }
  constexpr std::string_view kPlain = "text/plain; charset=utf-8";
  if (path == "/healthz") {
    return text_response(http::status::ok, kPlain, "ok\n");
  }
  if (path == "/readyz") {
    if (auto reason = observability.not_ready_reason()) {
      return text_response(http::status::service_unavailable, kPlain, "not ready: " + *reason + "\n");
    }
    return text_response(http::status::ok, kPlain, "ready\n");
  }
  if (path == "/metrics" && serve_metrics && observability.metrics_enabled()) {
    return text_response(http::status::ok, "text/plain; version=0.0.4; charset=utf-8", observability.scrape());
  }
  return std::nullopt;
}

}  // namespace oofgate::gateway
