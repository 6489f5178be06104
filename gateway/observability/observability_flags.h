#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gateway/observability/observability_options.h"

namespace oofgate::gateway {

// --access-log, --audit-log, --metrics, --admin-listen, --log-level, --log-format.
bool is_observability_flag(std::string_view flag);
// Sets one of them; the usage error's text when `value` is not one it takes.
std::optional<std::string> set_observability_flag(std::string_view flag, std::string_view value,
                                                  ObservabilityOptions& options);

inline constexpr std::string_view kObservabilityUsage =
    "operations (README.md \"Operations\"):\n"
    "  --access-log stdout|off|FILE\n"
    "                         one JSON line per request (default stdout, after the ready line)\n"
    "  --audit-log stdout|off|FILE\n"
    "                         one JSON line per committed settings change (default stdout)\n"
    "  --metrics on|off       GET /metrics (Prometheus text) and the recording behind it (on)\n"
    "  --admin-listen HOST:PORT\n"
    "                         serve /metrics only there (with /healthz and /readyz)\n"
    "  --log-level error|warn|info|debug\n"
    "                         the error log on stderr (default info)\n"
    "  --log-format text|json the error log's format (default text)\n";

}  // namespace oofgate::gateway
