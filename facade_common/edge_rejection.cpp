#include "facade_common/edge_rejection.h"

namespace oofgate::facade {

boost::beast::http::status EdgeRejection::status() const {
  using boost::beast::http::status;
  switch (condition) {
    case EdgeCondition::kMalformed:
      return status::bad_request;
    case EdgeCondition::kPayloadTooLarge:
      return status::payload_too_large;
    case EdgeCondition::kHeadersTooLarge:
      return status::request_header_fields_too_large;
    case EdgeCondition::kUriTooLong:
      return status::uri_too_long;
    case EdgeCondition::kTooManyFailures:
      return status::too_many_requests;
    case EdgeCondition::kServerBusy:
      return status::service_unavailable;
    case EdgeCondition::kInternalError:
      return status::internal_server_error;
  }
  return status::internal_server_error;
}

}  // namespace oofgate::facade
