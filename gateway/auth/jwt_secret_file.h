#pragma once

#include <string>

#include "core/result.h"

namespace oofgate::gateway {

// The HS256 secret of --jwt-hs256-secret-file / --secret-file: the file's bytes, less one final
// line break (so `echo secret > file` works), at least JwtVerifier::kMinSecretBytes and at most
// 4 KiB long.
core::Result<std::string> load_hs256_secret(const std::string& path);

}  // namespace oofgate::gateway
