#include "gateway/config/command_line.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>
#include <variant>

namespace oofgate::gateway {

const char* const kUsage =
    "Usage:\n"
    "  oofgate serve --listen HOST:PORT (--data-dir DIR | --store URL) --users FILE [options]\n"
    "  oofgate token --secret-file FILE --issuer URL --audience AUD (--user UPN | --app NAME)\n"
    "                [--scopes \"S1 S2\"] [--roles \"R1 R2\"] [--ttl SECONDS]\n"
    "  oofgate users list|add|remove|passwd --users FILE [...]  (oofgate users --help)\n"
    "  oofgate export (--data-dir DIR | --store URL) > FILE\n"
    "  oofgate import (--data-dir DIR | --store URL) [--replace] < FILE\n"
    "  oofgate --help\n"
    "\n"
    "Serves the Microsoft Graph mailboxSettings API (/v1.0, /beta) and the Exchange Unified\n"
    "Messaging SOAP web service (/UnifiedMessaging/Service.asmx, /EWS/UM2007Legacy.asmx) on one\n"
    "port, over one store.\n"
    "\n"
    "serve options:\n"
    "  --listen HOST:PORT     address to listen on (default 127.0.0.1:8080); port 0 picks a free\n"
    "                         port. When ready, prints 'oofgate listening on http://HOST:PORT'.\n"
    "  --data-dir DIR         directory of the embedded SQLite store (created if absent); one\n"
    "                         oofgate at a time may use it (it is locked while serve runs)\n"
    "  --store URL            a postgresql://USER@HOST:PORT/DB URL: use that PostgreSQL database\n"
    "                         instead of SQLite (--data-dir then holds only the ResetPIN\n"
    "                         outbox); any number of gateways may share it, each with its own\n"
    "                         --data-dir\n"
    "  --users FILE           users and tokens (JSON; see README.md, \"Users file\")\n"
    "  --threads N            I/O threads, each with its own event loop (default: one per core)\n"
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
    "  --jwks FILE            JSON Web Key Set of the identity provider: accept its RS256/ES256\n"
    "                         JWT bearer tokens (re-read on an unknown kid, at most once a minute)\n"
    "  --jwt-hs256-secret-file FILE\n"
    "                         accept HS256 JWTs signed with this secret (tests, demos)\n"
    "  --jwt-issuer URL       the tokens' iss; repeatable; required with --jwks or a secret\n"
    "  --jwt-audience ID      the tokens' aud must contain it; required with --jwks or a secret\n"
    "  --jwt-leeway SECONDS   clock skew allowed on exp, nbf and iat (default 300)\n"
    "  --tls-cert FILE        serve HTTPS (TLS 1.2 and 1.3) with this PEM certificate chain\n"
    "  --tls-key FILE         and this PEM private key; the ready line then says https://\n"
    "  --public-url URL       the URL clients reach this gateway at (https://mail.contoso.com),\n"
    "                         for the addresses it writes (the WSDL's); default: the scheme and\n"
    "                         --listen address\n"
    "  --help                 show this text\n"
    "\n"
    "limits (README.md \"Limits\" says what a client gets beyond each one):\n"
    "  --body-limit BYTES     one request body (default 1048576)\n"
    "  --header-limit BYTES   request line and header fields of one request (default 16384)\n"
    "  --header-count N       header fields in one request (default 100)\n"
    "  --trailer-limit BYTES  trailer fields of one chunked request (default 4096)\n"
    "  --url-limit BYTES      the request target (default 8192)\n"
    "  --read-timeout SECONDS time allowed to read the head and body of one request (default 30)\n"
    "  --idle-timeout SECONDS time a kept-alive connection may wait for its next request\n"
    "                         (default 60)\n"
    "  --max-connections N    open connections of the process; more are accepted and closed at\n"
    "                         once (default 16384)\n"
    "  --json-max-depth N     nesting of a Graph JSON body (default 64)\n"
    "  --json-max-string BYTES\n"
    "                         one string in a Graph JSON body (default 262144)\n"
    "  --xml-max-depth N      nesting of a SOAP envelope (default 64)\n"
    "  --xml-max-elements N   elements in a SOAP envelope (default 10000)\n"
    "  --xml-max-attributes N attributes on one element of a SOAP envelope (default 64)\n"
    "  --auth-failures N      failed Basic logins from one client address per window; more are\n"
    "                         refused without checking the password (default 10)\n"
    "  --auth-failure-window SECONDS\n"
    "                         length of that window (default 60)\n"
    "  --auth-workers N       threads that verify passwords (default 2)\n"
    "  --auth-queue N         password checks that may wait for those threads; more answer 503\n"
    "                         (default 64)\n"
    "  --reset-pin-limit N    UM ResetPIN calls per user per window (default 3)\n"
    "  --reset-pin-window SECONDS\n"
    "                         length of that window (default 600)\n"
    "\n"
    "token prints an HS256 JWT (for demos and tests), verifiable with the same secret file,\n"
    "issuer and audience; --scopes default to \"MailboxSettings.ReadWrite User.Read\"\n"
    "(delegated), --roles to \"MailboxSettings.ReadWrite\" (application), --ttl to 3600.\n"
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

// A limit flag: the ServeLimits member it sets and the values it accepts.
struct LimitFlag {
  std::string_view name;
  std::variant<std::size_t ServeLimits::*, std::chrono::seconds ServeLimits::*> member;
  std::uint64_t min;
  std::uint64_t max;
};

constexpr std::uint64_t kKiB = 1024;
constexpr std::uint64_t kMiB = 1024 * kKiB;
constexpr std::uint64_t kDay = 86400;

// The bounds keep every value within what the enforcing component can represent (Beast's
// header limit is 32-bit) and rule out values that could only be typing mistakes.
constexpr std::array kLimitFlags{
    LimitFlag{"--body-limit", &ServeLimits::body_bytes, 1, 1024 * kMiB},
    LimitFlag{"--header-limit", &ServeLimits::header_bytes, kKiB, kMiB},
    LimitFlag{"--header-count", &ServeLimits::header_count, 1, 10000},
    LimitFlag{"--trailer-limit", &ServeLimits::trailer_bytes, 0, kMiB},
    LimitFlag{"--url-limit", &ServeLimits::url_bytes, 64, kMiB},
    LimitFlag{"--read-timeout", &ServeLimits::read_timeout, 1, 3600},
    LimitFlag{"--idle-timeout", &ServeLimits::idle_timeout, 1, kDay},
    LimitFlag{"--max-connections", &ServeLimits::max_connections, 1, 10'000'000},
    LimitFlag{"--json-max-depth", &ServeLimits::json_max_depth, 1, 10000},
    LimitFlag{"--json-max-string", &ServeLimits::json_max_string_bytes, 1, 1024 * kMiB},
    LimitFlag{"--xml-max-depth", &ServeLimits::xml_max_depth, 1, 10000},
    LimitFlag{"--xml-max-elements", &ServeLimits::xml_max_elements, 1, 100'000'000},
    LimitFlag{"--xml-max-attributes", &ServeLimits::xml_max_attributes, 1, 100000},
    LimitFlag{"--auth-failures", &ServeLimits::auth_failures, 1, 1'000'000},
    LimitFlag{"--auth-failure-window", &ServeLimits::auth_failure_window, 1, kDay},
    LimitFlag{"--auth-workers", &ServeLimits::auth_workers, 1, 256},
    LimitFlag{"--auth-queue", &ServeLimits::auth_queue, 1, 1'000'000},
    LimitFlag{"--reset-pin-limit", &ServeLimits::reset_pin_limit, 1, 1000},
    LimitFlag{"--reset-pin-window", &ServeLimits::reset_pin_window, 1, kDay},
};

const LimitFlag* find_limit_flag(std::string_view name) {
  for (const auto& flag : kLimitFlags) {
    if (flag.name == name) {
      return &flag;
    }
  }
  return nullptr;
}

core::Result<bool> set_limit(const LimitFlag& flag, std::string_view value, ServeLimits& limits) {
  const bool seconds = std::holds_alternative<std::chrono::seconds ServeLimits::*>(flag.member);
  std::uint64_t number = 0;
  if (!parse_int(value, number) || number < flag.min || number > flag.max) {
    return usage_error(std::string(flag.name) + " needs a number" + (seconds ? " of seconds" : "") + " from " +
                       std::to_string(flag.min) + " to " + std::to_string(flag.max) + ", got '" + std::string(value) +
                       "'");
  }
  if (seconds) {
    limits.*std::get<std::chrono::seconds ServeLimits::*>(flag.member) =
        std::chrono::seconds(static_cast<std::chrono::seconds::rep>(number));
  } else {
    limits.*std::get<std::size_t ServeLimits::*>(flag.member) = static_cast<std::size_t>(number);
  }
  return true;
}

core::Result<TokenOptions> parse_token_options(int argc, const char* const* argv) {
  TokenOptions options;
  const std::array<std::pair<std::string_view, std::string TokenOptions::*>, 7> text_flags{{
      {"--secret-file", &TokenOptions::secret_file},
      {"--issuer", &TokenOptions::issuer},
      {"--audience", &TokenOptions::audience},
      {"--user", &TokenOptions::user},
      {"--app", &TokenOptions::app},
      {"--scopes", &TokenOptions::scopes},
      {"--roles", &TokenOptions::roles},
  }};
  for (int i = 2; i < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) {
      return usage_error("missing value for " + std::string(flag));
    }
    const std::string_view value = argv[i + 1];
    const auto text =
        std::find_if(text_flags.begin(), text_flags.end(), [&](const auto& f) { return f.first == flag; });
    long long ttl = 0;
    if (text != text_flags.end()) {
      options.*(text->second) = value;
    } else if (flag == "--ttl" && parse_int(value, ttl) && ttl > 0 && ttl <= 366 * 86400) {
      options.ttl = std::chrono::seconds(ttl);
    } else {
      return usage_error(flag == "--ttl" ? "--ttl needs a number of seconds from 1 to 31622400"
                                         : "unknown option " + std::string(flag));
    }
  }
  if (options.secret_file.empty() || options.issuer.empty() || options.audience.empty() ||
      options.user.empty() == options.app.empty()) {
    return usage_error("token needs --secret-file, --issuer, --audience and one of --user or --app");
  }
  return options;
}

