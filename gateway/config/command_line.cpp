#include "gateway/config/command_line.h"

#include <charconv>
#include <string_view>

namespace oofgate::gateway {

const char* const kUsage =
    "Usage:\n"
    "  oofgate serve --listen HOST:PORT (--data-dir DIR | --store URL) --users FILE [options]\n"
    "  oofgate --help\n"
    "\n"
    "Serves the Microsoft Graph mailboxSettings API (/v1.0, /beta) and the Exchange Unified\n"
    "Messaging SOAP web service (/UnifiedMessaging/Service.asmx, /EWS/UM2007Legacy.asmx) on one\n"
    "port, over one store.\n"
    "\n"
    "serve options:\n"
    "  --listen HOST:PORT     address to listen on (default 127.0.0.1:8080); port 0 picks a free\n"
    "                         port. When ready, prints 'oofgate listening on http://HOST:PORT'.\n"
    "  --data-dir DIR         directory of the embedded SQLite store (created if absent)\n"
    "  --store URL            a postgresql://USER@HOST:PORT/DB URL: use that PostgreSQL database\n"
    "                         instead of SQLite (--data-dir is then unused); any number of\n"
    "                         gateways may share it\n"
    "  --users FILE           users and tokens (JSON; see README.md, \"Users file\")\n"
    "  --threads N            I/O threads, each with its own event loop (default: one per core)\n"
    "  --body-limit BYTES     largest accepted request body (default 1048576)\n"
    "  --read-timeout SECONDS idle time allowed while reading a request (default 30)\n"
    "  --pin-length N         digits in a PIN made by UM ResetPIN, 4 to 24 (default 6); the PIN\n"
    "                         is written for the user to DIR/outbox/ (see README.md)\n"
    "  --commit-batch N       at most N writes per SQLite commit (default 0: every write queued\n"
    "                         while the previous commit ran shares the next one; 1 disables\n"
    "                         group commit, for comparison)\n"
    "  --throttle-concurrency N\n"
    "                         Graph requests of one caller to one mailbox that may be in flight\n"
    "                         at once (default 4; 0 = no limit); more answer 429\n"
    "  --throttle-requests N  Graph requests of one caller to one mailbox per window (default\n"
    "                         10000; 0 = no limit); more answer 429 with Retry-After\n"
    "  --throttle-window SECONDS\n"
    "                         length of that window (default 600)\n"
    "  --help                 show this text\n"
    "\n"
    "SIGINT or SIGTERM stop the gateway gracefully: in-flight requests finish first.\n";

namespace {

core::Error usage_error(const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message + "\n\n" + kUsage};
}

template <typename Int>
bool parse_int(std::string_view text, Int& out) {
  return !text.empty() && std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{} &&
         std::from_chars(text.data(), text.data() + text.size(), out).ptr == text.data() + text.size();
}

}  // namespace

core::Result<CommandLine> parse_command_line(int argc, const char* const* argv) {
  CommandLine command_line;
  if (argc < 2) {
    return usage_error("missing command");
  }
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    command_line.show_help = true;
    return command_line;
  }
  if (command != "serve") {
    return usage_error("unknown command '" + std::string(command) + "'");
  }
  ServeOptions options;
  for (int i = 2; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      command_line.show_help = true;
      return command_line;
    }
    if (i + 1 >= argc) {
      return usage_error("missing value for " + std::string(flag));
    }
    const std::string_view value = argv[++i];
    if (flag == "--listen") {
      const auto colon = value.rfind(':');
      if (colon == std::string_view::npos || !parse_int(value.substr(colon + 1), options.listen_port)) {
        return usage_error("--listen needs HOST:PORT, got '" + std::string(value) + "'");
      }
      options.listen_host = std::string(value.substr(0, colon));
      if (options.listen_host.size() > 2 && options.listen_host.front() == '[' && options.listen_host.back() == ']') {
        options.listen_host = options.listen_host.substr(1, options.listen_host.size() - 2);
      }
    } else if (flag == "--data-dir") {
      options.data_dir = value;
    } else if (flag == "--store") {
      if (!value.starts_with("postgresql://") && !value.starts_with("postgres://")) {
        return usage_error("--store needs a postgresql:// URL, got '" + std::string(value) + "'");
      }
      options.store_url = value;
    } else if (flag == "--users") {
      options.users_file = value;
    } else if (flag == "--threads") {
      if (!parse_int(value, options.threads) || options.threads == 0 || options.threads > 256) {
        return usage_error("--threads needs a number from 1 to 256");
      }
    } else if (flag == "--body-limit") {
      if (!parse_int(value, options.body_limit) || options.body_limit == 0) {
        return usage_error("--body-limit needs a positive number of bytes");
      }
    } else if (flag == "--read-timeout") {
      if (!parse_int(value, options.read_timeout_seconds) || options.read_timeout_seconds == 0) {
        return usage_error("--read-timeout needs a positive number of seconds");
      }
    } else if (flag == "--pin-length") {
      if (!parse_int(value, options.pin_length) || options.pin_length < 4 || options.pin_length > 24) {
        return usage_error("--pin-length needs a number of digits from 4 to 24");
      }
    } else if (flag == "--commit-batch") {
      if (!parse_int(value, options.commit_batch)) {
        return usage_error("--commit-batch needs a number (0 = unlimited)");
      }
    } else if (flag == "--throttle-concurrency") {
      if (!parse_int(value, options.throttle.max_concurrent)) {
        return usage_error("--throttle-concurrency needs a number (0 = no limit)");
      }
    } else if (flag == "--throttle-requests") {
      if (!parse_int(value, options.throttle.max_requests)) {
        return usage_error("--throttle-requests needs a number (0 = no limit)");
      }
    } else if (flag == "--throttle-window") {
      long long seconds = 0;
      if (!parse_int(value, seconds) || seconds <= 0 || seconds > 86400) {
        return usage_error("--throttle-window needs a number of seconds from 1 to 86400");
      }
      options.throttle.window = std::chrono::seconds(seconds);
    } else {
      return usage_error("unknown option " + std::string(flag));
    }
  }
  if (options.users_file.empty()) {
    return usage_error("serve needs --users FILE");
  }
  command_line.serve = options;
  return command_line;
}

}  // namespace oofgate::gateway
