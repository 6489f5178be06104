#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <boost/beast/http.hpp>

#include "core/result.h"

namespace oofgate::rest {

// One Graph error response before the envelope is rendered:
// {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
struct GraphError {
  boost::beast::http::status status = boost::beast::http::status::bad_request;
  std::string code;
  std::string message;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Allow, Retry-After
  std::string log_detail;  // for the log only; never sent
};

// The one mapping from core errors to Graph errors.
GraphError graph_error_from(const core::Error& error);

// Request-format errors raised at the facade edge, before the core is called (spec §4.3, §4.4).
GraphError empty_payload_error();
GraphError unreadable_payload_error();
GraphError request_body_read_error(std::string message);
GraphError invalid_arguments_error(std::string message);
GraphError segment_not_found_error(std::string_view segment);
GraphError method_not_allowed_error(std::string allow);
GraphError unauthenticated_error(std::string message);
GraphError unsupported_media_type_error();
GraphError internal_error(std::string detail);
// Graph: 429 ApplicationThrottled with Retry-After in whole seconds (spec §4.5).
GraphError throttled_error(std::chrono::seconds retry_after);

}  // namespace oofgate::rest
