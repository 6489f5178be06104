// `oofgate token`: the real binary mints a token that the verifier accepts, for users and apps.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "gateway/auth/jwt_verifier.h"
#include "gateway/config/command_line.h"
#include "support/core_fixture.h"

namespace oofgate::gateway {
namespace {

constexpr const char* kSecret = "token-command-test-secret-0123456789";

// The command's stdout and exit status.
std::pair<std::string, int> run(const std::string& arguments) {
  const std::string command = std::string(OOFGATE_BINARY) + " token " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  while (pipe != nullptr && std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    out += buffer;
  }
  const int status = pipe != nullptr ? pclose(pipe) : -1;
  return {out, status};
}

class TokenCommandTest : public ::testing::Test {
 protected:
  TokenCommandTest()
      : secret_file_(std::filesystem::temp_directory_path() /
                     ("oofgate-secret-" + std::to_string(std::random_device{}()))),
        directory_(std::move(core::Directory::create({{testing::kAdeleId, testing::kAdeleUpn, "Adele", "", true}}, {}))
                       .value()) {
    std::ofstream(secret_file_) << kSecret << "\n";
    JwtVerifierConfig config;
    config.rules.issuers = {"https://idp.example/"};
    config.rules.audiences = {"api://oofgate"};
    config.hs256_secret = kSecret;
    verifier_ = std::move(JwtVerifier::create(config, *directory_, clock_)).value();
  }
  ~TokenCommandTest() override { std::filesystem::remove(secret_file_); }

  std::string common() const {
    return "--secret-file " + secret_file_.string() + " --issuer https://idp.example/ --audience api://oofgate ";
  }

  std::filesystem::path secret_file_;
  core::SystemClock clock_;
  std::unique_ptr<core::Directory> directory_;
  std::unique_ptr<JwtVerifier> verifier_;
};

TEST_F(TokenCommandTest, DelegatedTokenVerifies) {
  const auto [out, status] = run(common() + "--user adele@contoso.com --scopes MailboxSettings.Read");
  ASSERT_EQ(status, 0);
  ASSERT_TRUE(out.ends_with("\n"));
  const JwtVerdict verdict = verifier_->verify(std::string_view(out).substr(0, out.size() - 1));
  ASSERT_TRUE(verdict.verified()) << verdict.reason;
  EXPECT_EQ(verdict.principal->user->id, testing::kAdeleId);
  EXPECT_TRUE(verdict.principal->permissions.can_read_mailbox_settings());
  EXPECT_FALSE(verdict.principal->permissions.can_write_mailbox_settings());
}

TEST_F(TokenCommandTest, ApplicationTokenVerifies) {
  const auto [out, status] = run(common() + "--app demo-client --ttl 120");
  ASSERT_EQ(status, 0);
  const JwtVerdict verdict = verifier_->verify(std::string_view(out).substr(0, out.size() - 1));
  ASSERT_TRUE(verdict.verified()) << verdict.reason;
  EXPECT_EQ(verdict.principal->kind, core::PrincipalKind::kApplication);
  EXPECT_EQ(verdict.principal->subject, "app:demo-client");
  EXPECT_TRUE(verdict.principal->permissions.can_write_mailbox_settings());
}

TEST_F(TokenCommandTest, RefusesIncompleteOrAmbiguousRequests) {
  EXPECT_NE(run(common()).second, 0) << "neither --user nor --app";
  EXPECT_NE(run(common() + "--user a --app b").second, 0);
  EXPECT_NE(run(common() + "--user a --ttl 0").second, 0);
  EXPECT_NE(run("--secret-file /nonexistent --issuer i --audience a --user u").second, 0);
}

TEST(TokenCommandLineTest, ParsesEveryFlag) {
  const char* argv[] = {"oofgate", "token", "--secret-file", "s",     "--issuer", "i", "--audience", "a",
                        "--app",   "n",     "--roles",       "R1 R2", "--ttl",    "90"};
  const auto parsed = parse_command_line(static_cast<int>(std::size(argv)), argv);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const TokenOptions& token = *parsed.value().token;
  EXPECT_EQ(token.secret_file, "s");
  EXPECT_EQ(token.issuer, "i");
  EXPECT_EQ(token.audience, "a");
  EXPECT_EQ(token.app, "n");
  EXPECT_EQ(token.roles, "R1 R2");
  EXPECT_EQ(token.ttl, std::chrono::seconds(90));
  EXPECT_FALSE(parsed.value().serve.has_value());
}

}  // namespace
}  // namespace oofgate::gateway
