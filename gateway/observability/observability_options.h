#pragma once

#include <cstdint>
#include <string>

#include "facade_common/log.h"

namespace oofgate::gateway {

// The error log's settings belong to facade::log_line, which every stderr line goes through.
using LogFormat = facade::LogFormat;
using LogLevel = facade::LogLevel;

// The operator's view of a running gateway: logs, metrics, health (README "Operations").
struct ObservabilityOptions {
  std::string access_log = "stdout";  // --access-log stdout|off|FILE: one JSON object per request
  std::string audit_log = "stdout";   // --audit-log stdout|off|FILE: one JSON object per settings change
  bool metrics = true;                // --metrics on|off: GET /metrics and the recording behind it
  std::string admin_host;             // --admin-listen HOST:PORT: metrics only there (and health)
  std::uint16_t admin_port = 0;
  bool admin_listen = false;
  LogLevel log_level = LogLevel::kInfo;     // --log-level error|warn|info|debug: the error log on stderr
  LogFormat log_format = LogFormat::kText;  // --log-format text|json
};

}  // namespace oofgate::gateway