// http(s)://HOST[:PORT][/PATH] without a trailing '/', of characters that need no escaping in XML
// or JSON, since it is written into documents as given.
bool plausible_public_url(std::string_view url) {
  const std::string_view rest = url.starts_with("https://")  ? url.substr(8)
                                : url.starts_with("http://") ? url.substr(7)
                                                             : std::string_view{};
  return !rest.empty() && rest.front() != '/' && url.back() != '/' && url.size() <= 2048 &&
         rest.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_~:[]/") ==
             std::string_view::npos;
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
  if (command == "token") {
    auto token = parse_token_options(argc, argv);
    if (!token) {
      return token.error();
    }
    command_line.token = std::move(token).value();
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
    } else if (flag == "--tls-cert") {
      options.tls_certificate_file = value;
    } else if (flag == "--tls-key") {
      options.tls_key_file = value;
    } else if (flag == "--public-url") {
      options.public_url = value;
      while (options.public_url.ends_with('/')) {
        options.public_url.pop_back();
      }
      if (!plausible_public_url(options.public_url)) {
        return usage_error("--public-url needs http(s)://HOST[:PORT][/PATH], got '" + std::string(value) + "'");
      }
    } else if (flag == "--threads") {
      if (!parse_int(value, options.threads) || options.threads == 0 || options.threads > 256) {
        return usage_error("--threads needs a number from 1 to 256");
      }
    } else if (const auto* limit = find_limit_flag(flag); limit != nullptr) {
      if (auto set = set_limit(*limit, value, options.limits); !set) {
        return set.error();
      }
    } else if (flag == "--pin-length") {
      if (!parse_int(value, options.pin_length) || options.pin_length < 4 || options.pin_length > 24) {
        return usage_error("--pin-length needs a number of digits from 4 to 24");
      }
    } else if (flag == "--commit-batch") {
      if (!parse_int(value, options.commit_batch)) {
        return usage_error("--commit-batch needs a number (0 = unlimited)");
      }
    } else if (flag == "--jwt-issuer") {
      options.jwt.issuers.emplace_back(value);
    } else if (flag == "--jwt-audience") {
      options.jwt.audience = value;
    } else if (flag == "--jwks") {
      options.jwt.jwks_file = value;
    } else if (flag == "--jwt-hs256-secret-file") {
      options.jwt.hs256_secret_file = value;
    } else if (flag == "--jwt-leeway") {
      long long seconds = 0;
      if (!parse_int(value, seconds) || seconds < 0 || seconds > 3600) {
        return usage_error("--jwt-leeway needs a number of seconds from 0 to 3600");
      }
      options.jwt.leeway = std::chrono::seconds(seconds);
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
  if (options.tls_certificate_file.empty() != options.tls_key_file.empty()) {
    return usage_error("--tls-cert and --tls-key go together");
  }
  command_line.serve = options;
  return command_line;
}

}  // namespace oofgate::gateway
