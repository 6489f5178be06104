// Configuration against the real binary: a TOML file, OOFGATE_ environment variables and flags
// in their documented order of precedence, --check-config, --version, and the exact start-up
// errors (exit 2 for a configuration error, 1 for a failure while starting).
#include <fstream>
#include <regex>

#include "e2e/e2e_support.h"

namespace oofgate::testing {
namespace {

namespace http = boost::beast::http;

class Configuration : public ::testing::Test {
 protected:
  Configuration() { std::ofstream(users_path()) << e2e_users_json(); }

  std::string users_path() const { return (dir_.path() / "users.json").string(); }
  std::string data_dir() const { return (dir_.path() / "data").string(); }
  std::string config_path() const { return (dir_.path() / "oofgate.toml").string(); }

  // The config file: the given lines after what every gateway here needs.
  void write_config(const std::string& lines) {
    std::ofstream(config_path()) << "listen = \"127.0.0.1:0\"\n"
                                 << "data-dir = \"" << data_dir() << "\"\n"
                                 << "users = \"" << users_path() << "\"\n"
                                 << "threads = 2\n"
                                 << lines;
  }

  // The status of a GET whose target is `length` bytes long: 414 beyond --url-limit.
  static unsigned status_for_target_of(const GatewayProcess& gateway, std::size_t length) {
    const std::string prefix = "/v1.0/users/";
    return http_call(gateway.port(), http::verb::get, prefix + std::string(length - prefix.size(), 'a')).result_int();
  }

