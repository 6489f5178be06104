#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include <boost/beast/http/status.hpp>

namespace oofgate::facade {

// Why the gateway refuses a request before (or instead of) a facade handling it. The facade that
// owns the request renders it in its protocol (Graph error JSON, SOAP fault); the gateway answers
// in plain text only where no protocol can be told.
enum class EdgeCondition : std::uint8_t {
  kMalformed,        // 400: framing or syntax (RFC 9112)
  kPayloadTooLarge,  // 413
  kHeadersTooLarge,  // 431: header or trailer fields
  kUriTooLong,       // 414
  kTooManyFailures,  // 429: repeated authentication failures from one address
  kServerBusy,       // 503: the credential verifier is saturated
  kInternalError,    // 500: an exception reached the gateway's catch-all
};

struct EdgeRejection {
  EdgeCondition condition = EdgeCondition::kMalformed;
  std::string message;                  // safe to show: no client bytes unescaped, no internals
  std::chrono::seconds retry_after{0};  // for 429 and 503

  boost::beast::http::status status() const;
};

}  // namespace oofgate::facade
