#include "gateway/config/config_file.h"

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include <toml++/toml.h>

namespace oofgate::gateway {
namespace {

core::Error config_error(const std::string& message) { return core::Error{core::ErrorCode::kInvalidArgument, message}; }

std::string at(const std::string& path, const toml::source_region& where) {
  return path + ":" + std::to_string(where.begin.line);
}

// A scalar as the text a flag would carry; nullopt for booleans, floats, dates and tables.
std::optional<std::string> scalar_text(const toml::node& node) {
  if (const auto* text = node.as_string()) {
    return text->get();
  }
  if (const auto* number = node.as_integer()) {
    return std::to_string(number->get());
  }
  return std::nullopt;
}

}  // namespace

core::Result<OptionLayer> read_config_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return config_error("cannot open config file " + path + ": " + std::generic_category().message(errno));
  }
  std::ostringstream content;
  content << file.rdbuf();
  toml::table table;
  try {
    table = toml::parse(content.str(), path);
  } catch (const toml::parse_error& error) {
    return config_error(at(path, error.source()) + ":" + std::to_string(error.source().begin.column) +
                        ": not valid TOML: " + std::string(error.description()));
  }
  OptionLayer layer;
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    const std::string origin = at(path, key.source()) + ": key '" + name + "'";
    const auto* option = find_serve_option(name);
    if (option == nullptr) {
      return config_error(at(path, key.source()) + ": unknown key '" + name +
                          "' (keys are the serve flags without '--')");
    }
    if (const auto* array = node.as_array(); array != nullptr && option->repeatable()) {
      for (const auto& element : *array) {
        const auto text = scalar_text(element);
        if (!text) {
          return config_error(origin + " needs an array of strings");
        }
        layer.push_back({option, *text, origin});
      }
      continue;
    }
    const auto text = scalar_text(node);
    if (!text) {
      return config_error(origin + " needs a string or an integer" +
                          (option->repeatable() ? std::string(", or an array of them") : std::string()));
    }
    layer.push_back({option, *text, origin});
  }
  return layer;
}

}  // namespace oofgate::gateway
