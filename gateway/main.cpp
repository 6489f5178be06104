// oofgate: wires the core, the two facades and the HTTP server together. No logic lives here.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string_view>
#include <thread>

#include "core/directory/directory.h"
#include "core/service/default_settings.h"
#include "core/service/mailbox_service.h"
#include "core/store/cached_store.h"
#include "core/store/postgres_store.h"
#include "core/store/sqlite_backend.h"
#include "core/time/clock.h"
#include "core/time/time_zone_db.h"
#include "facade_common/log.h"
#include "gateway/admin/admin_command.h"
#include "gateway/auth/credential_verifier.h"
#include "gateway/auth/failure_limiter.h"
#include "gateway/auth/jwt_minter.h"
#include "gateway/auth/jwt_secret_file.h"
#include "gateway/auth/jwt_verifier.h"
#include "gateway/auth/work_pool.h"
#include "gateway/config/command_line.h"
#include "gateway/config/data_dir_lock.h"
#include "gateway/config/pin_outbox.h"
#include "gateway/config/startup_checks.h"
#include "gateway/config/users_file.h"
#include "gateway/config/version.h"
#include "gateway/http/request_dispatcher.h"
#include "gateway/lifecycle/reloader.h"
#include "gateway/lifecycle/signal_waiter.h"
#include "gateway/lifecycle/systemd_notify.h"
#include "gateway/observability/observability.h"
#include "gateway/server/server.h"
#include "gateway/tls/tls_context.h"
#include "rest_facade/rest_facade.h"
#include "soap_facade/soap_facade.h"

