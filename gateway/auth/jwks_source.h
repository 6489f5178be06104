#pragma once

#include <chrono>
#include <string>

#include "core/result.h"
#include "gateway/auth/jwt_key_set.h"

namespace oofgate::gateway {

// Where the identity provider's signing keys come from: `--jwks FILE` or `--jwks https://...`.
struct JwksSource {
  std::string location;                   // a file path, or an https:// URL; empty: no JWKS
  std::string ca_file;                    // --jwks-ca: PEM CAs for the URL; empty: the system's store
  std::chrono::seconds timeout{10};       // one fetch, end to end
  std::chrono::seconds min_interval{60};  // at most one refresh per interval (on an unknown kid)

  bool empty() const { return location.empty(); }
  bool is_url() const;
};

// Reads or fetches the key set once, on the calling thread (bounded by the file size limit or
// the fetch timeout). `http://` is refused: keys fetched in the clear could be anyone's.
core::Result<JwtKeySet> load_jwks(const JwksSource& source);

}  // namespace oofgate::gateway