  ScratchDir dir_;
};

TEST_F(Configuration, TheConfigFileSetsWhatNoFlagSets) {
  write_config("url-limit = 1000\n");
  GatewayProcess gateway({"serve", "--config", config_path()}, std::vector<std::string>{});
  EXPECT_EQ(gateway.address(), "127.0.0.1");
  EXPECT_NE(status_for_target_of(gateway, 900), 414U);
  EXPECT_EQ(status_for_target_of(gateway, 1100), 414U);
}

TEST_F(Configuration, TheEnvironmentOverridesTheFileAndAFlagOverridesBoth) {
  write_config("url-limit = 1000\n");
  const std::vector<std::string> environment = {"OOFGATE_URL_LIMIT=2000"};
  {
    GatewayProcess gateway({"serve", "--config", config_path()}, environment);
    EXPECT_NE(status_for_target_of(gateway, 1500), 414U);
    EXPECT_EQ(status_for_target_of(gateway, 2100), 414U);
  }
  GatewayProcess gateway({"serve", "--config", config_path(), "--url-limit", "3000"}, environment);
  EXPECT_NE(status_for_target_of(gateway, 2500), 414U);
  EXPECT_EQ(status_for_target_of(gateway, 3100), 414U);
}

TEST_F(Configuration, EverythingFromTheEnvironmentWithAValueFromAFileAndAListenName) {
  const auto users_name_file = dir_.path() / "users-path";
  std::ofstream(users_name_file) << users_path() << "\n";
  GatewayProcess gateway({"serve"}, std::vector<std::string>{"OOFGATE_LISTEN=localhost:0", "OOFGATE_THREADS=2",
                                                             "OOFGATE_DATA_DIR=" + data_dir(),
                                                             "OOFGATE_USERS_FILE=" + users_name_file.string()});
  // localhost resolved: the ready line gives the address bound, not the name.
  EXPECT_TRUE(gateway.address() == "127.0.0.1" || gateway.address() == "[::1]") << gateway.address();
  if (gateway.address() == "127.0.0.1") {
    EXPECT_EQ(
        http_call(gateway.port(), http::verb::get, "/v1.0/me/mailboxSettings", {{"Authorization", "Bearer adele-rw"}})
            .result_int(),
        200U);
  }
}

TEST_F(Configuration, CheckConfigReportsEachCheckAndSucceeds) {
  write_config("");
  const auto exited = run_to_exit(dir_.path(), {"serve", "--config", config_path(), "--check-config"});
  EXPECT_EQ(exited.code, 0) << exited.err;
  EXPECT_EQ(exited.out,
            "oofgate: options: ok\n"
            "oofgate: users file " +
                users_path() +
                " (3 users): ok\n"
                "oofgate: listen address 127.0.0.1:0: ok\n"
                "oofgate: data directory " +
                data_dir() +
                " (writable): ok\n"
                "oofgate: store " +
                data_dir() +
                "/oofgate.sqlite3: ok\n"
                "oofgate: configuration check succeeded\n");
  EXPECT_EQ(exited.err, "");
}

TEST_F(Configuration, CheckConfigNamesTheLineAndKeyOfABadValueAndFails) {
  write_config("body-limit = \"lots\"\n");
  const std::string message = "oofgate: " + config_path() +
                              ":5: key 'body-limit' needs a number from 1 to 1073741824, got 'lots' "
                              "(see oofgate --help)\n";
  const auto checked = run_to_exit(dir_.path(), {"serve", "--config", config_path(), "--check-config"});
  EXPECT_EQ(checked.code, 1);
  EXPECT_EQ(checked.out, "");
  EXPECT_EQ(checked.err, message + "oofgate: configuration check failed\n");
  // Without --check-config the same file stops serve before it listens, with status 2.
  const auto served = run_to_exit(dir_.path(), {"serve", "--config", config_path()});
  EXPECT_EQ(served.code, 2);
  EXPECT_EQ(served.out, "");
  EXPECT_EQ(served.err, message);
}

TEST_F(Configuration, AnUnknownKeyOrABadSyntaxIsNamedWithItsLine) {
  write_config("\nlisen = \"127.0.0.1:9\"\n");
  auto exited = run_to_exit(dir_.path(), {"serve", "--config", config_path()});
  EXPECT_EQ(exited.code, 2);
  EXPECT_EQ(exited.err, "oofgate: " + config_path() +
                            ":6: unknown key 'lisen' (keys are the serve flags without '--') (see oofgate --help)\n");
  write_config("body-limit = [1\n");
  exited = run_to_exit(dir_.path(), {"serve", "--config", config_path()});
  EXPECT_EQ(exited.code, 2);
  EXPECT_TRUE(exited.err.starts_with("oofgate: " + config_path() + ":5:")) << exited.err;
  EXPECT_NE(exited.err.find("not valid TOML"), std::string::npos) << exited.err;
}

TEST_F(Configuration, ACheckOfAMissingCertificateFails) {
  write_config("tls-cert = \"" + (dir_.path() / "absent.pem").string() + "\"\ntls-key = \"" +
               (dir_.path() / "absent.key").string() + "\"\n");
  const auto exited = run_to_exit(dir_.path(), {"serve", "--config", config_path(), "--check-config"});
  EXPECT_EQ(exited.code, 1);
  EXPECT_NE(exited.err.find("oofgate: cannot use the private key file " + (dir_.path() / "absent.key").string()),
            std::string::npos)
      << exited.err;
  EXPECT_TRUE(exited.err.ends_with("oofgate: configuration check failed\n")) << exited.err;
}

TEST_F(Configuration, ACheckOfAnUnreachablePostgreSqlStoreFails) {
  write_config("store = \"postgresql://oofgate@127.0.0.1:1/oofgate\"\n");
  const auto exited = run_to_exit(dir_.path(), {"serve", "--config", config_path(), "--check-config"});
  EXPECT_EQ(exited.code, 1);
  EXPECT_TRUE(exited.out.ends_with("oofgate: data directory " + data_dir() + " (writable): ok\n")) << exited.out;
  EXPECT_TRUE(
      exited.err.starts_with("oofgate: PostgreSQL unreachable: connection to server at \"127.0.0.1\", port 1 "
                             "failed: Connection refused"))
      << exited.err;
  EXPECT_TRUE(exited.err.ends_with("\noofgate: configuration check failed\n")) << exited.err;
}

TEST_F(Configuration, VersionNamesTheReleaseAndTheTimeZoneData) {
  const auto exited = run_to_exit(dir_.path(), {"--version"});
  EXPECT_EQ(exited.code, 0);
  EXPECT_TRUE(std::regex_match(exited.out, std::regex("oofgate [0-9]+\\.[0-9]+\\.[0-9]+\n"
                                                      "IANA tzdb [0-9]{4}[a-z]\n"
                                                      "CLDR 41 windowsZones \\(typeVersion 2021a, otherVersion "
                                                      "7e11800\\)\n")))
      << exited.out;
}

TEST_F(Configuration, AUsageErrorIsOneLineWithAPointerToHelp) {
  const auto exited = run_to_exit(dir_.path(), {"serve", "--users", users_path(), "--bogus", "1"});
  EXPECT_EQ(exited.code, 2);
  EXPECT_EQ(exited.out, "");
  EXPECT_EQ(exited.err, "oofgate: unknown option --bogus (see oofgate --help)\n");
}

TEST_F(Configuration, ServeNeedsADataDirectory) {
  const auto exited = run_to_exit(dir_.path(), {"serve", "--users", users_path()}, std::vector<std::string>{});
  EXPECT_EQ(exited.code, 2);
  EXPECT_EQ(exited.err, "oofgate: serve needs --data-dir DIR (see oofgate --help)\n");
}

TEST_F(Configuration, AnEnvironmentValueFileThatCannotBeReadIsNamed) {
  const std::string absent = (dir_.path() / "absent").string();
  const auto exited = run_to_exit(dir_.path(), {"serve", "--users", users_path(), "--data-dir", data_dir()},
                                  std::vector<std::string>{"OOFGATE_JWT_AUDIENCE_FILE=" + absent});
  EXPECT_EQ(exited.code, 2);
  EXPECT_EQ(exited.err, "oofgate: environment variable OOFGATE_JWT_AUDIENCE_FILE: cannot read " + absent +
                            ": No such file or directory (see oofgate --help)\n");
}

// Each users-file mistake an operator makes, with the exact message: the file, where in it, and
// what was expected.
TEST_F(Configuration, UsersFileErrorsNameThePlaceAndWhatIsExpected) {
  const struct {
    const char* json;
    std::string message;
  } cases[] = {
      {"{\"users\": [\n  {\"id\": \"a\",\n   \"userPrincipalName\" \"a@x.com\"}]}",
       "line 3, column 24: not valid JSON: Missing a colon after a name of object member."},
      {R"({"users": [{"id": "a", "userPrincipalName": "a@x.com", "umEnabled": "yes"}]})",
       "/users/0/umEnabled: expected true or false for 'a@x.com'"},
      {R"({"users": [{"id": "a", "userPrincipalName": "a@x.com", "password": "pbkdf2-sha256$1000$c2FsdA==$short"}]})",
       "/users/0/password: malformed hash for 'a@x.com': expected "
       "pbkdf2-sha256$<iterations>$<salt base64>$<32-byte hash base64>"},
      {R"({"users": [{"id": "a", "userPrincipalName": "a@x.com", "umEnable": true}]})",
       "/users/0: unknown member \"umEnable\""},
      {R"({"users": [{"id": "a"}]})", "/users/0: missing \"userPrincipalName\" (a string)"},
      {R"({"users": [], "tokens": [{"token": "t", "kind": "application", "roles": ["Mail.Send"]}]})",
       "/tokens/0/roles/0: expected MailboxSettings.Read, MailboxSettings.ReadWrite or User.Read"},
  };
  for (const auto& bad : cases) {
    std::ofstream(users_path()) << bad.json;
    const auto exited = run_to_exit(dir_.path(), {"serve", "--users", users_path(), "--data-dir", data_dir()});
    EXPECT_EQ(exited.code, 2) << bad.json;
    EXPECT_EQ(exited.out, "");
    EXPECT_EQ(exited.err, "oofgate: users file " + users_path() + ": " + bad.message + "\n");
  }
  const std::string absent = (dir_.path() / "absent.json").string();
  const auto exited = run_to_exit(dir_.path(), {"serve", "--users", absent, "--data-dir", data_dir()});
  EXPECT_EQ(exited.code, 2);
  EXPECT_EQ(exited.err, "oofgate: cannot open users file " + absent + ": No such file or directory\n");
}

TEST_F(Configuration, ADataDirectoryThatCannotBeCreatedIsReportedWithTheReason) {
  const auto file = dir_.path() / "a-file";
  std::ofstream(file) << "not a directory";
  const std::string data = (file / "data").string();
  const auto exited =
      run_to_exit(dir_.path(), {"serve", "--users", users_path(), "--data-dir", data, "--listen", "127.0.0.1:0"});
  EXPECT_EQ(exited.code, 1);
  EXPECT_EQ(exited.out, "");
  EXPECT_EQ(exited.err, "oofgate: cannot create data directory " + data + ": Not a directory\n");
}

// Permissions as an operator meets them: as an unprivileged user (root reads and writes
// whatever the mode, so a root test runs the gateway as `nobody`).
class UnwritableState : public Configuration {
 protected:
  UnwritableState() {
    namespace fs = std::filesystem;
    fs::permissions(dir_.path(), fs::perms::all);
    fs::permissions(users_path(), fs::perms::owner_all | fs::perms::others_read | fs::perms::group_read);
    // The store exists, made by a check as the test's own user.
    const auto created =
        run_to_exit(dir_.path(), {"serve", "--users", users_path(), "--data-dir", data_dir(), "--check-config"});
    EXPECT_EQ(created.code, 0) << created.err;
    fs::create_directories(data_dir() + "/outbox");
    for (const auto& path : {data_dir(), data_dir() + "/outbox"}) {
      fs::permissions(path, fs::perms::all);
    }
    fs::permissions(database(), fs::perms::all);
  }

