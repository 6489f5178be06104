#include <gtest/gtest.h>

#include <string>

#include "facade_common/json_text.h"
#include "rest_facade/json/json_writer.h"
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

// The hand-written escaper joins owner text into bodies whose other members RapidJSON wrote: the
// two must agree byte for byte on every character, or one answer would mix two spellings.
TEST(OwnedBody, TheJoinEscaperWritesWhatRapidJsonWrites) {
  std::string every_ascii;
  for (int c = 0; c < 128; ++c) {
    every_ascii += static_cast<char>(c);
  }
  for (const std::string& text : {every_ascii, std::string("plain-id_0123"), std::string("caf\xc3\xa9 \xe2\x82\xac"),
                                  std::string(), std::string("\"\\\x1f")}) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    write_string(writer, text);
    std::string joined;
    facade::append_json_string(joined, text);
    EXPECT_EQ(joined, std::string(buffer.GetString(), buffer.GetSize()));
  }
}

}  // namespace
}  // namespace oofgate::rest
