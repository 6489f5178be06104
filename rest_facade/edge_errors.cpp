#include "rest_facade/edge_errors.h"

#include <string>

namespace oofgate::rest {
namespace {

std::string_view code_for(facade::EdgeCondition condition) {
  switch (condition) {
    case facade::EdgeCondition::kMalformed:
      return "BadRequest";
    case facade::EdgeCondition::kPayloadTooLarge:
      return "RequestEntityTooLarge";
    case facade::EdgeCondition::kHeadersTooLarge:
      return "RequestHeaderFieldsTooLarge";
    case facade::EdgeCondition::kUriTooLong:
      return "RequestUriTooLong";
    case facade::EdgeCondition::kTooManyFailures:
      return "TooManyRequests";
    case facade::EdgeCondition::kServerBusy:
      return "ServerBusy";
    case facade::EdgeCondition::kInternalError:
      return "InternalServerError";
  }
  return "InternalServerError";
}

}  // namespace

GraphError graph_error_for(const facade::EdgeRejection& rejection) {
  GraphError error;
  error.status = rejection.status();
  error.code = std::string(code_for(rejection.condition));
  error.message = rejection.message;
  if (rejection.retry_after.count() > 0) {
    error.headers.emplace_back("Retry-After", std::to_string(rejection.retry_after.count()));
  }
  return error;
}

}  // namespace oofgate::rest
