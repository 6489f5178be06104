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
  std::string log_detail;                                    // for the log only; never sent
};

// The one mapping from core errors to Graph errors.
GraphError graph_error_from(const core::Error& error);

// Request-format errors raised at the facade edge, before the core is called (spec §4.3, §4.4).
// Factories whose argument is client text (a segment, a value, a name) pass it through
// core::printable_excerpt(), so an error never echoes ill-formed UTF-8 or an unbounded string.
GraphError empty_payload_error();
GraphError unreadable_payload_error();
// 400 BadRequest with a message of our own (a JSON limit crossed, an ill-formed string).
GraphError bad_request_error(std::string message);
// 413 RequestEntityTooLarge: the body is over `limit_bytes`.
GraphError payload_too_large_error(std::size_t limit_bytes);
GraphError request_body_read_error(std::string message);
// OData reader: "Cannot convert the literal '<literal>' to the expected type '<type>'."
GraphError literal_conversion_error(std::string_view literal, std::string_view type);
GraphError invalid_arguments_error(std::string message);
// InvalidArguments "Requested value '<value>' was not found." (a bad enum member or function argument).
GraphError requested_value_not_found_error(std::string_view value);
GraphError segment_not_found_error(std::string_view segment);
// OData: a query option given twice (RequestTarget::repeated_query_option()).
GraphError repeated_query_option_error(std::string_view name);
// $select names a property the type does not have.
GraphError unknown_select_property_error(std::string_view name, std::string_view type);
GraphError method_not_allowed_error(std::string allow);
GraphError unauthenticated_error(std::string message);
GraphError unsupported_media_type_error();
GraphError internal_error(std::string detail);
// Graph: 429 ApplicationThrottled with Retry-After in whole seconds (spec §4.5).
GraphError throttled_error(std::chrono::seconds retry_after);

}  // namespace oofgate::rest