  std::string database() const { return data_dir() + "/oofgate.sqlite3"; }

  // As the unprivileged user when the test runs as root.
  Exited run_as_operator(const std::vector<std::string>& args) {
    return run_to_exit(dir_.path(), args, std::nullopt,
                       ::geteuid() == 0 ? std::optional<unsigned>(kNobody) : std::nullopt);
  }

  Exited serve() {
    return run_as_operator({"serve", "--users", users_path(), "--data-dir", data_dir(), "--listen", "127.0.0.1:0"});
  }

  static constexpr unsigned kNobody = 65534;
};

TEST_F(UnwritableState, AReadOnlyDatabaseIsReportedAsSuch) {
  std::filesystem::permissions(database(), std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                               std::filesystem::perms::others_read);
  const auto exited = serve();
  EXPECT_EQ(exited.code, 1);
  EXPECT_EQ(exited.out, "");
  EXPECT_EQ(exited.err, "oofgate: database " + database() + " is read-only: Permission denied\n");
}

TEST_F(UnwritableState, AnUnwritableDataDirectoryIsReportedWithTheReason) {
  std::filesystem::permissions(data_dir(), std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                               std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
  const auto exited = serve();
  EXPECT_EQ(exited.code, 1);
  EXPECT_EQ(exited.err, "oofgate: data directory " + data_dir() + " is not writable: Permission denied\n");
}

TEST_F(UnwritableState, AnUnwritableOutboxIsReportedWithTheReason) {
  std::filesystem::permissions(data_dir() + "/outbox", std::filesystem::perms::owner_all |
                                                           std::filesystem::perms::others_read |
                                                           std::filesystem::perms::others_exec);
  const auto exited = serve();
  EXPECT_EQ(exited.code, 1);
  EXPECT_EQ(exited.err, "oofgate: PIN outbox " + data_dir() + "/outbox is not writable: Permission denied\n");
}

// The fixture itself leaves nothing unusable: each refusal above is its one permission's doing.
TEST_F(UnwritableState, TheSameStateWritablePassesTheCheck) {
  const auto exited = run_as_operator({"serve", "--users", users_path(), "--data-dir", data_dir(), "--check-config"});
  EXPECT_EQ(exited.code, 0) << exited.err;
}

}  // namespace
}  // namespace oofgate::testing
