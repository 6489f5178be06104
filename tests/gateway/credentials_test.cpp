#include <gtest/gtest.h>

#include "gateway/http/credentials.h"
#include "support/core_fixture.h"

namespace oofgate::gateway {
namespace {

using testing::CoreFixture;

TEST(Credentials, NoHeaderIsAnonymous) {
  CoreFixture core;
  const auto caller = authenticate("", *core.directory);
  EXPECT_EQ(caller.scheme, core::CredentialScheme::kNone);
  EXPECT_FALSE(caller.authenticated());
}

TEST(Credentials, BearerTokensResolveToTheirPrincipal) {
  CoreFixture core;
  const auto caller = authenticate("Bearer adele-rw", *core.directory);
  ASSERT_TRUE(caller.authenticated());
  EXPECT_EQ(caller.principal->user, &core.adele());
  EXPECT_TRUE(caller.principal->permissions.can_write_mailbox_settings());
  EXPECT_TRUE(authenticate("bearer   app-ro ", *core.directory).authenticated());
  const auto bad = authenticate("Bearer nope", *core.directory);
  EXPECT_EQ(bad.scheme, core::CredentialScheme::kBearer);
  EXPECT_FALSE(bad.authenticated());
}

TEST(Credentials, BasicVerifiesThePasswordAgainstTheStoredHash) {
  CoreFixture core;
  // "adele@contoso.com:Adele-Pa55"
  const auto caller = authenticate("Basic YWRlbGVAY29udG9zby5jb206QWRlbGUtUGE1NQ==", *core.directory);
  ASSERT_TRUE(caller.authenticated());
  EXPECT_EQ(caller.principal->user, &core.adele());
  // "adele@contoso.com:wrong"
  EXPECT_FALSE(authenticate("Basic YWRlbGVAY29udG9zby5jb206d3Jvbmc=", *core.directory).authenticated());
  EXPECT_FALSE(authenticate("Basic !!!", *core.directory).authenticated());
  EXPECT_EQ(authenticate("Digest abc", *core.directory).scheme, core::CredentialScheme::kOther);
}

}  // namespace
}  // namespace oofgate::gateway
