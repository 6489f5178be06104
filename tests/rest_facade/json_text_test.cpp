#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/utf8.h"
#include "facade_common/json_text.h"

namespace oofgate::facade {
namespace {

// What the checked writer produces: the literal, or "<not utf-8>" when it refused the value.
std::string checked(const std::string& value) {
  std::string out(json_string_bound(value.size()), '\0');
  char* end = write_json_string_if_utf8(out.data(), value);
  return end == nullptr ? std::string("<not utf-8>") : std::string(out.data(), end);
}

// The reference: validate, then escape with the plain writer.
std::string reference(const std::string& value) {
  if (!core::is_valid_utf8(value)) {
    return "<not utf-8>";
  }
  std::string out(json_string_bound(value.size()), '\0');
  return std::string(out.data(), write_json_string(out.data(), value));
}

TEST(JsonText, CheckedWriterEscapesLikeThePlainOne) {
  EXPECT_EQ(checked(""), R"("")");
  EXPECT_EQ(checked("a-b_c.0123456789abcdef"), R"("a-b_c.0123456789abcdef")");
  EXPECT_EQ(checked("quote\" back\\ nl\n ctl\x01 del\x7f"), R"("quote\" back\\ nl\n ctl\u0001 del)"
                                                            "\x7f\"");
  EXPECT_EQ(checked("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
}

TEST(JsonText, CheckedWriterRefusesIllFormedUtf8) {
  for (const std::string& bad : {std::string("\x80"), std::string("abcdefgh\xc0\xaf"), std::string("\xed\xa0\x80"),
                                 std::string("12345678\xf4\x90\x80\x80"), std::string("trailing \xe2\x82")}) {
    EXPECT_EQ(checked(bad), "<not utf-8>") << bad;
  }
}

// The word-at-a-time tests must see a special byte in any lane of a word and at any offset from
// the start, in a value of every length: shorter than a word (padded), a whole number of words,
// and with a last word that overlaps the one before it.
TEST(JsonText, ASpecialByteIsFoundInEveryPositionOfAWord) {
  for (std::size_t length = 1; length <= 25; ++length) {
    EXPECT_EQ(checked(std::string(length, 'p')), reference(std::string(length, 'p'))) << length;
    for (const char special : {'"', '\\', '\n', '\x1f', '\x00'}) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string value(length, 'x');
        value[at] = special;
        EXPECT_EQ(checked(value), reference(value)) << int(special) << " at " << at << " of " << length;
      }
    }
    for (std::size_t at = 0; at < length; ++at) {
      std::string value(length, 'y');
      value[at] = '\xff';
      EXPECT_EQ(checked(value), "<not utf-8>") << at << " of " << length;
      value.replace(at, 1, "\xc3\xa9");
      EXPECT_EQ(checked(value), reference(value)) << at << " of " << length;
    }
  }
}

// copy_if_plain copies a plain value exactly, stores nothing past its slack, and refuses a
// value with a special byte anywhere, at every length around the word and vector sizes.
TEST(JsonText, PlainCopyCopiesPlainValuesAndRefusesTheRest) {
  for (std::size_t length = 0; length <= 50; ++length) {
    std::string value;
    for (std::size_t i = 0; i < length; ++i) {
      value += static_cast<char>('a' + i % 26);
    }
    std::string out(length + kPlainCopySlack + 1, '#');
    char* end = copy_if_plain(out.data(), value);
    ASSERT_NE(end, nullptr) << length;
    EXPECT_EQ(std::string(out.data(), end), value);
    EXPECT_EQ(out.back(), '#') << "stored past the slack at length " << length;
    for (std::size_t at = 0; at < length; ++at) {
      for (const char special : {'"', '\\', '\n', '\x00', '\x80', '\xff'}) {
        std::string bad = value;
        bad[at] = special;
        EXPECT_EQ(copy_if_plain(out.data(), bad), nullptr) << int(special) << " at " << at << " of " << length;
      }
    }
  }
}

// Bytes near the word tricks' edges (0x1f/0x20, 0x21/0x22/0x23, 0x5b/0x5c/0x5d, 0x7f/0x80) and
// random mixtures of ASCII, multi-byte sequences and stray bytes: always the reference's answer.
TEST(JsonText, CheckedWriterAgreesWithValidateThenEscape) {
  std::vector<std::string> pieces = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xed\xa0\x80",
                                     std::string(9, 'q')};
  for (const char byte : std::string_view("aZ !\"#[\\]~\x7f\x1f\t\x80\xc0\xf5\0", 17)) {
    pieces.emplace_back(1, byte);
  }
  std::mt19937 random(20261202);
  for (int round = 0; round < 20000; ++round) {
    std::string value;
    const auto count = random() % 12;
    for (unsigned i = 0; i < count; ++i) {
      value += pieces[random() % pieces.size()];
    }
    ASSERT_EQ(checked(value), reference(value)) << round;
  }
  for (int byte = 0; byte < 256; ++byte) {
    const std::string value = std::string(8, 'k') + static_cast<char>(byte) + std::string(8, 'k');
    EXPECT_EQ(checked(value), reference(value)) << byte;
  }
}

}  // namespace
}  // namespace oofgate::facade
