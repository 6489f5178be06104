#pragma once

#include <span>
#include <variant>

#include "rest_facade/graph_error.h"
#include "rest_facade/routing/route.h"

namespace oofgate::rest {

// The facade's one declared route table.
std::span<const Route> route_table();

struct RouteFound {
  RouteHandler handler;
  RouteMatch match;
  std::string_view operation;
};

// Finds the route for a request, or the Graph error for an unknown path (400, naming the first
// segment no route accepts) or a known path with another method (405 with Allow).
std::variant<RouteFound, GraphError> find_route(std::span<const Route> routes, boost::beast::http::verb method,
                                                const RequestTarget& target);

}  // namespace oofgate::rest
