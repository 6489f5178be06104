#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

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

// A reload: lookups answer from the published version at once; a removed user's verified
// password (remembered by the previous version) no longer logs in; User pointers handed out
// before stay valid.
TEST(Directory, PublishSwapsEveryLookupAndForgetsVerifiedPasswords) {
  auto directory =
      Directory::create({{"id-1", "one@x.com", "One", "pw-1", true}, {"id-2", "two@x.com", "Two", "pw-2", true}}, {});
  ASSERT_TRUE(directory.ok());
  Directory& live = *directory.value();
  ASSERT_TRUE(live.authenticate_basic("one@x.com", "pw-1").has_value());
  ASSERT_TRUE(live.authenticate_basic_cached("one@x.com", "pw-1").has_value());
  const User* before = live.find_user("id-2");
  auto next = DirectoryVersion::create(
      {{"id-2", "two@x.com", "Two", "pw-2-new", true}, {"id-3", "three@x.com", "Three", "pw-3", true}},
      {{"tok-3", PrincipalKind::kDelegated, "id-3", {}}});
  ASSERT_TRUE(next.ok());
  live.publish(std::move(next).value());
  EXPECT_EQ(live.find_user("id-1"), nullptr);
  EXPECT_FALSE(live.authenticate_basic_cached("one@x.com", "pw-1").has_value());
  EXPECT_FALSE(live.authenticate_basic("one@x.com", "pw-1").has_value());
  EXPECT_FALSE(live.authenticate_basic("two@x.com", "pw-2").has_value());
  EXPECT_TRUE(live.authenticate_basic("two@x.com", "pw-2-new").has_value());
  EXPECT_NE(live.find_user("three@x.com"), nullptr);
  EXPECT_TRUE(live.authenticate_bearer("tok-3").has_value());
  EXPECT_EQ(live.users().size(), 2U);
  EXPECT_EQ(before->user_principal_name, "two@x.com");
}

using namespace std::string_literals;

// HMAC pads its key with zero bytes, so PBKDF2 alone cannot tell "Pa55" from "Pa55\0".
TEST(PasswordHasher, PasswordsWithNulNeverVerify) {
  const auto hash = PasswordHasher::hash("Pa55", 1000);
  EXPECT_TRUE(PasswordHasher::verify("Pa55", hash));
  EXPECT_FALSE(PasswordHasher::verify("Pa55\0"s, hash));
  EXPECT_FALSE(PasswordHasher::verify("Pa55\0\0"s, hash));
  EXPECT_FALSE(PasswordHasher::is_acceptable_password("Pa55\0"s));
  EXPECT_EQ(PasswordHasher::hash("Pa55\0"s, 1000), "");
  EXPECT_EQ(PasswordHasher::iterations(hash), 1000);
  EXPECT_EQ(PasswordHasher::iterations("pbkdf2-sha256$x$y$z"), std::nullopt);
}

// One user "u@x" with password "Pa55", stored at `iterations` so tests stay fast.
std::unique_ptr<Directory> one_user_directory(int iterations = 1000) {
  return std::move(Directory::create({{"id-u", "u@x.com", "U", PasswordHasher::hash("Pa55", iterations), true},
                                      {"id-nopw", "nopw@x.com", "No Password", "", true}},
                                     {}))
      .value();
}

TEST(Directory, BasicPasswordWithTrailingNulBytesIsRejected) {
  const auto directory = one_user_directory();
  EXPECT_FALSE(directory->authenticate_basic("u@x.com", "Pa55\0"s).has_value());
  EXPECT_FALSE(directory->authenticate_basic("u@x.com", "Pa55\0\0"s).has_value());
  EXPECT_TRUE(directory->authenticate_basic("u@x.com", "Pa55").has_value());
  // Also once "Pa55" is in the verified cache.
  EXPECT_FALSE(directory->authenticate_basic("u@x.com", "Pa55\0"s).has_value());
  EXPECT_FALSE(directory->authenticate_basic_cached("u@x.com", "Pa55\0"s).has_value());
}

TEST(Directory, RefusesPlainPasswordsThatHashingWouldConfuse) {
  const auto with_nul = Directory::create({{"id", "a@x", "", "Pa55\0x"s, false}}, {});
  ASSERT_FALSE(with_nul.ok());
  EXPECT_EQ(with_nul.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(with_nul.error().message.find("NUL"), std::string::npos) << with_nul.error().message;
  EXPECT_FALSE(Directory::create({{"id", "a@x", "", std::string(1025, 'p'), false}}, {}).ok());
  EXPECT_FALSE(Directory::create({{"id", std::string(1025, 'u'), "", "", false}}, {}).ok());
}

TEST(Directory, CachedPathAnswersOnlyCredentialsThatVerifiedBefore) {
  const auto directory = one_user_directory();
  EXPECT_FALSE(directory->authenticate_basic_cached("u@x.com", "Pa55").has_value()) << "not verified yet";
  ASSERT_TRUE(directory->authenticate_basic("U@X.COM", "Pa55").has_value());
  const auto cached = directory->authenticate_basic_cached("u@x.com", "Pa55");
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->user->id, "id-u");
  EXPECT_TRUE(cached->permissions.can_write_mailbox_settings());
  EXPECT_TRUE(directory->authenticate_basic_cached("id-u", "Pa55").has_value()) << "keyed on the user, not the name";
  EXPECT_FALSE(directory->authenticate_basic_cached("u@x.com", "Pa56").has_value());
  EXPECT_FALSE(directory->authenticate_basic_cached("nobody@x.com", "Pa55").has_value());
}

TEST(Directory, OverlongUserNamesAndPasswordsAreRejected) {
  const auto directory = one_user_directory();
  EXPECT_FALSE(directory->authenticate_basic(std::string(10'000, 'u'), "Pa55").has_value());
  EXPECT_FALSE(directory->authenticate_basic("u@x.com", std::string(100'000, 'p')).has_value());
  EXPECT_FALSE(directory->authenticate_basic_cached(std::string(10'000, 'u'), "Pa55").has_value());
}

// Median wall time of `attempt`, in microseconds.
template <typename Attempt>
double median_micros(Attempt attempt) {
  std::vector<double> samples;
  for (int i = 0; i < 7; ++i) {
    const auto start = std::chrono::steady_clock::now();
    attempt();
    samples.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  std::nth_element(samples.begin(), samples.begin() + 3, samples.end());
  return samples[3];
}

// Before the dummy hash an unknown user answered ~60x faster than a wrong password (0.4 ms vs
// 25 ms), so valid user names could be listed by timing alone.
TEST(Directory, UnknownUsersCostWhatAWrongPasswordCosts) {
  const auto directory = one_user_directory(20'000);
  const double wrong_password = median_micros([&] { (void)directory->authenticate_basic("u@x.com", "wrong"); });
  const double unknown_user = median_micros([&] { (void)directory->authenticate_basic("ghost@x.com", "wrong"); });
  const double no_password = median_micros([&] { (void)directory->authenticate_basic("nopw@x.com", "wrong"); });
  EXPECT_GT(unknown_user, wrong_password / 3) << unknown_user << " us vs " << wrong_password << " us";
  EXPECT_GT(no_password, wrong_password / 3) << no_password << " us vs " << wrong_password << " us";
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
