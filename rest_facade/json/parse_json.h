#pragma once

#include <string_view>
#include <variant>

#include <rapidjson/document.h>

#include "rest_facade/graph_error.h"
#include "rest_facade/json/json_limits.h"

namespace oofgate::rest {

// The one way a Graph request body becomes a JSON document. The parse never recurses on the
// stack, stops at the first limit crossed, and refuses any string (value or member name) that is
// not well-formed UTF-8, raw or escaped (a lone surrogate such as "\udc00"), so nothing stored or
// echoed from a body can make oofgate write ill-formed UTF-8.
std::variant<rapidjson::Document, GraphError> parse_json_body(std::string_view body, const JsonLimits& limits);

}  // namespace oofgate::rest
