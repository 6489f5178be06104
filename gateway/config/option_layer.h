#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "gateway/config/serve_option_table.h"

namespace oofgate::gateway {

// One value for one option, and where it came from for error messages ("--listen",
// "environment variable OOFGATE_LISTEN", "/etc/oofgate.toml:3: key 'listen'").
struct OptionSetting {
  const ServeOptionSpec* option;
  std::string value;
  std::string origin;
};

// The values one source (config file, environment, command line) gives, in its order.
using OptionLayer = std::vector<OptionSetting>;

// Applies a layer over what lower-precedence layers set: a repeatable option set in this layer
// loses the values of lower layers. The error is "<origin> <what was expected>".
core::Status apply_layer(const OptionLayer& layer, ServeOptions& options);

// getenv, or a map in tests.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvironmentLookup process_environment();

// OOFGATE_<NAME> for every option of the table, and OOFGATE_<NAME>_FILE, whose value names a
// file holding the value (one trailing newline is dropped). A repeatable option's variable holds
// its values separated by whitespace. Other OOFGATE_ variables are not options and are ignored.
core::Result<OptionLayer> read_environment(const EnvironmentLookup& environment);

}  // namespace oofgate::gateway
