#include "gateway/observability/byte_buffer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace oofgate::gateway {
namespace {

TEST(ByteBuffer, KeepsWhatWasWrittenAcrossGrowthAndGivesItBackInOrder) {
  ByteBuffer buffer;
  EXPECT_TRUE(buffer.empty());
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    const std::string piece = std::to_string(i) + ",";
    std::memcpy(buffer.extend(piece.size()), piece.data(), piece.size());
    expected += piece;
  }
  EXPECT_EQ(buffer.size(), expected.size());
  EXPECT_EQ(buffer.view(), expected);
  std::memcpy(buffer.extend(2), "!!", 2);
  EXPECT_EQ(buffer.view(), expected + "!!");
}

TEST(ByteBuffer, SwapExchangesContentsAndClearEmpties) {
  ByteBuffer first;
  ByteBuffer second;
  std::memcpy(first.extend(3), "abc", 3);
  first.swap(second);
  EXPECT_TRUE(first.empty());
  EXPECT_EQ(second.view(), "abc");
  second.clear();
  EXPECT_TRUE(second.empty());
  std::memcpy(second.extend(1), "z", 1);
  EXPECT_EQ(second.view(), "z");
}

TEST(ByteBuffer, AppendCopiesBytesAndTruncateOnlyGivesBack) {
  ByteBuffer buffer;
  buffer.append("");
  EXPECT_TRUE(buffer.empty());
  buffer.append("line one\n");
  buffer.append(std::string_view());  // null data, no bytes
  buffer.append("two");
  EXPECT_EQ(buffer.view(), "line one\ntwo");
  buffer.truncate(4);
  EXPECT_EQ(buffer.view(), "line");
  buffer.truncate(100);  // never grows
  EXPECT_EQ(buffer.view(), "line");
  buffer.append("s");
  EXPECT_EQ(buffer.view(), "lines");
}

}  // namespace
}  // namespace oofgate::gateway
