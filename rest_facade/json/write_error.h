#pragma once

#include <string>
#include <string_view>

#include "rest_facade/graph_error.h"

namespace oofgate::rest {

// Graph error envelope: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
std::string error_body(const GraphError& error, std::string_view date, std::string_view request_id,
                       std::string_view client_request_id);

}  // namespace oofgate::rest
