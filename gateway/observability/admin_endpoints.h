#pragma once

#include <optional>
#include <string_view>

#include "facade_common/http_types.h"
#include "gateway/observability/observability.h"

namespace oofgate::gateway {

// GET (or HEAD) /healthz, /readyz and, where `serve_metrics`, /metrics: the gateway's own answers
// for load balancers and Prometheus, without authentication. nullopt for any other request.
std::optional<facade::HttpResponse> answer_admin_request(const Observability& observability,
                                                         const facade::HttpRequest& request, std::string_view path,
                                                         bool serve_metrics);

}  // namespace oofgate::gateway
