#include "gateway/config/option_layer.h"

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <system_error>

namespace oofgate::gateway {
namespace {

core::Error config_error(const std::string& message) { return core::Error{core::ErrorCode::kInvalidArgument, message}; }

// A secret's file: bounded, since it is read whole; one trailing newline (as `echo` writes) dropped.
core::Result<std::string> read_value_file(const std::string& path, const std::string& origin) {
  constexpr std::size_t kMaxValueBytes = 64 * 1024;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return config_error(origin + ": cannot read " + path + ": " + std::generic_category().message(errno));
  }
  std::string value;
  value.resize(kMaxValueBytes + 1);
  file.read(value.data(), static_cast<std::streamsize>(value.size()));
  value.resize(static_cast<std::size_t>(file.gcount()));
  if (value.size() > kMaxValueBytes) {
    return config_error(origin + ": " + path + " is longer than 65536 bytes");
  }
  if (value.ends_with('\n')) {
    value.pop_back();
    if (value.ends_with('\r')) {
      value.pop_back();
    }
  }
  return value;
}

void add_values(const ServeOptionSpec& option, const std::string& value, const std::string& origin,
                OptionLayer& layer) {
  if (!option.repeatable()) {
    layer.push_back({&option, value, origin});
    return;
  }
  std::istringstream words(value);
  for (auto word = std::istream_iterator<std::string>(words); word != std::istream_iterator<std::string>(); ++word) {
    layer.push_back({&option, *word, origin});
  }
}

}  // namespace

core::Status apply_layer(const OptionLayer& layer, ServeOptions& options) {
  std::set<const ServeOptionSpec*> replaced;
  for (const auto& setting : layer) {
    if (setting.option->repeatable() && replaced.insert(setting.option).second) {
      setting.option->clear_values(options);  // lower layers' values give way to this one's
    }
    if (auto expected = setting.option->set(setting.value, options)) {
      return config_error(setting.origin + " " + *expected);
    }
  }
  return core::ok_status();
}

EnvironmentLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    // Read while options are parsed, before any thread is started.
    const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe)
    return value != nullptr ? std::optional<std::string>(value) : std::nullopt;
  };
}

core::Result<OptionLayer> read_environment(const EnvironmentLookup& environment) {
  OptionLayer layer;
  for (const auto& option : serve_option_table()) {
    const std::string name = environment_name(option);
    const auto direct = environment(name);
    const auto from_file = environment(name + "_FILE");
    if (direct && from_file) {
      std::string both = "environment variables ";
      both.append(name).append(" and ").append(name).append("_FILE are both set; use one");
      return config_error(both);
    }
    if (direct) {
      add_values(option, *direct, "environment variable " + name, layer);
    } else if (from_file) {
      const std::string origin = "environment variable " + name + "_FILE";
      auto value = read_value_file(*from_file, origin);
      if (!value) {
        return value.error();
      }
      add_values(option, value.value(), origin + " (" + *from_file + ")", layer);
    }
  }
  return layer;
}

}  // namespace oofgate::gateway
