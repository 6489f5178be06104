// JWT bearer tokens: signatures decided by the key, claims, identity, cache, JWKS reload, and
// every hostile shape the hardening issue names, each refused with its reason.
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "gateway/auth/jwt_base64url.h"
#include "gateway/auth/jwt_minter.h"
#include "gateway/auth/jwt_verifier.h"
#include "jwt_test_keys.h"
#include "support/core_fixture.h"

namespace oofgate::gateway {
namespace {

using testing::ec_key;
using testing::rsa_key;
using testing::TestSigningKey;
using R = JwtRejection;

constexpr const char* kIssuer = "https://idp.example/realms/corp";
constexpr const char* kAudience = "api://oofgate";
constexpr const char* kSecret = "a-demo-secret-of-more-than-32-bytes!";
constexpr const char* kRsaHeader = R"({"alg":"RS256","typ":"JWT","kid":"rsa-1"})";
constexpr const char* kEcHeader = R"({"alg":"ES256","typ":"JWT","kid":"ec-1"})";
constexpr const char* kHsHeader = R"({"alg":"HS256","typ":"JWT"})";

std::int64_t unix_seconds(core::Instant instant) {
  return std::chrono::floor<std::chrono::seconds>(instant).time_since_epoch().count();
}

// A claims set as raw JSON member values, so tests can put any type in any claim; an empty
// value leaves the claim out.
struct Claims {
  std::string iss = std::string("\"") + kIssuer + "\"";
  std::string aud = std::string("\"") + kAudience + "\"";
  std::string exp = std::to_string(unix_seconds(testing::fixed_now()) + 3600);
  std::string nbf;
  std::string iat = std::to_string(unix_seconds(testing::fixed_now()));
  std::string oid = std::string("\"") + testing::kAdeleId + "\"";
  std::string upn;
  std::string preferred_username;
  std::string scp = R"("MailboxSettings.ReadWrite User.Read openid")";
  std::string roles;
  std::string azp;
  std::string extra;  // appended verbatim, e.g. a duplicate member

  std::string json() const {
    std::string out = "{";
    const auto add = [&out](const char* name, const std::string& value) {
      if (!value.empty()) {
        out += (out.size() > 1 ? ",\"" : "\"") + std::string(name) + "\":" + value;
      }
    };
    add("iss", iss);
    add("aud", aud);
    add("exp", exp);
    add("nbf", nbf);
    add("iat", iat);
    add("oid", oid);
    add("upn", upn);
    add("preferred_username", preferred_username);
    add("scp", scp);
    add("roles", roles);
    add("azp", azp);
    return out + extra + "}";
  }
};

std::string signed_with(const TestSigningKey& key, std::string_view header, const std::string& payload) {
  const std::string input = testing::signing_input(header, payload);
  return input + "." + encode_base64url(key.sign(input));
}

std::string hs256(std::string_view secret, std::string_view header, const std::string& payload) {
  const std::string input = testing::signing_input(header, payload);
  return input + "." + encode_base64url(sign_hs256(secret, input));
}

class JwtVerifierTest : public ::testing::Test {
 protected:
  JwtVerifierTest()
      : dir_(std::filesystem::temp_directory_path() / ("oofgate-jwt-" + std::to_string(std::random_device{}()))),
        directory_(std::move(core::Directory::create({{testing::kAdeleId, testing::kAdeleUpn, "Adele", "", true},
                                                      {testing::kAlexId, testing::kAlexUpn, "Alex", "", true}},
                                                     {}))
                       .value()) {
    std::filesystem::create_directories(dir_);
    write_jwks({rsa_key().jwk("rsa-1"), ec_key().jwk("ec-1")});
  }
  ~JwtVerifierTest() override { std::filesystem::remove_all(dir_); }

  void write_jwks(const std::vector<std::string>& jwks) { write_file(jwks_path(), testing::jwks_of(jwks)); }
  static void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }
  std::string jwks_path() const { return (dir_ / "jwks.json").string(); }

