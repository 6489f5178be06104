// The users file: strings are read with their length, so a NUL cannot cut a password short.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/directory/directory.h"
#include "gateway/config/users_file.h"

namespace oofgate::gateway {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

class UsersFileTest : public ::testing::Test {
 protected:
  UsersFileTest()
      : path_(fs::temp_directory_path() / ("oofgate-users-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json")) {
  }
  ~UsersFileTest() override { fs::remove(path_); }

  std::string write(const std::string& json) {
    std::ofstream(path_) << json;
    return path_.string();
  }

  fs::path path_;
};

// Before, "Pa55\u0000" was read as "Pa55": the operator's password silently lost its tail.
TEST_F(UsersFileTest, APasswordWithAnEscapedNulIsReadWholeAndRefused) {
  auto file =
      load_users_file(write(R"({"users":[{"id":"id-u","userPrincipalName":"u@x.com","password":"Pa55\u0000tail"}]})"));
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file.value().users[0].password_hash, "Pa55\0tail"s);
  const auto directory = core::Directory::create(std::move(file.value().users), {});
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().message, "the password of 'u@x.com' contains NUL or is longer than 1024 bytes");
}

TEST_F(UsersFileTest, IdsAndTokensKeepTheirFullLength) {
  auto file = load_users_file(
      write(R"({"users":[{"id":"id\u0000x","userPrincipalName":"u@x.com"}],)"
            R"("tokens":[{"token":"t\u0000k","kind":"application","roles":["MailboxSettings.Read"]}]})"));
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file.value().users[0].id, "id\0x"s);
  EXPECT_EQ(file.value().tokens[0].token, "t\0k"s);
}

}  // namespace
}  // namespace oofgate::gateway
