#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "core/result.h"

namespace oofgate::gateway {

struct HttpsFetchOptions {
  std::string url;                           // https://HOST[:PORT]/PATH; any other scheme is refused
  std::string ca_file;                       // PEM CAs to trust; empty: the system's trust store
  std::size_t max_body_bytes = 1024 * 1024;  // a longer body fails the fetch as soon as it is seen
  std::chrono::seconds timeout{10};          // for the whole exchange: resolve, connect, handshake, read
};

// One HTTPS GET for a small document (a JWKS), on the calling thread, which it blocks for at
// most `timeout`. The server's certificate must chain to `ca_file` (or the system store) and
// name the URL's host; the answer must be 200 within the bounds. Memory stays bounded by
// `max_body_bytes` whatever the server sends. The error message names the URL and the step
// that failed.
core::Result<std::string> fetch_https(const HttpsFetchOptions& options);

}  // namespace oofgate::gateway
