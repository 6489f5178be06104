#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "gateway/config/command_line.h"

namespace oofgate::gateway {

// Where an option is listed in --help and in README.md "Configuration".
enum class OptionGroup { kServe, kTls, kJwt, kOperations, kLimits };

// One `serve` option. Every way of setting it derives from this row:
//   flag         `--<name> VALUE`
//   config file  key `<name>` at the top level of the TOML file (a string, an integer, or for a
//                repeatable option an array of them)
//   environment  `OOFGATE_<NAME>`: the name in upper case with '-' as '_' (environment_name());
//                `OOFGATE_<NAME>_FILE` reads the value from that file (for secrets)
// `set` parses and validates one value into ServeOptions; it returns what was expected when the
// value is refused ("needs a number from 1 to 256"), which the caller prefixes with where the
// value came from. A repeatable option has `clear_values`, and `set` appends: a higher-precedence
// source clears the values of a lower one before it sets its own.
struct ServeOptionSpec {
  std::string_view name;           // without "--"; also the TOML key
  std::string_view value_name;     // in --help: "BYTES", "FILE", "HOST:PORT"
  std::string_view default_value;  // as documented; "" when the option is unset by default
  std::string_view help;           // one sentence, wrapped by --help
  OptionGroup group;
  void (*clear_values)(ServeOptions& options);  // nullptr: one value, which a later one replaces
  std::optional<std::string> (*set)(std::string_view value, ServeOptions& options);

  bool repeatable() const { return clear_values != nullptr; }
};

std::span<const ServeOptionSpec> serve_option_table();
const ServeOptionSpec* find_serve_option(std::string_view name);
// OOFGATE_DATA_DIR for data-dir.
std::string environment_name(const ServeOptionSpec& option);
// The `serve` part of --help, generated from the table.
std::string serve_options_help();

}  // namespace oofgate::gateway
