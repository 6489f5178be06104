#include "gateway/observability/observability_flags.h"

#include <array>
#include <charconv>

namespace oofgate::gateway {
namespace {

constexpr std::array<std::string_view, 6> kFlags = {"--access-log",   "--audit-log", "--metrics",
                                                    "--admin-listen", "--log-level", "--log-format"};

std::optional<std::string> set_admin_listen(std::string_view value, ObservabilityOptions& options) {
  const auto colon = value.rfind(':');
  std::uint16_t port = 0;
  if (colon == std::string_view::npos || colon == 0) {
    return "--admin-listen needs HOST:PORT, got '" + std::string(value) + "'";
  }
  const auto digits = value.substr(colon + 1);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc() || end != digits.data() + digits.size()) {
    return "--admin-listen needs HOST:PORT, got '" + std::string(value) + "'";
  }
  std::string host(value.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  options.admin_host = std::move(host);
  options.admin_port = port;
  options.admin_listen = true;
  return std::nullopt;
}

}  // namespace

bool is_observability_flag(std::string_view flag) {
  for (const auto known : kFlags) {
    if (flag == known) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> set_observability_flag(std::string_view flag, std::string_view value,
                                                  ObservabilityOptions& options) {
  if (flag == "--access-log" || flag == "--audit-log") {
    if (value.empty()) {
      return std::string(flag) + " needs stdout, off or a file name";
    }
    (flag == "--access-log" ? options.access_log : options.audit_log) = value;
    return std::nullopt;
  }
  if (flag == "--metrics") {
    if (value != "on" && value != "off") {
      return "--metrics needs on or off, got '" + std::string(value) + "'";
    }
    options.metrics = value == "on";
    return std::nullopt;
  }
  if (flag == "--admin-listen") {
    return set_admin_listen(value, options);
  }
  if (flag == "--log-level") {
    constexpr std::array<std::pair<std::string_view, LogLevel>, 4> kLevels = {{{"error", LogLevel::kError},
                                                                               {"warn", LogLevel::kWarn},
                                                                               {"info", LogLevel::kInfo},
                                                                               {"debug", LogLevel::kDebug}}};
    for (const auto& [name, level] : kLevels) {
      if (value == name) {
        options.log_level = level;
        return std::nullopt;
      }
    }
    return "--log-level needs error, warn, info or debug, got '" + std::string(value) + "'";
  }
  if (value != "text" && value != "json") {
    return "--log-format needs text or json, got '" + std::string(value) + "'";
  }
  options.log_format = value == "json" ? LogFormat::kJson : LogFormat::kText;
  return std::nullopt;
}

}  // namespace oofgate::gateway
