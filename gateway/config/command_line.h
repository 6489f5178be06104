#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/service/throttle.h"

namespace oofgate::gateway {

struct ServeOptions {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::string data_dir = "data";
  std::string store_url;  // postgresql://...: the shared PostgreSQL store; empty: SQLite in data_dir
  std::string users_file;
  unsigned threads = 0;  // 0 = one per core
  std::size_t body_limit = 1024 * 1024;
  unsigned read_timeout_seconds = 30;
  std::size_t pin_length = 6;  // ResetPIN: digits in a new UM PIN (core::PinPolicy::min_length)
  std::size_t commit_batch = 0;  // 0: group commit; N: at most N writes per commit
  core::ThrottleLimits throttle;  // Graph requests per (caller, mailbox); Graph's limits by default
};

struct CommandLine {
  bool show_help = false;
  std::optional<ServeOptions> serve;
};

core::Result<CommandLine> parse_command_line(int argc, const char* const* argv);
extern const char* const kUsage;

}  // namespace oofgate::gateway