  JwtVerifierConfig config() const {
    JwtVerifierConfig config;
    config.rules.issuers = {"https://other.example/", kIssuer};
    config.rules.audiences = {kAudience};
    config.jwks.location = jwks_path();
    config.hs256_secret = kSecret;
    return config;
  }
  JwtVerifier& verifier() {
    if (!verifier_) {
      auto created = JwtVerifier::create(config(), *directory_, clock_);
      EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
      verifier_ = std::move(created).value();
    }
    return *verifier_;
  }
  void expect_rejected(const std::string& token, R rejection, std::string_view reason_part) {
    const JwtVerdict verdict = verifier().verify(token);
    ASSERT_FALSE(verdict.verified());
    EXPECT_EQ(verdict.rejection, rejection) << verdict.reason;
    EXPECT_NE(verdict.reason.find(reason_part), std::string::npos) << verdict.reason;
    EXPECT_TRUE(token.empty() || verdict.reason.find(token) == std::string::npos) << "never the token";
  }
  void advance(std::chrono::seconds by) { clock_.set(clock_.now() + by); }

  std::filesystem::path dir_;
  core::FixedClock clock_{testing::fixed_now()};
  std::unique_ptr<core::Directory> directory_;
  std::unique_ptr<JwtVerifier> verifier_;
};

// --- Accepted tokens -------------------------------------------------------------------------

TEST_F(JwtVerifierTest, Rs256DelegatedTokenByOidGetsTheUsersScopes) {
  const JwtVerdict verdict = verifier().verify(signed_with(rsa_key(), kRsaHeader, Claims{}.json()));
  ASSERT_TRUE(verdict.verified()) << verdict.reason;
  EXPECT_EQ(verdict.principal->kind, core::PrincipalKind::kDelegated);
  EXPECT_EQ(verdict.principal->user->id, testing::kAdeleId);
  EXPECT_EQ(verdict.principal->subject, testing::kAdeleId);
  EXPECT_TRUE(verdict.principal->permissions.can_write_mailbox_settings());
  EXPECT_TRUE(verdict.principal->permissions.has(core::Permission::kUserRead));
}

TEST_F(JwtVerifierTest, Es256DelegatedTokenByUpnOrPreferredUsername) {
  Claims by_upn;
  by_upn.oid = "";
  by_upn.upn = std::string("\"") + testing::kAlexUpn + "\"";
  by_upn.scp = R"("MailboxSettings.Read")";
  JwtVerdict verdict = verifier().verify(signed_with(ec_key(), kEcHeader, by_upn.json()));
  ASSERT_TRUE(verdict.verified()) << verdict.reason;
  EXPECT_EQ(verdict.principal->user->id, testing::kAlexId);
  EXPECT_TRUE(verdict.principal->permissions.can_read_mailbox_settings());
  EXPECT_FALSE(verdict.principal->permissions.can_write_mailbox_settings());

  Claims v2;
  v2.oid = R"("00000000-0000-0000-0000-000000000000")";  // unknown oid: the login name decides
  v2.preferred_username = R"("ADELE@contoso.com")";
  verdict = verifier().verify(signed_with(ec_key(), kEcHeader, v2.json()));
  ASSERT_TRUE(verdict.verified()) << verdict.reason;
  EXPECT_EQ(verdict.principal->user->id, testing::kAdeleId);
}

TEST_F(JwtVerifierTest, OidMustBeAnIdNotAUpn) {
  Claims claims;
  claims.oid = std::string("\"") + testing::kAdeleUpn + "\"";
  expect_rejected(signed_with(rsa_key(), kRsaHeader, claims.json()), R::kUnknownUser, "no known user");
}

TEST_F(JwtVerifierTest, ApplicationTokenHasAStableInternedSubject) {
  Claims claims;
  claims.oid = "";
  claims.scp = "";
  claims.roles = R"(["MailboxSettings.Read","Something.Else"])";
  claims.azp = R"("0c1a-client")";
  const JwtVerdict first = verifier().verify(signed_with(rsa_key(), kRsaHeader, claims.json()));
  ASSERT_TRUE(first.verified()) << first.reason;
  EXPECT_EQ(first.principal->kind, core::PrincipalKind::kApplication);
  EXPECT_EQ(first.principal->user, nullptr);
  EXPECT_EQ(first.principal->subject, "app:0c1a-client");
  EXPECT_TRUE(first.principal->permissions.can_read_mailbox_settings());
  EXPECT_FALSE(first.principal->permissions.can_write_mailbox_settings());

  claims.iat = std::to_string(unix_seconds(clock_.now()) - 1);  // a different token, same app
  const JwtVerdict second = verifier().verify(signed_with(ec_key(), kEcHeader, claims.json()));
  ASSERT_TRUE(second.verified()) << second.reason;
  EXPECT_EQ(second.principal->subject.data(), first.principal->subject.data()) << "one stored string per app";
}

TEST_F(JwtVerifierTest, ApplicationSubjectsAreBounded) {
  JwtVerifierConfig bounded = config();
  bounded.max_applications = 2;
  auto created = JwtVerifier::create(bounded, *directory_, clock_);
  ASSERT_TRUE(created.ok());
  Claims claims;
  claims.oid = "";
  claims.scp = "";
  claims.roles = R"(["MailboxSettings.Read"])";
  for (const char* app : {"\"a\"", "\"b\"", "\"a\""}) {
    claims.azp = app;
    EXPECT_TRUE(created.value()->verify(hs256(kSecret, kHsHeader, claims.json())).verified()) << app;
  }
  claims.azp = "\"c\"";
  const JwtVerdict third = created.value()->verify(hs256(kSecret, kHsHeader, claims.json()));
  EXPECT_EQ(third.rejection, R::kUnknownApplication);
  EXPECT_EQ(third.reason, "too many distinct client applications");
}

TEST_F(JwtVerifierTest, AudienceMayBeAnArrayAndLeewayCoversClockSkew) {
  Claims claims;
  claims.aud = R"(["account","api://oofgate"])";
  claims.exp = std::to_string(unix_seconds(clock_.now()) - 299);
  claims.nbf = std::to_string(unix_seconds(clock_.now()) + 299);
  claims.iat = claims.nbf;
  EXPECT_TRUE(verifier().verify(signed_with(rsa_key(), kRsaHeader, claims.json())).verified());
}

TEST_F(JwtVerifierTest, MintedTokenVerifies) {
  JwtMintRequest request;
  request.issuer = kIssuer;
  request.audience = kAudience;
  request.user = testing::kAdeleUpn;
  request.scopes = "MailboxSettings.ReadWrite User.Read";
  JwtVerdict verdict = verifier().verify(mint_hs256_token(kSecret, request, unix_seconds(clock_.now())));
  ASSERT_TRUE(verdict.verified()) << verdict.reason;
  EXPECT_EQ(verdict.principal->user->id, testing::kAdeleId);
  EXPECT_TRUE(verdict.principal->permissions.can_write_mailbox_settings());

  JwtMintRequest app;
  app.issuer = kIssuer;
  app.audience = kAudience;
  app.application = "demo-app";
  app.roles = "MailboxSettings.Read";
  verdict = verifier().verify(mint_hs256_token(kSecret, app, unix_seconds(clock_.now())));
  ASSERT_TRUE(verdict.verified()) << verdict.reason;
  EXPECT_EQ(verdict.principal->subject, "app:demo-app");
  EXPECT_TRUE(verdict.principal->permissions.can_read_mailbox_settings());
}

// --- The cache ---------------------------------------------------------------------------------

TEST_F(JwtVerifierTest, CachedTokenStillExpires) {
  Claims claims;
  claims.exp = std::to_string(unix_seconds(clock_.now()) + 10);
  const std::string token = signed_with(rsa_key(), kRsaHeader, claims.json());
  ASSERT_TRUE(verifier().verify(token).verified());
  ASSERT_TRUE(verifier().verify(token).verified());
  advance(std::chrono::seconds(10 + 300 + 1));
  expect_rejected(token, R::kExpired, "expired");
}

TEST(JwtTokenCacheTest, HoldsAtMostItsCapacityAndForgetsExpiredEntriesFirst) {
  JwtTokenCache cache(2);
  const core::Principal principal;
  cache.remember("old", principal, 100, 50);
  cache.remember("live", principal, 1000, 50);
  EXPECT_TRUE(cache.find("old", 100).has_value());
  EXPECT_FALSE(cache.find("old", 101).has_value());
  cache.remember("new", principal, 1000, 200);  // full: the expired entry goes
  EXPECT_EQ(cache.size(), 2U);
  EXPECT_TRUE(cache.find("live", 200).has_value());
  EXPECT_TRUE(cache.find("new", 200).has_value());
  cache.remember("newer", principal, 1000, 200);  // full of live entries: dropped, then stored
  EXPECT_EQ(cache.size(), 1U);
  EXPECT_TRUE(cache.find("newer", 200).has_value());
}

// --- JWKS rotation -----------------------------------------------------------------------------

TEST_F(JwtVerifierTest, RotatedKeyIsPickedUpWithoutRestartAtMostOncePerInterval) {
  const TestSigningKey next = TestSigningKey::ec_p256();
  const std::string next_token = signed_with(next, R"({"alg":"ES256","kid":"ec-2"})", Claims{}.json());
  ASSERT_TRUE(verifier().verify(signed_with(rsa_key(), kRsaHeader, Claims{}.json())).verified());

  write_jwks({rsa_key().jwk("rsa-1"), next.jwk("ec-2")});
  // The caller is not held while the keys are re-read: it is refused and told to retry.
  expect_rejected(next_token, R::kUnknownKey, "being refreshed");
  verifier().wait_for_key_refresh();
  const JwtVerdict rotated = verifier().verify(next_token);
  ASSERT_TRUE(rotated.verified()) << rotated.reason;

  // A second rotation within the interval is not read: unknown kids cannot make the gateway
  // re-read the file on every request.
  const TestSigningKey third = TestSigningKey::ec_p256();
  const std::string third_token = signed_with(third, R"({"alg":"ES256","kid":"ec-3"})", Claims{}.json());
  write_jwks({third.jwk("ec-3")});
  advance(std::chrono::seconds(59));
  expect_rejected(third_token, R::kUnknownKey, "kid");
  verifier().wait_for_key_refresh();
  const JwtVerdict still_unknown = verifier().verify(third_token);
  EXPECT_EQ(still_unknown.reason, "the token's kid names no known signing key");
  advance(std::chrono::seconds(1));
  expect_rejected(third_token, R::kUnknownKey, "being refreshed");
  verifier().wait_for_key_refresh();
  EXPECT_TRUE(verifier().verify(third_token).verified());
  expect_rejected(signed_with(rsa_key(), kRsaHeader, Claims{}.json()), R::kUnknownKey, "kid");
}

TEST_F(JwtVerifierTest, BrokenJwksOnReloadKeepsTheLastGoodKeys) {
  ASSERT_TRUE(verifier().verify(signed_with(ec_key(), kEcHeader, Claims{}.json())).verified());
  write_file(jwks_path(), "{not json");
  expect_rejected(signed_with(ec_key(), R"({"alg":"ES256","kid":"ec-9"})", Claims{}.json()), R::kUnknownKey, "kid");
  verifier().wait_for_key_refresh();
  Claims other;
  other.iat = std::to_string(unix_seconds(clock_.now()) - 5);  // not the cached token
  EXPECT_TRUE(verifier().verify(signed_with(ec_key(), kEcHeader, other.json())).verified());
}

// --- Algorithm confusion and signatures ----------------------------------------------------------

TEST_F(JwtVerifierTest, AlgNoneIsRefused) {
  const std::string input = testing::signing_input(R"({"alg":"none","kid":"rsa-1"})", Claims{}.json());
  expect_rejected(input + ".", R::kUnsupportedAlgorithm, "alg");
  const std::string no_kid = testing::signing_input(R"({"alg":"none"})", Claims{}.json());
  expect_rejected(no_kid + ".", R::kUnsupportedAlgorithm, "alg");
}

TEST_F(JwtVerifierTest, Hs256SignedWithTheRsaPublicKeyIsRefused) {
  const std::string pem = rsa_key().public_pem();
  expect_rejected(hs256(pem, R"({"alg":"HS256","kid":"rsa-1"})", Claims{}.json()), R::kUnsupportedAlgorithm,
                  "does not match its key's RS256");
  expect_rejected(hs256(pem, kHsHeader, Claims{}.json()), R::kBadSignature, "signature");
}

TEST_F(JwtVerifierTest, AlgMustMatchTheKeysType) {
  const std::string input = testing::signing_input(R"({"alg":"ES256","kid":"rsa-1"})", Claims{}.json());
  expect_rejected(input + "." + encode_base64url(ec_key().sign(input)), R::kUnsupportedAlgorithm,
                  "alg ES256 does not match its key's RS256");
  expect_rejected(signed_with(rsa_key(), R"({"alg":"RS256"})", Claims{}.json()), R::kUnsupportedAlgorithm,
                  "without kid must be HS256");
  expect_rejected(signed_with(rsa_key(), R"({"alg":"PS256","kid":"rsa-1"})", Claims{}.json()), R::kUnsupportedAlgorithm,
                  "alg PS256 is not accepted");
}

TEST_F(JwtVerifierTest, HmacWithoutAConfiguredSecretIsRefused) {
  JwtVerifierConfig no_secret = config();
  no_secret.hs256_secret.clear();
  auto created = JwtVerifier::create(no_secret, *directory_, clock_);
  ASSERT_TRUE(created.ok());
  const JwtVerdict verdict = created.value()->verify(hs256(kSecret, kHsHeader, Claims{}.json()));
  EXPECT_EQ(verdict.rejection, R::kUnknownKey);
}

TEST_F(JwtVerifierTest, UnknownKidIsRefused) {
  expect_rejected(signed_with(rsa_key(), R"({"alg":"RS256","kid":"nobody"})", Claims{}.json()), R::kUnknownKey,
                  "kid names no known signing key");
}

TEST_F(JwtVerifierTest, TamperedTruncatedOrDerSignaturesAreRefused) {
  const std::string good = signed_with(rsa_key(), kRsaHeader, Claims{}.json());
  Claims tampered;
  tampered.oid = std::string("\"") + testing::kAlexId + "\"";
  const std::string forged = testing::signing_input(kRsaHeader, tampered.json()) + good.substr(good.rfind('.'));
  expect_rejected(forged, R::kBadSignature, "signature");
  expect_rejected(good.substr(0, good.size() - 8), R::kBadSignature, "signature");
  const std::string ec_good = signed_with(ec_key(), kEcHeader, Claims{}.json());
  expect_rejected(ec_good.substr(0, ec_good.size() - 4), R::kBadSignature, "signature");
  const std::string input = testing::signing_input(kEcHeader, Claims{}.json());
  expect_rejected(input + "." + encode_base64url(ec_key().sign_der(input)), R::kBadSignature, "signature");
  expect_rejected(input + ".", R::kBadSignature, "signature");
}

// --- Claims ----------------------------------------------------------------------------------

struct ClaimCase {
  const char* name;
  std::string Claims::*member;
  std::string value;
  R rejection;
  const char* reason_part;
};

class JwtClaimRejectionTest : public JwtVerifierTest, public ::testing::WithParamInterface<ClaimCase> {};

TEST_P(JwtClaimRejectionTest, IsRefusedWithItsReason) {
  Claims claims;
  claims.*GetParam().member = GetParam().value;
  expect_rejected(signed_with(rsa_key(), kRsaHeader, claims.json()), GetParam().rejection, GetParam().reason_part);
}

const std::string kNow = std::to_string(unix_seconds(testing::fixed_now()));
const std::string kLater = std::to_string(unix_seconds(testing::fixed_now()) + 301);
const std::string kLongAgo = std::to_string(unix_seconds(testing::fixed_now()) - 301);

std::string many_audiences(std::size_t count) {
  std::string out = "[";
  for (std::size_t i = 0; i < count; ++i) {
    out += (i == 0 ? "\"a" : ",\"a") + std::to_string(i) + "\"";
  }
  return out + ",\"api://oofgate\"]";
}

INSTANTIATE_TEST_SUITE_P(
    Claims, JwtClaimRejectionTest,
    ::testing::Values(
        ClaimCase{"ExpMissing", &Claims::exp, "", R::kMissingExpiry, "no exp"},
        ClaimCase{"ExpString", &Claims::exp, "\"" + kNow + "\"", R::kMalformed, "integer NumericDates"},
        ClaimCase{"ExpFloat", &Claims::exp, kNow + ".5", R::kMalformed, "integer NumericDates"},
        ClaimCase{"ExpHuge", &Claims::exp, "1e300", R::kMalformed, "integer NumericDates"},
        ClaimCase{"ExpBeyondInt64", &Claims::exp, "99999999999999999999", R::kMalformed, "integer NumericDates"},
        ClaimCase{"Expired", &Claims::exp, kLongAgo, R::kExpired, "expired"},
        ClaimCase{"NotBefore", &Claims::nbf, kLater, R::kNotYetValid, "nbf"},
        ClaimCase{"IssuedInTheFuture", &Claims::iat, kLater, R::kNotYetValid, "iat"},
        ClaimCase{"NbfString", &Claims::nbf, "\"soon\"", R::kMalformed, "integer NumericDates"},
        ClaimCase{"WrongIssuer", &Claims::iss, "\"https://idp.example/realms/corp/\"", R::kWrongIssuer, "iss"},
        ClaimCase{"IssuerMissing", &Claims::iss, "", R::kWrongIssuer, "iss"},
        ClaimCase{"IssuerNotString", &Claims::iss, "[\"https://idp.example/realms/corp\"]", R::kWrongIssuer, "iss"},
        ClaimCase{"WrongAudience", &Claims::aud, "\"account\"", R::kWrongAudience, "aud"},
        ClaimCase{"AudienceMissing", &Claims::aud, "", R::kWrongAudience, "no aud"},
        ClaimCase{"AudienceNumber", &Claims::aud, "7", R::kMalformed, "aud must be"},
        ClaimCase{"AudienceArrayOfNumbers", &Claims::aud, "[7]", R::kMalformed, "aud must be"},
        ClaimCase{"GraphAudience", &Claims::aud, "\"https://graph.microsoft.com\"", R::kWrongAudience,
                  "request a token for oofgate's API"},
        ClaimCase{"TooManyAudiences", &Claims::aud, many_audiences(200), R::kTooLarge, "aud lists more than 64"},
        ClaimCase{"UnknownUser", &Claims::oid, "\"nobody\"", R::kUnknownUser, "no known user"},
        ClaimCase{"ScpNotString", &Claims::scp, "[\"MailboxSettings.Read\"]", R::kMalformed, "scp"},
        ClaimCase{"NeitherScpNorRoles", &Claims::scp, "", R::kNoPermissions, "neither scp nor roles"},
        ClaimCase{"DuplicateClaim", &Claims::extra, ",\"oid\":\"" + std::string(testing::kAlexId) + "\"", R::kMalformed,
                  "payload"}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

TEST_F(JwtVerifierTest, ApplicationTokenNeedsAClientId) {
  Claims claims;
  claims.oid = "";
  claims.scp = "";
  claims.roles = R"(["MailboxSettings.Read"])";
  expect_rejected(signed_with(rsa_key(), kRsaHeader, claims.json()), R::kUnknownApplication, "azp");
  claims.azp = R"("with space")";
  expect_rejected(signed_with(rsa_key(), kRsaHeader, claims.json()), R::kUnknownApplication, "azp");
  claims.azp = R"("ok")";
  claims.roles = R"("MailboxSettings.Read")";
  expect_rejected(signed_with(rsa_key(), kRsaHeader, claims.json()), R::kMalformed, "roles must be");
}

// --- Structure and size --------------------------------------------------------------------------

TEST_F(JwtVerifierTest, TokenOverSixteenKibIsRefusedBeforeAnyParsing) {
  expect_rejected(std::string(JwtVerifier::kMaxTokenBytes + 1, 'a'), R::kTooLarge, "longer than 16384");
  // 10,000 audiences cannot fit in a token of the accepted size.
  Claims claims;
  claims.aud = many_audiences(10000);
  expect_rejected(signed_with(rsa_key(), kRsaHeader, claims.json()), R::kTooLarge, "longer than");
  // Neither can a kid of 100 KB; one over the JWKS bound but within the token bound is refused too.
  const std::string huge_kid = R"({"alg":"RS256","kid":")" + std::string(100 * 1024, 'k') + "\"}";
  expect_rejected(signed_with(rsa_key(), huge_kid, Claims{}.json()), R::kTooLarge, "longer than");
  const std::string long_kid = R"({"alg":"RS256","kid":")" + std::string(300, 'k') + "\"}";
  expect_rejected(signed_with(rsa_key(), long_kid, Claims{}.json()), R::kTooLarge, "kid is longer than 256");
}

TEST_F(JwtVerifierTest, MalformedStructureIsRefused) {
  const std::string good = signed_with(rsa_key(), kRsaHeader, Claims{}.json());
  expect_rejected("", R::kMalformed, "three dot-separated parts");
  expect_rejected("abc.def", R::kMalformed, "three dot-separated parts");
  expect_rejected(good + ".x", R::kMalformed, "three dot-separated parts");
  expect_rejected("eyJ*." + good.substr(good.find('.') + 1), R::kMalformed, "header is not base64url");
  expect_rejected("eyJhbGciOiJSUzI1NiJ9=." + good.substr(good.find('.') + 1), R::kMalformed, "base64url");
  expect_rejected(signed_with(rsa_key(), R"(["RS256"])", Claims{}.json()), R::kMalformed,
                  "header is not a JSON object");
  expect_rejected(signed_with(rsa_key(), R"({"alg":"RS256","kid":"rsa-1"} x)", Claims{}.json()), R::kMalformed,
                  "header is not a JSON object");
  expect_rejected(signed_with(rsa_key(), R"({"alg":"HS256","alg":"RS256","kid":"rsa-1"})", Claims{}.json()),
                  R::kMalformed, "header is not a JSON object");
  expect_rejected(signed_with(rsa_key(), R"({"alg":"RS256","kid":7})", Claims{}.json()), R::kMalformed, "kid");
  expect_rejected(signed_with(rsa_key(), R"({"alg":"RS256","kid":"rsa-1","crit":["exp"]})", Claims{}.json()),
                  R::kUnsupportedAlgorithm, "crit");
  expect_rejected(signed_with(rsa_key(), kRsaHeader, "[1,2]"), R::kMalformed, "payload");
  expect_rejected(signed_with(rsa_key(), kRsaHeader, "\"claims\""), R::kMalformed, "payload");
  const std::string input = encode_base64url(kRsaHeader) + ".e30*";
  expect_rejected(input + "." + encode_base64url(rsa_key().sign(input)), R::kMalformed, "payload");
  expect_rejected(signed_with(rsa_key(), kRsaHeader, "{\"iss\":\"\xff\"}"), R::kMalformed, "payload");
  expect_rejected(signed_with(rsa_key(), kRsaHeader, std::string(5000, '[')), R::kMalformed, "payload");
}

// --- Configuration ---------------------------------------------------------------------------------

TEST_F(JwtVerifierTest, ConfigurationNeedsIssuerAudienceAndAKey) {
  JwtVerifierConfig missing = config();
  missing.rules.issuers.clear();
  EXPECT_FALSE(JwtVerifier::create(missing, *directory_, clock_).ok());
  missing = config();
  missing.rules.audiences.clear();
  EXPECT_FALSE(JwtVerifier::create(missing, *directory_, clock_).ok());
  missing = config();
  missing.jwks.location.clear();
  missing.hs256_secret.clear();
  EXPECT_FALSE(JwtVerifier::create(missing, *directory_, clock_).ok());
  missing = config();
  missing.hs256_secret = "short";
  EXPECT_FALSE(JwtVerifier::create(missing, *directory_, clock_).ok());
}

}  // namespace
}  // namespace oofgate::gateway