namespace {

using namespace oofgate;

// Exit statuses: 2 for a configuration error (options, config file, environment, users file),
// found before anything is opened; 1 for a failure while starting or serving.
constexpr int kFailed = 1;
constexpr int kConfigurationError = 2;

// The gateway's own lines on the error log ("oofgate: ..." in text format).
void log_line(facade::LogLevel level, const std::string& message) { facade::log_line(level, "oofgate", "", message); }

int fail(const std::string& message, int status = kFailed) {
  log_line(facade::LogLevel::kError, message);
  return status;
}

// The users file as a directory; errors are configuration errors.
core::Result<std::unique_ptr<core::Directory>> load_directory(const std::string& path) {
  auto users_file = gateway::load_users_file(path);
  if (!users_file) {
    return users_file.error();
  }
  auto directory = core::Directory::create(std::move(users_file.value().users), std::move(users_file.value().tokens));
  if (!directory) {
    return core::Error{directory.error().code, "users file " + path + ": " + directory.error().message};
  }
  return std::move(directory).value();
}

std::vector<std::string> mailbox_ids_of(const core::Directory& users) {
  std::vector<std::string> mailbox_ids;
  for (const auto& user : users.users()) {
    mailbox_ids.push_back(user.id);
  }
  return mailbox_ids;
}

// The shared PostgreSQL store when --store is given, else the embedded SQLite one in --data-dir.
core::Result<std::unique_ptr<core::MailboxStore>> open_store(const gateway::ServeOptions& options,
                                                             const std::vector<std::string>& mailbox_ids,
                                                             core::CachedStore::DefaultsFactory defaults) {
  if (!options.store_url.empty()) {
    core::PostgresStore::Options postgres;
    postgres.conninfo = options.store_url;
    auto store = core::PostgresStore::open(std::move(postgres), mailbox_ids, defaults);
    if (!store) {
      return store.error();
    }
    return std::unique_ptr<core::MailboxStore>(std::move(store).value());
  }
  auto backend = core::SqliteBackend::open((std::filesystem::path(options.data_dir) / "oofgate.sqlite3").string());
  if (!backend) {
    return backend.error();
  }
  auto store =
      core::CachedStore::open(std::move(backend).value(), mailbox_ids, std::move(defaults), options.commit_batch);
  if (!store) {
    return store.error();
  }
  return std::unique_ptr<core::MailboxStore>(std::move(store).value());
}

// The JWT verifier when --jwks or an HS256 secret is configured; nullptr otherwise.
core::Result<std::unique_ptr<gateway::JwtVerifier>> open_jwt_verifier(const gateway::JwtOptions& options,
                                                                      const core::Directory& users,
                                                                      const core::Clock& clock,
                                                                      std::function<void()> jwks_loaded) {
  if (!options.enabled()) {
    return std::unique_ptr<gateway::JwtVerifier>();
  }
  gateway::JwtVerifierConfig config;
  config.rules.issuers = options.issuers;
  config.rules.audiences = {options.audience};
  config.rules.leeway = options.leeway;
  config.jwks.location = options.jwks_file;
  config.jwks.ca_file = options.jwks_ca_file;
  config.jwks_loaded = std::move(jwks_loaded);
  if (!options.hs256_secret_file.empty()) {
    auto secret = gateway::load_hs256_secret(options.hs256_secret_file);
    if (!secret) {
      return secret.error();
    }
    config.hs256_secret = std::move(secret).value();
  }
  return gateway::JwtVerifier::create(std::move(config), users, clock);
}

int serve(const gateway::ServeOptions& options) {
  facade::configure_error_log(options.observability.log_level, options.observability.log_format);
  // Before any thread starts, so only the wait below receives SIGINT, SIGTERM and SIGHUP.
  gateway::SignalWaiter signals;
  const auto systemd = gateway::SystemdNotifier::from_environment();

  auto directory = load_directory(options.users_file);
  if (!directory) {
    return fail(directory.error().message, kConfigurationError);
  }
  auto listen_host = gateway::resolve_listen_host(options.listen_host);
  if (!listen_host) {
    return fail(listen_host.error().message, kConfigurationError);
  }
  const core::SystemClock clock;
  const core::TimeZoneDb zones;
  const std::vector<std::string> mailbox_ids = mailbox_ids_of(*directory.value());
  core::Directory& users = *directory.value();
  if (auto writable = gateway::check_data_dir(options.data_dir, options.store_url.empty()); !writable) {
    return fail(writable.error().message);
  }
  // Before the store opens and before anything listens: one owner per data directory. Declared
  // before the store, so it is released after the store has closed.
  auto data_dir_lock = gateway::lock_data_dir(options.data_dir, options.store_url.empty());
  if (!data_dir_lock) {
    return fail(data_dir_lock.error().message);
  }
  auto store =
      open_store(options, mailbox_ids, [&](const std::string&) { return core::default_settings(clock.now()); });
  if (!store) {
    return fail(store.error().message);
  }
  // ResetPIN PINs go to DIR/outbox (also with --store: each gateway has its own outbox).
  gateway::PinOutbox pin_outbox(std::filesystem::path(options.data_dir) / "outbox", clock);
  // Password and PIN hashing run here, never on an I/O thread; a full queue answers "busy".
  gateway::WorkPool slow_work({static_cast<unsigned>(options.limits.auth_workers), options.limits.auth_queue});
  core::PinResetConfig pin_reset;
  pin_reset.policy.min_length = options.pin_length;
  pin_reset.notifier = &pin_outbox;
  pin_reset.work = &slow_work;
  pin_reset.limits = {options.limits.reset_pin_limit, options.limits.reset_pin_window};
  core::MailboxService service(users, *store.value(), clock, zones, std::move(pin_reset));
  auto observability = gateway::Observability::create(options.observability);
  if (!observability) {
    return fail(observability.error().message);
  }
  gateway::Observability& operations = *observability.value();
  service.set_audit(&operations);
  store.value()->set_observer(operations.store_observer());
  operations.set_store_health([&health_of = *store.value()] { return health_of.health(); });
  soap::XmlLimits xml_limits;
  xml_limits.max_depth = options.limits.xml_max_depth;
  xml_limits.max_elements = options.limits.xml_max_elements;
  xml_limits.max_attributes_per_element = options.limits.xml_max_attributes;
  soap::SoapFacade soap_facade(service, xml_limits);
  rest::JsonLimits json_limits;
  json_limits.max_depth = options.limits.json_max_depth;
  json_limits.max_string_bytes = options.limits.json_max_string_bytes;
  json_limits.max_body_bytes = options.limits.body_bytes;
  auto jwt = open_jwt_verifier(options.jwt, users, clock, [&operations] { operations.jwks_refreshes().Increment(); });
  if (!jwt) {
    return fail(jwt.error().message);
  }
  rest::RestFacade rest_facade(service, options.throttle, json_limits,
                               jwt.value() ? jwt.value()->primary_issuer() : std::string());
  rest_facade.set_cors_origins(options.cors_origins);
  gateway::FailureLimiter sign_in_failures(
      {static_cast<std::uint32_t>(options.limits.auth_failures), options.limits.auth_failure_window}, clock);
  gateway::CredentialVerifier verifier(users, slow_work, sign_in_failures);
  gateway::RequestDispatcher dispatcher(users, soap_facade, rest_facade, &verifier, jwt.value().get());
  // With --admin-listen, /metrics is served only there; health probes on both.
  dispatcher.set_observability(&operations, !options.observability.admin_listen);
  soap::AutodiscoverService autodiscover(users, clock, xml_limits);
  dispatcher.set_autodiscover(&autodiscover);

  gateway::SessionLimits limits;
  limits.body_limit = options.limits.body_bytes;
  limits.header_limit = static_cast<std::uint32_t>(options.limits.header_bytes);
  limits.header_count = options.limits.header_count;
  limits.trailer_limit = options.limits.trailer_bytes;
  limits.url_limit = options.limits.url_bytes;
  limits.read_timeout = options.limits.read_timeout;
  limits.idle_timeout = options.limits.idle_timeout;
  limits.body_memory = options.limits.body_memory;
  const unsigned threads = options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  std::unique_ptr<gateway::ReloadableTlsContext> tls;  // outlives the server
  if (!options.tls_certificate_file.empty()) {
    auto context = gateway::make_tls_context(options.tls_certificate_file, options.tls_key_file);
    if (!context) {
      return fail(context.error().message);
    }
    tls = std::make_unique<gateway::ReloadableTlsContext>(std::move(context).value());
  }
  gateway::Server server(dispatcher, limits, threads, options.limits.max_connections, tls.get());
  auto endpoint = server.bind(listen_host.value(), options.listen_port);
  if (!endpoint) {
    return fail(endpoint.error().message);
  }
  const auto address = endpoint.value().address();
  const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  const std::string listen_url =
      std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(endpoint.value().port());
  dispatcher.set_origin(options.public_url.empty() ? listen_url : options.public_url);
  server.set_observability(&operations);
  gateway::RequestDispatcher admin_dispatcher(users, soap_facade, rest_facade);
  admin_dispatcher.set_observability(&operations, true, true);
  std::optional<gateway::Server> admin_server;
  if (options.observability.admin_listen) {
    admin_server.emplace(admin_dispatcher, limits, 1, 64);
    auto admin_endpoint = admin_server->bind(options.observability.admin_host, options.observability.admin_port);
    if (!admin_endpoint) {
      return fail("--admin-listen: " + admin_endpoint.error().message);
    }
    const auto admin_address = admin_endpoint.value().address();
    log_line(facade::LogLevel::kInfo,
             "admin listening on http://" +
                 (admin_address.is_v6() ? "[" + admin_address.to_string() + "]" : admin_address.to_string()) + ":" +
                 std::to_string(admin_endpoint.value().port()));
    admin_server->run();
  }
  server.run();
  operations.set_accepting(true);
  std::cout << "oofgate listening on " << listen_url << std::endl;
  log_line(facade::LogLevel::kInfo, std::to_string(users.users().size()) + " mailboxes, " + std::to_string(threads) +
                                        " I/O threads, IANA tzdb " + zones.iana_version() + ", store " +
                                        (options.store_url.empty() ? options.data_dir + "/oofgate.sqlite3"
                                                                   : std::string("PostgreSQL (--store)")));

  systemd.ready();

  gateway::Reloader reloader({options.users_file, options.tls_certificate_file, options.tls_key_file}, users,
                             *store.value(), tls.get(), jwt.value().get());
  while (signals.wait() == gateway::LifecycleSignal::kReload) {
    systemd.reloading();
    if (auto refused = reloader.reload()) {
      log_line(facade::LogLevel::kError, "reload refused, the previous configuration stays: " + *refused);
    } else {
      log_line(facade::LogLevel::kInfo, "reloaded: " + std::to_string(users.users().size()) + " mailboxes" +
                                            (tls ? ", TLS certificate and key" : ""));
    }
    systemd.ready();
  }
  systemd.stopping();
  log_line(facade::LogLevel::kInfo,
           "signal " + std::to_string(signals.last_signal()) + ", finishing in-flight requests");
  operations.set_accepting(false);
  server.stop(options.limits.shutdown_grace);
  if (admin_server) {
    admin_server->stop(std::chrono::seconds(1));
  }
  // Queued sign-ins and PIN resets hold references to the service: finish or cancel them first.
  slow_work.stop();
  // The store drains its queue (every accepted write is committed) before it is destroyed.
  store.value().reset();
  log_line(facade::LogLevel::kInfo, "stopped");
  return 0;
}

// `serve --check-config`: every check serve makes before it listens, each reported on stdout,
// without taking the data directory's lock or a port (like `nginx -t`, it may run beside the
// running gateway).
int check_config(const gateway::ServeOptions& options) {
  const auto checked = [](const std::string& what) { std::cout << "oofgate: " << what << ": ok" << std::endl; };
  const auto failed = [](const std::string& message) {
    std::cerr << "oofgate: " << message << "\noofgate: configuration check failed" << std::endl;
    return kFailed;
  };
  checked("options");
  auto directory = load_directory(options.users_file);
  if (!directory) {
    return failed(directory.error().message);
  }
  checked("users file " + options.users_file + " (" + std::to_string(directory.value()->users().size()) + " users)");
  auto listen_host = gateway::resolve_listen_host(options.listen_host);
  if (!listen_host) {
    return failed(listen_host.error().message);
  }
  checked("listen address " + listen_host.value() + ":" + std::to_string(options.listen_port));
  if (auto writable = gateway::check_data_dir(options.data_dir, options.store_url.empty()); !writable) {
    return failed(writable.error().message);
  }
  checked("data directory " + options.data_dir + " (writable)");
  const core::SystemClock clock;
  auto store = open_store(options, mailbox_ids_of(*directory.value()),
                          [&](const std::string&) { return core::default_settings(clock.now()); });
  if (!store) {
    return failed(store.error().message);
  }
  store.value().reset();
  checked(options.store_url.empty() ? "store " + options.data_dir + "/oofgate.sqlite3" : "PostgreSQL store");
  if (!options.tls_certificate_file.empty()) {
    if (auto context = gateway::make_tls_context(options.tls_certificate_file, options.tls_key_file); !context) {
      return failed(context.error().message);
    }
    checked("TLS certificate " + options.tls_certificate_file + " and key " + options.tls_key_file);
  }
  if (auto jwt = open_jwt_verifier(options.jwt, *directory.value(), clock, {}); !jwt) {
    return failed(jwt.error().message);
  } else if (jwt.value()) {
    checked("JWT keys");
  }
  std::cout << "oofgate: configuration check succeeded" << std::endl;
  return 0;
}

// `oofgate token`: one HS256 JWT on stdout.
int mint_token(const gateway::TokenOptions& options) {
  auto secret = gateway::load_hs256_secret(options.secret_file);
  if (!secret) {
    return fail(secret.error().message);
  }
  gateway::JwtMintRequest request{options.issuer, options.audience, options.user, options.app,
                                  options.scopes, options.roles,    options.ttl};
  const auto now = std::chrono::floor<std::chrono::seconds>(core::SystemClock().now()).time_since_epoch().count();
  std::cout << gateway::mint_hs256_token(secret.value(), request, now) << std::endl;
  return 0;
}

int run(int argc, char** argv) {
  if (argc >= 2 && gateway::is_admin_command(argv[1])) {
    return gateway::run_admin_command(argc, argv);
  }
  auto command_line = gateway::parse_command_line(argc, argv);
  if (!command_line) {
    // One line, not the whole help; under --check-config a bad configuration fails the check.
    const bool checking = std::find(argv, argv + argc, std::string_view("--check-config")) != argv + argc;
    std::cerr << "oofgate: " << command_line.error().message << " (see oofgate --help)" << std::endl;
    if (checking) {
      std::cerr << "oofgate: configuration check failed" << std::endl;
      return kFailed;
    }
    return kConfigurationError;
  }
  if (command_line.value().show_help) {
    std::cout << gateway::usage_text();
    return 0;
  }
  if (command_line.value().show_version) {
    std::cout << gateway::version_text(core::TimeZoneDb().iana_version());
    return 0;
  }
  if (command_line.value().check_config) {
    return check_config(*command_line.value().serve);
  }
  if (command_line.value().token) {
    return mint_token(*command_line.value().token);
  }
  return serve(*command_line.value().serve);
}
}  // namespace

int main(int argc, char** argv) {
  // Anything thrown past every component's own handling: one line and a failure status, never an
  // abort without a word.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "oofgate: " << e.what() << std::endl;
  } catch (...) {
    std::cerr << "oofgate: unexpected failure" << std::endl;
  }
  return 1;
}
