#pragma once

#include <string>

#include "core/result.h"
#include "gateway/config/option_layer.h"

namespace oofgate::gateway {

// The TOML file of `serve --config FILE`: one top-level key per option, named like its flag
// without "--" (`listen = "127.0.0.1:8080"`, `body-limit = 1048576`), a string or an integer, or
// an array of them for a repeatable option (`jwt-issuer = ["https://a", "https://b"]`). No
// sections. A syntax error, an unknown key or a value of another type is an error naming the file,
// line and key; the values themselves are validated when the layer is applied.
core::Result<OptionLayer> read_config_file(const std::string& path);

}  // namespace oofgate::gateway
