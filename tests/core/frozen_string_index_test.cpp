#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "core/util/frozen_string_index.h"

namespace oofgate::core {
namespace {

TEST(FrozenStringIndex, FindsEveryKeyItWasGivenAndNothingElse) {
  constexpr std::uint32_t kKeys = 5000;
  FrozenStringIndex index(kKeys);
  for (std::uint32_t i = 0; i < kKeys; ++i) {
    ASSERT_TRUE(index.insert("user" + std::to_string(i) + "@contoso.com", i));
  }
  for (std::uint32_t i = 0; i < kKeys; ++i) {
    EXPECT_EQ(index.find("user" + std::to_string(i) + "@contoso.com"), i);
  }
  EXPECT_EQ(index.find("user5000@contoso.com"), FrozenStringIndex::kMissing);
  EXPECT_EQ(index.find("user1@contoso.co"), FrozenStringIndex::kMissing);
  EXPECT_EQ(index.find(""), FrozenStringIndex::kMissing);
}

TEST(FrozenStringIndex, ADuplicateKeyIsRefusedAndKeepsTheFirstPosition) {
  FrozenStringIndex index(2);
  ASSERT_TRUE(index.insert("a", 7));
  EXPECT_FALSE(index.insert("a", 8));
  EXPECT_EQ(index.find("a"), 7U);
}

TEST(FrozenStringIndex, KeysLongerThanASlotAreComparedWhole) {
  const std::string prefix(60, 'x');
  FrozenStringIndex index(3);
  ASSERT_TRUE(index.insert(prefix + "1", 1));
  ASSERT_TRUE(index.insert(prefix + "2", 2));
  ASSERT_TRUE(index.insert("", 0));
  EXPECT_EQ(index.find(prefix + "1"), 1U);
  EXPECT_EQ(index.find(prefix + "2"), 2U);
  EXPECT_EQ(index.find(prefix + "3"), FrozenStringIndex::kMissing);
  EXPECT_EQ(index.find(""), 0U);
  EXPECT_FALSE(index.insert(prefix + "2", 9));
}

TEST(FrozenStringIndex, MoreKeysThanItWasSizedForIsAnError) {
  FrozenStringIndex index(4);
  for (std::uint32_t i = 0; i < 4; ++i) {
    ASSERT_TRUE(index.insert(std::to_string(i), i));
  }
  EXPECT_THROW(index.insert("4", 4), std::length_error);
}

}  // namespace
}  // namespace oofgate::core
