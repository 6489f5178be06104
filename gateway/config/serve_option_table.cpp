#include "gateway/config/serve_option_table.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace oofgate::gateway {
namespace {

using Expected = std::optional<std::string>;

constexpr std::uint64_t kKiB = 1024;
constexpr std::uint64_t kMiB = 1024 * kKiB;
constexpr std::uint64_t kDay = 86400;

bool parse_unsigned(std::string_view text, std::uint64_t& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && error == std::errc{} && end == text.data() + text.size();
}

std::string got(std::string_view value) { return ", got '" + std::string(value) + "'"; }

// A count or size from min to max into any unsigned member.
template <typename Int>
Expected set_number(std::string_view value, Int& member, std::uint64_t min, std::uint64_t max) {
  std::uint64_t number = 0;
  if (!parse_unsigned(value, number) || number < min || number > max) {
    return "needs a number from " + std::to_string(min) + " to " + std::to_string(max) + got(value);
  }
  member = static_cast<Int>(number);
  return std::nullopt;
}

Expected set_seconds(std::string_view value, std::chrono::seconds& member, std::uint64_t min, std::uint64_t max) {
  std::uint64_t number = 0;
  if (!parse_unsigned(value, number) || number < min || number > max) {
    return "needs a number of seconds from " + std::to_string(min) + " to " + std::to_string(max) + got(value);
  }
  member = std::chrono::seconds(static_cast<std::chrono::seconds::rep>(number));
  return std::nullopt;
}

// A path or a name. A control character (a NUL from a TOML "\u0000", a stray CR from a file)
// would make it name something else than what the operator sees.
Expected set_text(std::string_view value, std::string& member) {
  if (value.empty()) {
    return std::string("needs a value");
  }
  if (std::any_of(value.begin(), value.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return std::string("needs a value without control characters");
  }
  member = value;
  return std::nullopt;
}

// HOST:PORT, the host possibly a bracketed IPv6 address (the brackets are dropped).
Expected set_host_port(std::string_view value, std::string& host, std::uint16_t& port) {
  const auto colon = value.rfind(':');
  std::uint64_t number = 0;
  if (colon == std::string_view::npos || colon == 0 || !parse_unsigned(value.substr(colon + 1), number) ||
      number > 65535) {
    return "needs HOST:PORT" + got(value);
  }
  host = value.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  port = static_cast<std::uint16_t>(number);
  return std::nullopt;
}

Expected set_listen(std::string_view value, ServeOptions& options) {
  return set_host_port(value, options.listen_host, options.listen_port);
}

Expected set_admin_listen(std::string_view value, ServeOptions& options) {
  auto& observability = options.observability;
  if (auto error = set_host_port(value, observability.admin_host, observability.admin_port)) {
    return error;
  }
  observability.admin_listen = true;
  return std::nullopt;
}

// One of a fixed set of words, each standing for a value of the member's type.
template <typename T, std::size_t N>
Expected set_choice(std::string_view value, const std::array<std::pair<std::string_view, T>, N>& choices, T& member) {
  std::string names;
  for (const auto& [name, choice] : choices) {
    if (value == name) {
      member = choice;
      return std::nullopt;
    }
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  return "needs one of " + names + got(value);
}

constexpr std::array<std::pair<std::string_view, bool>, 2> kOnOff{{{"on", true}, {"off", false}}};
constexpr std::array<std::pair<std::string_view, LogLevel>, 4> kLogLevels{
    {{"error", LogLevel::kError}, {"warn", LogLevel::kWarn}, {"info", LogLevel::kInfo}, {"debug", LogLevel::kDebug}}};
constexpr std::array<std::pair<std::string_view, LogFormat>, 2> kLogFormats{
    {{"text", LogFormat::kText}, {"json", LogFormat::kJson}}};

Expected set_store(std::string_view value, ServeOptions& options) {
  if (!value.starts_with("postgresql://") && !value.starts_with("postgres://")) {
    return "needs a postgresql:// URL" + got(value);
  }
  options.store_url = value;
  return std::nullopt;
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

Expected set_public_url(std::string_view value, ServeOptions& options) {
  std::string url(value);
  while (url.ends_with('/')) {
    url.pop_back();
  }
  if (!plausible_public_url(url)) {
    return "needs http(s)://HOST[:PORT][/PATH]" + got(value);
  }
  options.public_url = std::move(url);
  return std::nullopt;
}

// A browser origin: scheme, host and port, no path.
Expected add_cors_origin(std::string_view value, ServeOptions& options) {
  const auto scheme_end = value.find("://");
  if (!plausible_public_url(value) || scheme_end == std::string_view::npos ||
      value.find('/', scheme_end + 3) != std::string_view::npos) {
    return "needs an origin, http(s)://HOST[:PORT]" + got(value);
  }
  options.cors_origins.emplace_back(value);
  return std::nullopt;
}

using G = OptionGroup;

// Adding an option is adding a row here (and its line in README.md "Configuration", which a test
// compares with this table). Bounds keep every value within what the enforcing component can
// represent (Beast's header limit is 32-bit) and rule out values that could only be typos.
// clang-format off
constexpr std::array kTable{
  ServeOptionSpec{"listen", "HOST:PORT", "127.0.0.1:8080",
    "address to listen on; HOST may be a name (localhost) or [IPv6]; port 0 picks a free port. When ready, "
    "prints 'oofgate listening on http://HOST:PORT' on stdout", G::kServe, nullptr, &set_listen},
  ServeOptionSpec{"data-dir", "DIR", "",
    "required: directory of the embedded SQLite store and of the ResetPIN outbox, created if absent; one "
    "oofgate at a time may use it", G::kServe, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_text(v, o.data_dir); }},
  ServeOptionSpec{"store", "URL", "",
    "a postgresql://USER@HOST:PORT/DB URL: use that PostgreSQL database instead of SQLite (the data "
    "directory then holds only the outbox); gateways may share it", G::kServe, nullptr, &set_store},
  ServeOptionSpec{"users", "FILE", "", "required: users and tokens (JSON; README.md \"Users file\")",
    G::kServe, nullptr, [](std::string_view v, ServeOptions& o) { return set_text(v, o.users_file); }},
  ServeOptionSpec{"threads", "N", "0", "I/O threads, each with its own event loop (0: one per core)", G::kServe,
    nullptr, [](std::string_view v, ServeOptions& o) { return set_number(v, o.threads, 0, 256); }},
  ServeOptionSpec{"pin-length", "N", "6", "digits in a PIN made by UM ResetPIN, written to DIR/outbox/",
    G::kServe, nullptr, [](std::string_view v, ServeOptions& o) { return set_number(v, o.pin_length, 4, 24); }},
  ServeOptionSpec{"commit-batch", "N", "0",
    "at most N writes per SQLite commit (0: every write queued while the previous commit ran shares the "
    "next one; 1 disables group commit)", G::kServe, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.commit_batch, 0, 1'000'000); }},
  ServeOptionSpec{"public-url", "URL", "",
    "the URL clients reach this gateway at (https://mail.contoso.com), for the addresses it writes (the "
    "WSDL's); unset: the scheme and listen address", G::kServe, nullptr, &set_public_url},
  ServeOptionSpec{"cors-origin", "ORIGIN", "",
    "a browser origin (https://app.example.com) allowed to call Graph routes; repeatable; unset: any origin (*)",
    G::kServe, [](ServeOptions& o) { o.cors_origins.clear(); }, &add_cors_origin},
  ServeOptionSpec{"throttle-concurrency", "N", "4",
    "Graph requests of one caller to one mailbox in flight at once (0: no limit); more answer 429",
    G::kServe, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.throttle.max_concurrent, 0, 1'000'000); }},
  ServeOptionSpec{"throttle-requests", "N", "10000",
    "Graph requests of one caller to one mailbox per throttle window (0: no limit); more answer 429",
    G::kServe, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.throttle.max_requests, 0, 1'000'000'000); }},
  ServeOptionSpec{"throttle-window", "SECONDS", "600", "length of the throttle window", G::kServe, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_seconds(v, o.throttle.window, 1, kDay); }},
  ServeOptionSpec{"tls-cert", "FILE", "", "serve HTTPS (TLS 1.2 and 1.3) with this PEM certificate chain",
    G::kTls, nullptr, [](std::string_view v, ServeOptions& o) { return set_text(v, o.tls_certificate_file); }},
  ServeOptionSpec{"tls-key", "FILE", "", "the certificate's PEM private key; goes with tls-cert", G::kTls,
    nullptr, [](std::string_view v, ServeOptions& o) { return set_text(v, o.tls_key_file); }},
  ServeOptionSpec{"jwks", "FILE_OR_URL", "",
    "JSON Web Key Set of the identity provider (a file or an https:// URL, fetched at start): accept its "
    "RS256/ES256 JWT bearer tokens (re-read in the background on an unknown kid, at most once a minute)",
    G::kJwt, nullptr, [](std::string_view v, ServeOptions& o) { return set_text(v, o.jwt.jwks_file); }},
  ServeOptionSpec{"jwks-ca", "FILE", "", "PEM CAs that sign the JWKS URL's certificate (default: the system's)",
    G::kJwt, nullptr, [](std::string_view v, ServeOptions& o) { return set_text(v, o.jwt.jwks_ca_file); }},
  ServeOptionSpec{"jwt-hs256-secret-file", "FILE", "", "accept HS256 JWTs signed with this secret (tests, demos)",
    G::kJwt, nullptr, [](std::string_view v, ServeOptions& o) { return set_text(v, o.jwt.hs256_secret_file); }},
  ServeOptionSpec{"jwt-issuer", "URL", "", "an issuer (iss) whose tokens are accepted; repeatable; required with a JWT key",
    G::kJwt, [](ServeOptions& o) { o.jwt.issuers.clear(); }, [](std::string_view v, ServeOptions& o) {
      o.jwt.issuers.emplace_back();
      return set_text(v, o.jwt.issuers.back());
    }},
  ServeOptionSpec{"jwt-audience", "ID", "", "the tokens' aud must contain it; required with a JWT key",
    G::kJwt, nullptr, [](std::string_view v, ServeOptions& o) { return set_text(v, o.jwt.audience); }},
  ServeOptionSpec{"jwt-leeway", "SECONDS", "300", "clock skew allowed on exp, nbf and iat", G::kJwt, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_seconds(v, o.jwt.leeway, 0, 3600); }},
  ServeOptionSpec{"access-log", "stdout|off|FILE", "stdout",
    "one JSON line per request (on stdout after the ready line, or appended to FILE)", G::kOperations, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_text(v, o.observability.access_log); }},
  ServeOptionSpec{"audit-log", "stdout|off|FILE", "stdout", "one JSON line per committed settings change",
    G::kOperations, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_text(v, o.observability.audit_log); }},
  ServeOptionSpec{"metrics", "on|off", "on", "GET /metrics (Prometheus text) and the recording behind it",
    G::kOperations, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_choice(v, kOnOff, o.observability.metrics); }},
  ServeOptionSpec{"admin-listen", "HOST:PORT", "", "serve /metrics only there (with /healthz and /readyz)",
    G::kOperations, nullptr, set_admin_listen},
  ServeOptionSpec{"log-level", "LEVEL", "info", "the error log on stderr: error, warn, info or debug",
    G::kOperations, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_choice(v, kLogLevels, o.observability.log_level); }},
  ServeOptionSpec{"log-format", "text|json", "text", "the error log's format", G::kOperations, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_choice(v, kLogFormats, o.observability.log_format); }},
  ServeOptionSpec{"body-limit", "BYTES", "1048576", "one request body", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.body_bytes, 1, 1024 * kMiB); }},
  ServeOptionSpec{"header-limit", "BYTES", "16384", "request line and header fields of one request",
    G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.header_bytes, kKiB, kMiB); }},
  ServeOptionSpec{"header-count", "N", "100", "header fields in one request", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.header_count, 1, 10000); }},
  ServeOptionSpec{"trailer-limit", "BYTES", "4096", "trailer fields of one chunked request", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.trailer_bytes, 0, kMiB); }},
  ServeOptionSpec{"url-limit", "BYTES", "8192", "the request target", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.url_bytes, 64, kMiB); }},
  ServeOptionSpec{"read-timeout", "SECONDS", "30", "time allowed to read the head and body of one request",
    G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_seconds(v, o.limits.read_timeout, 1, 3600); }},
  ServeOptionSpec{"idle-timeout", "SECONDS", "60", "time a kept-alive connection may wait for its next request",
    G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_seconds(v, o.limits.idle_timeout, 1, kDay); }},
  ServeOptionSpec{"body-memory", "BYTES", "268435456",
    "request bodies the process holds in memory at once; a request whose body does not fit is answered 503",
    G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.body_memory, kMiB, 1024 * 1024 * kMiB); }},
  ServeOptionSpec{"max-connections", "N", "16384",
    "open connections of the process; more are accepted and closed at once", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.max_connections, 1, 10'000'000); }},
  ServeOptionSpec{"shutdown-grace", "SECONDS", "10",
    "on SIGTERM or SIGINT, time in-flight requests get to finish before their connections are dropped",
    G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_seconds(v, o.limits.shutdown_grace, 0, 3600); }},
  ServeOptionSpec{"json-max-depth", "N", "64", "nesting of a Graph JSON body", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.json_max_depth, 1, 10000); }},
  ServeOptionSpec{"json-max-string", "BYTES", "262144", "one string in a Graph JSON body", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) {
      return set_number(v, o.limits.json_max_string_bytes, 1, 1024 * kMiB);
    }},
  ServeOptionSpec{"xml-max-depth", "N", "64", "nesting of a SOAP envelope", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.xml_max_depth, 1, 10000); }},
  ServeOptionSpec{"xml-max-elements", "N", "10000", "elements in a SOAP envelope", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) {
      return set_number(v, o.limits.xml_max_elements, 1, 100'000'000);
    }},
  ServeOptionSpec{"xml-max-attributes", "N", "64", "attributes on one element of a SOAP envelope", G::kLimits,
    nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.xml_max_attributes, 1, 100000); }},
  ServeOptionSpec{"auth-failures", "N", "10",
    "failed Basic logins from one client address per window; more are refused without checking the password",
    G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.auth_failures, 1, 1'000'000); }},
  ServeOptionSpec{"auth-failure-window", "SECONDS", "60", "length of the auth-failures window", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_seconds(v, o.limits.auth_failure_window, 1, kDay); }},
  ServeOptionSpec{"auth-workers", "N", "2", "threads that verify passwords", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.auth_workers, 1, 256); }},
  ServeOptionSpec{"auth-queue", "N", "64", "password checks that may wait for those threads; more answer 503",
    G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.auth_queue, 1, 1'000'000); }},
  ServeOptionSpec{"reset-pin-limit", "N", "3", "UM ResetPIN calls per user per window", G::kLimits, nullptr,
    [](std::string_view v, ServeOptions& o) { return set_number(v, o.limits.reset_pin_limit, 1, 1000); }},
  ServeOptionSpec{"reset-pin-window", "SECONDS", "600", "length of the reset-pin-limit window", G::kLimits,
    nullptr, [](std::string_view v, ServeOptions& o) { return set_seconds(v, o.limits.reset_pin_window, 1, kDay); }},
};
// clang-format on

