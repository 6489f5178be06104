#include <gtest/gtest.h>

#include <string>

#include "core/text/utf8.h"

namespace oofgate::core {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(
      is_valid_utf8("Gr\xC3\xBC\xC3\x9F"
                    "e"));                         // Grüße
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));      // U+20AC
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RejectsIllFormedText) {
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800, a surrogate (CESU-8)
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));  // truncated
  EXPECT_FALSE(is_valid_utf8("ok\xFF"));
}

TEST(Utf8, ExcerptEscapesControlAndIllFormedBytesAndCutsLongInput) {
  EXPECT_EQ(printable_excerpt("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(printable_excerpt("a\xFF"
                              "b"),
            "a\\xFFb");
  EXPECT_EQ(printable_excerpt("\xED\xA0\x80"), "\\xED\\xA0\\x80");
  EXPECT_EQ(printable_excerpt(std::string("a\0b\r\n", 5)), "a\\x00b\\x0D\\x0A");
  EXPECT_EQ(printable_excerpt(std::string(100, 'x'), 8), "xxxxxxxx...");
  EXPECT_TRUE(is_valid_utf8(printable_excerpt("\xC3")));
}

TEST(Utf8, AnIllFormedByteIsFoundAtEveryOffsetOfAnAsciiRun) {
  // ASCII runs are skipped eight bytes at a time: a bad byte in any lane, or in the tail shorter
  // than a word, must still be found; a well-formed sequence across a word boundary must pass.
  for (std::size_t length = 1; length <= 41; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      std::string text(length, 'a');
      text[at] = '\xFF';
      EXPECT_FALSE(is_valid_utf8(text)) << "length " << length << ", offset " << at;
      if (at + 1 < length) {
        text[at] = '\xC3';
        text[at + 1] = '\xA9';  // U+00E9
        EXPECT_TRUE(is_valid_utf8(text)) << "length " << length << ", offset " << at;
        text[at + 1] = 'a';  // a lead byte without its continuation
        EXPECT_FALSE(is_valid_utf8(text)) << "length " << length << ", offset " << at;
      }
    }
  }
}

}  // namespace
}  // namespace oofgate::core
