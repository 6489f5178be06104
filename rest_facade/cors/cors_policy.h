#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facade_common/http_types.h"

namespace oofgate::rest {

// The CORS headers one Graph response carries (Fetch standard): nothing for a request without an
// Origin or from an origin not allowed.
struct CorsHeaders {
  std::string allow_origin;  // "*" or the echoed allowed origin; empty: add nothing
  bool vary_origin = false;  // the answer depends on Origin (an allow-list is configured)

  void apply(facade::HttpResponse& response) const;
};

// Which browser origins may call the Graph facade, as Graph answers single-page apps: any origin
// by default ("*", never with credentials: apps send bearer tokens, not cookies), or an allow-list
// (--cors-origin) whose matching origin is echoed with Vary: Origin.
class CorsPolicy {
 public:
  explicit CorsPolicy(std::vector<std::string> allowed_origins = {});

  // The headers for the actual response to `request`.
  CorsHeaders for_request(const facade::HttpRequest& request) const;
  // Fetch: a preflight is an OPTIONS request with Origin and Access-Control-Request-Method. It is
  // answered 204 before authentication (browsers never send credentials on it), with the allow
  // headers only when the origin is allowed; nullopt when `request` is not a preflight.
  std::optional<facade::HttpResponse> answer_preflight(const facade::HttpRequest& request) const;

 private:
  std::vector<std::string> allowed_origins_;  // empty: any origin
};

}  // namespace oofgate::rest
