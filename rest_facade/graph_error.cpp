#include "rest_facade/graph_error.h"

#include "core/text/utf8.h"

namespace oofgate::rest {
namespace {

using boost::beast::http::status;

constexpr const char* kRetryAfterSeconds = "5";

GraphError make(status code_status, std::string code, std::string message) {
  return GraphError{code_status, std::move(code), std::move(message), {}, {}};
}

}  // namespace

GraphError graph_error_from(const core::Error& error) {
  using core::ErrorCode;
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      return make(status::bad_request, "InvalidArguments", error.message);
    case ErrorCode::kInvalidTimeSettings:
      // Graph: documented PATCH workingHours error.
      return make(status::bad_request, "ErrorInvalidTimeSettings", error.message);
    case ErrorCode::kInvalidTimeZone:
      return make(status::bad_request, "InvalidTimeZone", "Time Zone settings provided are invalid.");
    case ErrorCode::kInvalidScheduledDuration:
      // Graph documents no code for this; the EWS code behind it is stable and self-explaining.
      return make(status::bad_request, "ErrorInvalidScheduledOofDuration",
                  "The scheduled duration for sending automatic replies isn't valid.");
    case ErrorCode::kUserNotFound:
      return make(status::not_found, "ErrorInvalidUser", error.message);
    case ErrorCode::kAccessDenied:
      return make(status::forbidden, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    case ErrorCode::kDelegatedOnly:
      return make(status::bad_request, "BadRequest", "/me request is only valid with delegated authentication flow.");
    case ErrorCode::kNotUmEnabled:
    case ErrorCode::kNotSupported:
      return make(status::bad_request, "ErrorInvalidRequest", "The OData request is not supported.");
    case ErrorCode::kStoreUnavailable: {
      // The core's text names the storage engine and its state, so it goes to the log only.
      GraphError result = make(status::service_unavailable, "ServiceUnavailable",
                               "The service is temporarily unavailable. Please retry later.");
      result.headers.emplace_back("Retry-After", kRetryAfterSeconds);
      result.log_detail = error.message;
      return result;
    }
    case ErrorCode::kRateLimited:
    case ErrorCode::kBusy: {
      // No Graph route reaches these today (only UM ResetPIN); mapped so the switch stays total.
      const bool busy = error.code == ErrorCode::kBusy;
      GraphError result = make(busy ? status::service_unavailable : status::too_many_requests,
                               busy ? "ServerBusy" : "TooManyRequests", error.message);
      result.headers.emplace_back("Retry-After", kRetryAfterSeconds);
      return result;
    }
    case ErrorCode::kInternal:
      break;
  }
  return internal_error(error.message);
}

GraphError empty_payload_error() {
  return make(status::bad_request, "BadRequest", "Empty Payload. JSON content expected.");
}

GraphError unreadable_payload_error() {
  return make(status::bad_request, "BadRequest",
              "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid "
              "JSON format.");
}

GraphError bad_request_error(std::string message) {
  return make(status::bad_request, "BadRequest", std::move(message));
}

GraphError payload_too_large_error(std::size_t limit_bytes) {
  return make(status::payload_too_large, "RequestEntityTooLarge",
              "The request body exceeds the limit of " + std::to_string(limit_bytes) + " bytes.");
}

GraphError literal_conversion_error(std::string_view literal, std::string_view type) {
  return request_body_read_error("Cannot convert the literal '" + core::printable_excerpt(literal) +
                                 "' to the expected type '" + std::string(type) + "'.");
}

GraphError requested_value_not_found_error(std::string_view value) {
  return invalid_arguments_error("Requested value '" + core::printable_excerpt(value) + "' was not found.");
}

GraphError repeated_query_option_error(std::string_view name) {
  return make(status::bad_request, "BadRequest",
              "Query option '" + core::printable_excerpt(name) +
                  "' was specified more than once, but it must be specified at most once.");
}

GraphError unknown_select_property_error(std::string_view name, std::string_view type) {
  return make(
      status::bad_request, "BadRequest",
      "Could not find a property named '" + core::printable_excerpt(name) + "' on type '" + std::string(type) + "'.");
}

GraphError request_body_read_error(std::string message) {
  return make(status::bad_request, "RequestBodyRead", std::move(message));
}

GraphError invalid_arguments_error(std::string message) {
  return make(status::bad_request, "InvalidArguments", std::move(message));
}

GraphError segment_not_found_error(std::string_view segment) {
  return make(status::bad_request, "BadRequest",
              "Resource not found for the segment '" + core::printable_excerpt(segment) + "'.");
}

GraphError method_not_allowed_error(std::string allow) {
  GraphError result = make(status::method_not_allowed, "MethodNotAllowed",
                           "Specified HTTP method is not allowed for the request target.");
  result.headers.emplace_back("Allow", std::move(allow));
  return result;
}

GraphError unauthenticated_error(std::string message) {
  GraphError result = make(status::unauthorized, "InvalidAuthenticationToken", std::move(message));
  // RFC 6750 §3: a bare challenge. Graph's own names Microsoft's login endpoint and Graph's
  // client id, which would send a client of this self-hosted service to Microsoft for a token
  // nobody here can verify; with --jwt-issuer the REST facade names the configured issuer.
  result.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"\"");
  return result;
}

GraphError unsupported_media_type_error() {
  return make(status::unsupported_media_type, "UnsupportedMediaType",
              "JSON requests are served under /v1.0 and /beta. The Exchange UM web service (*.asmx) accepts SOAP: "
              "text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2).");
}

GraphError throttled_error(std::chrono::seconds retry_after) {
  GraphError result =
      make(status::too_many_requests, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
  result.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
  return result;
}

GraphError internal_error(std::string detail) {
  GraphError result = make(status::internal_server_error, "InternalServerError", "An internal server error occurred.");
  result.log_detail = std::move(detail);
  return result;
}

}  // namespace oofgate::rest
