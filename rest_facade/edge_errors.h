#pragma once

#include "facade_common/edge_rejection.h"
#include "rest_facade/graph_error.h"

namespace oofgate::rest {

// The Graph error for each condition the gateway refuses at its edge (413, 431, 429, 503, ...).
GraphError graph_error_for(const facade::EdgeRejection& rejection);

}  // namespace oofgate::rest
