#include "gateway/config/command_line.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>
#include <utility>

#include "gateway/config/config_file.h"
#include "gateway/config/option_layer.h"
#include "gateway/config/serve_option_table.h"

namespace oofgate::gateway {

namespace {

constexpr std::string_view kUsageHead =
    "Usage:\n"
    "  oofgate serve [--config FILE] [--check-config] --data-dir DIR --users FILE [OPTION VALUE]...\n"
    "  oofgate token --secret-file FILE --issuer URL --audience AUD (--user UPN | --app NAME)\n"
    "                [--scopes \"S1 S2\"] [--roles \"R1 R2\"] [--ttl SECONDS]\n"
    "  oofgate users list|add|remove|passwd --users FILE [...]  (oofgate users --help)\n"
    "  oofgate export (--data-dir DIR | --store URL) > FILE\n"
    "  oofgate import (--data-dir DIR | --store URL) [--replace] < FILE\n"
    "  oofgate --version\n"
    "  oofgate --help\n"
    "\n"
    "Serves the Microsoft Graph mailboxSettings API (/v1.0, /beta) and the Exchange Unified\n"
    "Messaging SOAP web service (/UnifiedMessaging/Service.asmx, /EWS/UM2007Legacy.asmx) on one\n"
    "port, over one store.\n"
    "\n"
    "  --config FILE          read options from this TOML file (also OOFGATE_CONFIG): one key per\n"
    "                         option, named like its flag without '--' (listen = \"127.0.0.1:8080\")\n"
    "  --check-config         check the options, files, certificates and store, print what was\n"
    "                         checked, and exit 0 if all is well, 1 if not; serves nothing\n"
    "Every option below can also be set by the environment variable OOFGATE_<NAME> (the name in\n"
    "upper case, '-' as '_': OOFGATE_DATA_DIR; OOFGATE_<NAME>_FILE reads the value from a file).\n"
    "A flag wins over the environment, which wins over the config file.\n"
    "\n";

constexpr std::string_view kUsageTail =
    "token prints an HS256 JWT (for demos and tests), verifiable with the same secret file,\n"
    "issuer and audience; --scopes default to \"MailboxSettings.ReadWrite User.Read\"\n"
    "(delegated), --roles to \"MailboxSettings.ReadWrite\" (application), --ttl to 3600.\n"
    "\n"
    "SIGINT or SIGTERM stop the gateway gracefully: in-flight requests finish first (within\n"
    "--shutdown-grace). SIGHUP reloads the users file and the TLS certificate and key.\n";

core::Error usage_error(const std::string& message) { return core::Error{core::ErrorCode::kInvalidArgument, message}; }

template <typename Int>
bool parse_int(std::string_view text, Int& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && error == std::errc{} && end == text.data() + text.size();
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

// The flags of `serve` as a layer, and the flags that are not options.
struct ServeFlags {
  OptionLayer layer;
  std::string config_file;
  bool check_config = false;
  bool show_help = false;
};

core::Result<ServeFlags> read_serve_flags(int argc, const char* const* argv) {
  ServeFlags flags;
  for (int i = 2; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      flags.show_help = true;
      return flags;
    }
    if (flag == "--check-config") {
      flags.check_config = true;
      continue;
    }
    const auto* option = flag.starts_with("--") ? find_serve_option(flag.substr(2)) : nullptr;
    if (option == nullptr && flag != "--config") {
      return usage_error("unknown option " + std::string(flag));
    }
    if (i + 1 >= argc) {
      return usage_error("missing value for " + std::string(flag));
    }
    const std::string_view value = argv[++i];
    if (option == nullptr) {
      flags.config_file = value;
    } else {
      flags.layer.push_back({option, std::string(value), std::string(flag)});
    }
  }
  return flags;
}

core::Result<ServeOptions> serve_options(const ServeFlags& flags, const EnvironmentLookup& environment) {
  ServeOptions options;
  const std::string config_file =
      !flags.config_file.empty() ? flags.config_file : environment("OOFGATE_CONFIG").value_or(std::string());
  if (!config_file.empty()) {
    auto file = read_config_file(config_file);
    if (!file) {
      return file.error();
    }
    if (auto applied = apply_layer(file.value(), options); !applied) {
      return applied.error();
    }
  }
  auto from_environment = read_environment(environment);
  if (!from_environment) {
    return from_environment.error();
  }
  for (const OptionLayer* layer : {&std::as_const(from_environment.value()), &flags.layer}) {
    if (auto applied = apply_layer(*layer, options); !applied) {
      return applied.error();
    }
  }
  if (options.users_file.empty()) {
    return usage_error("serve needs --users FILE");
  }
  if (options.data_dir.empty()) {
    return usage_error("serve needs --data-dir DIR");
  }
  if (options.tls_certificate_file.empty() != options.tls_key_file.empty()) {
    return usage_error("--tls-cert and --tls-key go together");
  }
  return options;
}

}  // namespace

std::string usage_text() { return std::string(kUsageHead) + serve_options_help() + std::string(kUsageTail); }

core::Result<CommandLine> parse_command_line(int argc, const char* const* argv) {
  return parse_command_line(argc, argv, process_environment());
}

core::Result<CommandLine> parse_command_line(int argc, const char* const* argv, const EnvironmentLookup& environment) {
  CommandLine command_line;
  if (argc < 2) {
    return usage_error("missing command");
  }
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    command_line.show_help = true;
    return command_line;
  }
  if (command == "--version" || command == "version") {
    command_line.show_version = true;
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
  auto flags = read_serve_flags(argc, argv);
  if (!flags) {
    return flags.error();
  }
  if (flags.value().show_help) {
    command_line.show_help = true;
    return command_line;
  }
  auto options = serve_options(flags.value(), environment);
  if (!options) {
    return options.error();
  }
  command_line.check_config = flags.value().check_config;
  command_line.serve = std::move(options).value();
  return command_line;
}

}  // namespace oofgate::gateway