constexpr std::size_t kHelpColumn = 25;
constexpr std::size_t kHelpWidth = 96;

// "  --name VALUE" and the help text wrapped at kHelpWidth, continued under kHelpColumn.
void append_option_help(const ServeOptionSpec& option, std::string& out) {
  std::string head = "  --" + std::string(option.name) + " " + std::string(option.value_name);
  std::string text(option.help);
  if (!option.default_value.empty()) {
    text += " (default " + std::string(option.default_value) + ")";
  }
  out += head;
  std::size_t column = head.size();
  if (column + 1 > kHelpColumn) {
    out += "\n";
    column = 0;
  }
  out.append(kHelpColumn - column, ' ');
  column = kHelpColumn;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    const std::size_t word = end - start;
    if (column > kHelpColumn && column + 1 + word > kHelpWidth) {
      out += "\n" + std::string(kHelpColumn, ' ');
      column = kHelpColumn;
    } else if (column > kHelpColumn) {
      out += ' ';
      ++column;
    }
    out.append(text, start, word);
    column += word;
    start = end + 1;
  }
  out += "\n";
}

}  // namespace

std::span<const ServeOptionSpec> serve_option_table() { return kTable; }

const ServeOptionSpec* find_serve_option(std::string_view name) {
  const auto it = std::find_if(kTable.begin(), kTable.end(), [&](const auto& row) { return row.name == name; });
  return it == kTable.end() ? nullptr : &*it;
}

std::string environment_name(const ServeOptionSpec& option) {
  std::string name = "OOFGATE_";
  for (const char c : option.name) {
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

std::string serve_options_help() {
  constexpr std::array<std::pair<OptionGroup, std::string_view>, 5> kHeadings{{
      {OptionGroup::kServe, "serve options:"},
      {OptionGroup::kTls, "TLS (README.md \"TLS\"):"},
      {OptionGroup::kJwt, "JWT bearer tokens (README.md \"Identity\"):"},
      {OptionGroup::kOperations, "operations (README.md \"Operations\"):"},
      {OptionGroup::kLimits, "limits (README.md \"Limits\" says what a client gets beyond each one):"},
  }};
  std::string out;
  for (const auto& [group, heading] : kHeadings) {
    out += std::string(heading) + "\n";
    for (const auto& option : kTable) {
      if (option.group == group) {
        append_option_help(option, out);
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace oofgate::gateway
