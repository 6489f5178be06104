// Where serve's options come from: flags over OOFGATE_ environment variables over the TOML file
// over the defaults, with repeatable options replaced (not merged) by a higher source.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "gateway/config/command_line.h"

namespace oofgate::gateway {
namespace {

namespace fs = std::filesystem;

class OptionSources : public ::testing::Test {
 protected:
  OptionSources()
      : dir_(fs::temp_directory_path() / ("oofgate-options-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::create_directories(dir_);
  }
  ~OptionSources() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }

  core::Result<CommandLine> parse(std::vector<const char*> flags) {
    flags.insert(flags.begin(), {"oofgate", "serve"});
    return parse_command_line(static_cast<int>(flags.size()), flags.data(),
                              [this](const std::string& name) -> std::optional<std::string> {
                                const auto it = environment_.find(name);
                                return it == environment_.end() ? std::nullopt : std::optional(it->second);
                              });
  }

  fs::path dir_;
  std::map<std::string, std::string> environment_;
};

constexpr const char* kRequired = "users = \"u.json\"\ndata-dir = \"data\"\n";

TEST_F(OptionSources, FileThenEnvironmentThenFlags) {
  const std::string config = write("a.toml", std::string(kRequired) + "body-limit = 1000\nheader-count = 7\n");
  auto parsed = parse({"--config", config.c_str()});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->limits.body_bytes, 1000U);
  EXPECT_EQ(parsed.value().serve->limits.header_count, 7U);
  EXPECT_EQ(parsed.value().serve->users_file, "u.json");

  environment_["OOFGATE_BODY_LIMIT"] = "2000";
  parsed = parse({"--config", config.c_str()});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->limits.body_bytes, 2000U);
  EXPECT_EQ(parsed.value().serve->limits.header_count, 7U);

  parsed = parse({"--config", config.c_str(), "--body-limit", "3000"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->limits.body_bytes, 3000U);
}

TEST_F(OptionSources, TheConfigFileMayBeNamedByTheEnvironment) {
  environment_["OOFGATE_CONFIG"] = write("b.toml", std::string(kRequired) + "listen = \"[::1]:8443\"\n");
  const auto parsed = parse({});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->listen_host, "::1");
  EXPECT_EQ(parsed.value().serve->listen_port, 8443);
}

TEST_F(OptionSources, ARepeatableOptionIsReplacedByAHigherSource) {
  const std::string config = write("c.toml", std::string(kRequired) + "jwt-issuer = [\"https://a\", \"https://b\"]\n");
  auto parsed = parse({"--config", config.c_str()});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->jwt.issuers, (std::vector<std::string>{"https://a", "https://b"}));

  environment_["OOFGATE_JWT_ISSUER"] = "https://c  https://d";
  parsed = parse({"--config", config.c_str()});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->jwt.issuers, (std::vector<std::string>{"https://c", "https://d"}));

  parsed = parse({"--config", config.c_str(), "--jwt-issuer", "https://e", "--jwt-issuer", "https://f"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->jwt.issuers, (std::vector<std::string>{"https://e", "https://f"}));
}

TEST_F(OptionSources, AValueFileLosesItsTrailingNewline) {
  environment_["OOFGATE_USERS"] = "u.json";
  environment_["OOFGATE_DATA_DIR"] = "data";
  environment_["OOFGATE_JWT_AUDIENCE_FILE"] = write("audience", "api://oofgate\r\n");
  const auto parsed = parse({});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().serve->jwt.audience, "api://oofgate");
}

TEST_F(OptionSources, AVariableAndItsFileVariantTogetherAreRefused) {
  environment_["OOFGATE_USERS"] = "u.json";
  environment_["OOFGATE_USERS_FILE"] = write("users-path", "u.json");
  const auto parsed = parse({"--data-dir", "data"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "environment variables OOFGATE_USERS and OOFGATE_USERS_FILE are both set; use one");
}

TEST_F(OptionSources, ABadEnvironmentValueNamesTheVariable) {
  environment_["OOFGATE_THREADS"] = "many";
  const auto parsed = parse({"--users", "u.json", "--data-dir", "data"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "environment variable OOFGATE_THREADS needs a number from 0 to 256, got 'many'");
}

TEST_F(OptionSources, FileValuesOfTheWrongTypeNameTheLineAndKey) {
  const struct {
    std::string line;
    std::string message;
  } cases[] = {
      {"threads = true", ":3: key 'threads' needs a string or an integer"},
      {"jwt-issuer = [{ a = 1 }]", ":3: key 'jwt-issuer' needs an array of strings"},
      {"listen = [\"127.0.0.1:1\"]", ":3: key 'listen' needs a string or an integer"},
      {"[tls]\ncert = \"x\"", ":3: unknown key 'tls' (keys are the serve flags without '--')"},
      {"jwks = \"a\\u0000b\"", ":3: key 'jwks' needs a value without control characters"},
      {"pin-length = -6", ":3: key 'pin-length' needs a number from 4 to 24, got '-6'"},
  };
  for (const auto& bad : cases) {
    const std::string config = write("d.toml", std::string(kRequired) + bad.line + "\n");
    const auto parsed = parse({"--config", config.c_str()});
    ASSERT_FALSE(parsed.ok()) << bad.line;
    EXPECT_EQ(parsed.error().message, config + bad.message);
  }
}

TEST_F(OptionSources, AMissingConfigFileIsNamedWithTheReason) {
  const std::string absent = (dir_ / "absent.toml").string();
  const auto parsed = parse({"--config", absent.c_str()});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "cannot open config file " + absent + ": No such file or directory");
}

TEST_F(OptionSources, CheckConfigIsAFlagWithoutAValue) {
  const auto parsed = parse({"--check-config", "--users", "u.json", "--data-dir", "data"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(parsed.value().check_config);
}

}  // namespace
}  // namespace oofgate::gateway
