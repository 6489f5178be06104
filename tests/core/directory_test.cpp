#include <gtest/gtest.h>

#include "core/directory/directory.h"
#include "core/directory/password_hasher.h"

namespace oofgate::core {
namespace {

TEST(PasswordHasher, VerifiesOnlyTheRightPassword) {
  const auto hash = PasswordHasher::hash("s3cret", 1000);
  EXPECT_TRUE(PasswordHasher::is_hash(hash));
  EXPECT_EQ(hash.find("s3cret"), std::string::npos);
  EXPECT_TRUE(PasswordHasher::verify("s3cret", hash));
  EXPECT_FALSE(PasswordHasher::verify("s3cret ", hash));
  EXPECT_FALSE(PasswordHasher::verify("s3cret", "pbkdf2-sha256$1000$garbage"));
  EXPECT_NE(PasswordHasher::hash("s3cret", 1000), hash) << "salted";
}

TEST(Directory, HashesPlainPasswordsAndAcceptsStoredHashes) {
  const auto stored = PasswordHasher::hash("hashed-pw", 1000);
  auto directory = Directory::create(
      {{"id-1", "one@x.com", "One", "plain-pw", true}, {"id-2", "two@x.com", "Two", stored, false}}, {});
  ASSERT_TRUE(directory.ok());
  const auto& users = directory.value()->users();
  EXPECT_TRUE(PasswordHasher::is_hash(users[0].password_hash));
  EXPECT_EQ(users[1].password_hash, stored);
  EXPECT_TRUE(directory.value()->authenticate_basic("ONE@x.com", "plain-pw").has_value());
  EXPECT_TRUE(directory.value()->authenticate_basic("id-2", "hashed-pw").has_value());
  EXPECT_FALSE(directory.value()->authenticate_basic("one@x.com", "hashed-pw").has_value());
  EXPECT_FALSE(directory.value()->authenticate_basic("nobody@x.com", "plain-pw").has_value());
}

TEST(Directory, RejectsDuplicatesAndDanglingTokens) {
  EXPECT_FALSE(Directory::create({{"id", "a@x", "", "", false}, {"ID", "b@x", "", "", false}}, {}).ok());
  TokenGrant dangling{"t", PrincipalKind::kDelegated, "ghost@x", {}};
  EXPECT_FALSE(Directory::create({{"id", "a@x", "", "", false}}, {dangling}).ok());
}

}  // namespace
}  // namespace oofgate::core
