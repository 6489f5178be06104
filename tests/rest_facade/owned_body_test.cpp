#include <gtest/gtest.h>

#include "rest_facade/json/owned_body.h"

namespace oofgate::rest {
namespace {

TEST(OwnedBody, OwnerMembersComeFirstThenTheSharedOnes) {
  EXPECT_EQ(owned_body("https://x/$metadata#users('a')/mailboxSettings", "AAMk=", R"({"timeZone":"UTC"})"),
            R"({"@odata.context":"https://x/$metadata#users('a')/mailboxSettings","archiveFolder":"AAMk=",)"
            R"("timeZone":"UTC"})");
  EXPECT_EQ(owned_body("u", std::nullopt, R"({"status":"disabled","externalAudience":"all"})"),
            R"({"@odata.context":"u","status":"disabled","externalAudience":"all"})");
}

TEST(OwnedBody, AnEmptySharedObjectLeavesNoDanglingComma) {
  EXPECT_EQ(owned_body("u", std::nullopt, "{}"), R"({"@odata.context":"u"})");
}

TEST(OwnedBody, OwnerTextIsEscaped) {
  EXPECT_EQ(owned_body("users('a\"b\\c\n')", std::nullopt, "{}"), R"j({"@odata.context":"users('a\"b\\c\n')"})j");
}

}  // namespace
}  // namespace oofgate::rest
