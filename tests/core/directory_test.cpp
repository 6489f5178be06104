#include <gtest/gtest.h>

#include "core/directory/directory.h"
#include "core/directory/password_hasher.h"
#include "core/directory/siphash.h"

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

namespace oofgate::core {
namespace {

TEST(SipHash128, MatchesTheReferenceVector) {
  // Reference implementation's vector: key 00..0f, empty message ->
  // a3 81 7f 04 ba 25 a8 e6 6d f6 72 14 c7 55 02 93.
  const std::array<std::uint64_t, 2> key = {0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
  const auto digest = siphash128(key, "");
  EXPECT_EQ(digest[0], 0xe6a825ba047f81a3ULL);
  EXPECT_EQ(digest[1], 0x930255c71472f66dULL);
  EXPECT_NE(siphash128(key, "a"), siphash128(key, "b"));
}

}  // namespace
}  // namespace oofgate::core
