#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/service/throttle.h"
#include "gateway/observability/observability_options.h"

namespace oofgate::gateway {

// Every bound on what clients can make one gateway process do. Parsed and validated here; each
// component that enforces a limit gets its value from main.cpp. README.md "Limits" says what a
// client gets beyond each one.
struct ServeLimits {
  // HTTP (gateway/server)
  std::size_t body_bytes = 1024 * 1024;         // --body-limit: one request body
  std::size_t header_bytes = 16 * 1024;         // --header-limit: request line + header fields
  std::size_t header_count = 100;               // --header-count: header fields in one request
  std::size_t trailer_bytes = 4 * 1024;         // --trailer-limit: chunked trailer fields
  std::size_t url_bytes = 8 * 1024;             // --url-limit: the request target
  std::chrono::seconds read_timeout{30};        // --read-timeout: head and body of one request
  std::chrono::seconds idle_timeout{60};        // --idle-timeout: keep-alive wait for the next request
  std::size_t max_connections = 16 * 1024;      // --max-connections: open connections, whole process
  std::size_t body_memory = 256 * 1024 * 1024;  // --body-memory: request bodies held at once, whole process
  std::chrono::seconds shutdown_grace{10};      // --shutdown-grace: in-flight requests on SIGTERM/SIGINT
  // Graph JSON bodies (rest_facade)
  std::size_t json_max_depth = 64;                 // --json-max-depth
  std::size_t json_max_string_bytes = 256 * 1024;  // --json-max-string
  // SOAP envelopes (soap_facade)
  std::size_t xml_max_depth = 64;        // --xml-max-depth
  std::size_t xml_max_elements = 10000;  // --xml-max-elements: elements in one envelope
  std::size_t xml_max_attributes = 64;   // --xml-max-attributes: attributes on one element
  // Authentication (gateway/auth)
  std::size_t auth_failures = 10;                // --auth-failures: Basic failures per client address
  std::chrono::seconds auth_failure_window{60};  // --auth-failure-window
  std::size_t auth_workers = 2;                  // --auth-workers: password verifier threads
  std::size_t auth_queue = 64;                   // --auth-queue: verifications waiting for a worker
  std::size_t reset_pin_limit = 3;               // --reset-pin-limit: UM ResetPIN per user
  std::chrono::seconds reset_pin_window{600};    // --reset-pin-window
};

// JWT bearer tokens from an OpenID Connect provider (gateway/auth/jwt_verifier.h); off while
// no key source (a JWKS file or an HS256 secret) is configured.
struct JwtOptions {
  std::vector<std::string> issuers;  // --jwt-issuer, repeatable: `iss` must equal one of them
  std::string audience;              // --jwt-audience: `aud` must contain it
  std::string jwks_file;             // --jwks FILE or --jwks https://URL
  std::string jwks_ca_file;          // --jwks-ca FILE: CAs for the JWKS URL; empty: the system store
  std::string hs256_secret_file;     // --jwt-hs256-secret-file FILE (tests and demos)
  std::chrono::seconds leeway{300};  // --jwt-leeway: clock skew allowed on exp/nbf/iat

  bool enabled() const { return !jwks_file.empty() || !hs256_secret_file.empty(); }
};

struct ServeOptions {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::string data_dir;   // required: no default, so serve never creates a directory nobody named
  std::string store_url;  // postgresql://...: the shared PostgreSQL store; empty: SQLite in data_dir
  std::string users_file;
  unsigned threads = 0;                   // 0 = one per core
  std::size_t pin_length = 6;             // ResetPIN: digits in a new UM PIN (core::PinPolicy::min_length)
  std::size_t commit_batch = 0;           // 0: group commit; N: at most N writes per commit
  std::string tls_certificate_file;       // --tls-cert: PEM chain; with --tls-key, serve HTTPS
  std::string tls_key_file;               // --tls-key: its PEM private key
  std::string public_url;                 // --public-url, without a trailing '/': the origin of absolute URLs
  core::ThrottleLimits throttle;          // Graph requests per (caller, mailbox); Graph's limits by default
  std::vector<std::string> cors_origins;  // --cors-origin, repeatable: browser origins Graph answers; empty: any
  ServeLimits limits;
  JwtOptions jwt;
  ObservabilityOptions observability;
};

// `oofgate token`: mint an HS256 JWT for demos and tests (gateway/auth/jwt_minter.h).
struct TokenOptions {
  std::string secret_file;
  std::string issuer;
  std::string audience;
  std::string user;                                            // --user UPN: a delegated token; or
  std::string app;                                             // --app NAME: an application token
  std::string scopes = "MailboxSettings.ReadWrite User.Read";  // delegated (scp)
  std::string roles = "MailboxSettings.ReadWrite";             // application (roles)
  std::chrono::seconds ttl{3600};
};

struct CommandLine {
  bool show_help = false;
  bool show_version = false;  // oofgate --version
  bool check_config = false;  // serve --check-config: validate everything, serve nothing
  std::optional<ServeOptions> serve;
  std::optional<TokenOptions> token;
};

// `serve` options come from the flags, the environment (OOFGATE_<NAME>, read through
// `environment`) and the TOML file of --config (or OOFGATE_CONFIG), in that order of precedence,
// over the defaults; gateway/config/serve_option_table.h lists them. Errors are one line, which
// main() follows with a pointer to --help.
core::Result<CommandLine> parse_command_line(
    int argc, const char* const* argv,
    const std::function<std::optional<std::string>(const std::string&)>& environment);
// With the process environment.
core::Result<CommandLine> parse_command_line(int argc, const char* const* argv);
// `oofgate --help`.
std::string usage_text();

}  // namespace oofgate::gateway
