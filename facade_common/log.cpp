#include "facade_common/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/text/utf8.h"
#include "facade_common/log_time.h"

namespace oofgate::facade {
namespace {

std::atomic<LogLevel> threshold{LogLevel::kInfo};
std::atomic<LogFormat> line_format{LogFormat::kText};

std::string_view level_name(LogLevel level) {
  switch (level) {
    case LogLevel::kError:
      return "error";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kDebug:
      return "debug";
  }
  return "error";
}

void json_field(rapidjson::Writer<rapidjson::StringBuffer>& writer, const char* key, std::string_view value) {
  writer.Key(key);
  if (value.empty()) {
    writer.Null();
  } else {
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
}

// Messages may quote client bytes: every line is printable UTF-8 whatever it carries.
std::string json_line(LogLevel level, std::string_view component, std::string_view request_id,
                      const std::string& message) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  json_field(writer, "time", log_timestamp(std::chrono::system_clock::now()));
  json_field(writer, "level", level_name(level));
  json_field(writer, "component", component);
  json_field(writer, "request_id", core::printable_excerpt(request_id, 256));
  json_field(writer, "message", message);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string text_line(std::string_view component, std::string_view request_id, const std::string& message) {
  std::string line(component);
  if (!request_id.empty()) {
    line += " request-id=";
    line += core::printable_excerpt(request_id, 256);
  }
  line += ": ";
  line += message;
  return line;
}

}  // namespace

void configure_error_log(LogLevel level, LogFormat format) noexcept {
  threshold.store(level, std::memory_order_relaxed);
  line_format.store(format, std::memory_order_relaxed);
}

bool error_log_enabled(LogLevel level) noexcept { return level <= threshold.load(std::memory_order_relaxed); }

void log_line(LogLevel level, std::string_view component, std::string_view request_id,
              std::string_view message) noexcept {
  if (!error_log_enabled(level)) {
    return;
  }
  try {
    const std::string printable = core::printable_excerpt(message, 2048);
    std::string line = line_format.load(std::memory_order_relaxed) == LogFormat::kJson
                           ? json_line(level, component, request_id, printable)
                           : text_line(component, request_id, printable);
    line += '\n';
    std::string_view rest(line);
    while (!rest.empty()) {
      const ssize_t written = ::write(STDERR_FILENO, rest.data(), rest.size());
      if (written <= 0) {
        return;
      }
      rest.remove_prefix(static_cast<std::size_t>(written));
    }
  } catch (...) {
    // Out of memory while logging: the line is lost, the process is not.
  }
}

void log_event(std::string_view component, std::string_view request_id, std::string_view detail) noexcept {
  log_line(LogLevel::kError, component, request_id, detail);
}

}  // namespace oofgate::facade
