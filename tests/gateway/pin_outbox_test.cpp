// The ResetPIN delivery of the gateway: one 0600 message file per reset in DATA/outbox.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "gateway/config/pin_outbox.h"
#include "support/core_fixture.h"

namespace oofgate::gateway {
namespace {

namespace fs = std::filesystem;

class PinOutboxTest : public ::testing::Test {
 protected:
  PinOutboxTest()
      : root_(fs::temp_directory_path() / ("oofgate-outbox-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(root_);
  }
  ~PinOutboxTest() override { fs::remove_all(root_); }

  static std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static unsigned mode_of(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 0777U;
  }

  fs::path root_;
  core::FixedClock clock_{testing::fixed_now()};
  core::User adele_{testing::kAdeleId, testing::kAdeleUpn, "Adele Vance", "", true};
};

TEST_F(PinOutboxTest, WritesOnePrivateMessageForTheUser) {
  PinOutbox outbox(root_ / "data" / "outbox", clock_);
  const auto receipt = outbox.deliver(adele_, "482913");
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  const fs::path expected = root_ / "data" / "outbox" / "adele@contoso.com-20300115T120000Z.txt";
  EXPECT_EQ(receipt.value(), expected.string());
  EXPECT_EQ(mode_of(expected), 0600U);
  EXPECT_EQ(mode_of(root_ / "data" / "outbox"), 0700U);
  EXPECT_EQ(read(expected),
            "To: Adele Vance <adele@contoso.com>\n"
            "Date: 2030-01-15T12:00:00Z\n"
            "Subject: Your new voice mail PIN\n"
            "\n"
            "Your voice mail PIN was reset. Your new PIN is:\n"
            "\n"
            "    482913\n"
            "\n"
            "If you did not ask for a new PIN, tell your administrator.\n");
}

TEST_F(PinOutboxTest, ResetsWithinOneSecondGetTheirOwnFiles) {
  PinOutbox outbox(root_ / "outbox", clock_);
  const auto first = outbox.deliver(adele_, "111222");
  const auto second = outbox.deliver(adele_, "333444");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(fs::path(second.value()).filename(), "adele@contoso.com-20300115T120000Z-2.txt");
  EXPECT_NE(read(first.value()).find("111222"), std::string::npos);
  EXPECT_NE(read(second.value()).find("333444"), std::string::npos);
}

TEST_F(PinOutboxTest, UpnCannotLeaveTheOutbox) {
  PinOutbox outbox(root_ / "outbox", clock_);
  core::User sneaky = adele_;
  sneaky.user_principal_name = "../../etc/passwd";
  const auto receipt = outbox.deliver(sneaky, "482913");
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ(fs::path(receipt.value()).parent_path(), root_ / "outbox");
  EXPECT_EQ(fs::path(receipt.value()).filename(), "_.._.._etc_passwd-20300115T120000Z.txt");
}

TEST_F(PinOutboxTest, WithdrawRemovesTheMessage) {
  PinOutbox outbox(root_ / "outbox", clock_);
  const auto receipt = outbox.deliver(adele_, "482913");
  ASSERT_TRUE(receipt.ok());
  outbox.withdraw(receipt.value());
  EXPECT_FALSE(fs::exists(receipt.value()));
}

TEST_F(PinOutboxTest, UnwritableOutboxFailsWithoutNamingThePin) {
  fs::create_directories(root_);
  std::ofstream(root_ / "outbox") << "a file where the directory should be";
  PinOutbox outbox(root_ / "outbox", clock_);
  const auto receipt = outbox.deliver(adele_, "482913");
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.error().code, core::ErrorCode::kStoreUnavailable);
  EXPECT_EQ(receipt.error().message.find("482913"), std::string::npos) << receipt.error().message;
}

// The names of the messages in `directory`, sorted.
std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST_F(PinOutboxTest, AUserKeepsOnlyTheNewestMessages) {
  PinOutbox outbox(root_ / "outbox", clock_, PinOutboxLimits{3, 100});
  core::User alex{testing::kAlexId, testing::kAlexUpn, "Alex Wilber", "", true};
  ASSERT_TRUE(outbox.deliver(alex, "909090").ok());
  // A user whose UPN extends Adele's must not lose messages to her limit.
  core::User lookalike{"id-l", "adele@contoso.com-1", "Lookalike", "", true};
  ASSERT_TRUE(outbox.deliver(lookalike, "808080").ok());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(outbox.deliver(adele_, "10000" + std::to_string(i)).ok()) << i;
    if (i == 1) {
      ASSERT_TRUE(outbox.deliver(adele_, "555555").ok());  // same second: the -2 name
    }
    clock_.set(clock_.now() + std::chrono::minutes(1));
  }
  EXPECT_EQ(
      names_in(root_ / "outbox"),
      (std::vector<std::string>{"adele@contoso.com-1-20300115T120000Z.txt", "adele@contoso.com-20300115T120200Z.txt",
                                "adele@contoso.com-20300115T120300Z.txt", "adele@contoso.com-20300115T120400Z.txt",
                                "alex@contoso.com-20300115T120000Z.txt"}));
  EXPECT_NE(read(root_ / "outbox" / "adele@contoso.com-20300115T120400Z.txt").find("100004"), std::string::npos);
}

TEST_F(PinOutboxTest, AFullOutboxRefusesAndWritesNothing) {
  PinOutbox outbox(root_ / "outbox", clock_, PinOutboxLimits{5, 2});
  core::User alex{testing::kAlexId, testing::kAlexUpn, "Alex Wilber", "", true};
  ASSERT_TRUE(outbox.deliver(adele_, "111111").ok());
  ASSERT_TRUE(outbox.deliver(alex, "222222").ok());
  const auto refused = outbox.deliver(adele_, "333333");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kStoreUnavailable);
  EXPECT_EQ(refused.error().message,
            "PIN outbox: " + (root_ / "outbox").string() + " holds 2 messages, its limit; nothing is forwarding them");
  EXPECT_EQ(names_in(root_ / "outbox").size(), 2U);
}

TEST_F(PinOutboxTest, TheMessageOfTheStillValidPinIsNeverRemovedFirst) {
  PinOutbox outbox(root_ / "outbox", clock_, PinOutboxLimits{1, 100});  // raised to 2
  ASSERT_TRUE(outbox.deliver(adele_, "111111").ok());
  clock_.set(clock_.now() + std::chrono::minutes(1));
  ASSERT_TRUE(outbox.deliver(adele_, "222222").ok());
  clock_.set(clock_.now() + std::chrono::minutes(1));
  ASSERT_TRUE(outbox.deliver(adele_, "333333").ok());
  EXPECT_EQ(names_in(root_ / "outbox"), (std::vector<std::string>{"adele@contoso.com-20300115T120100Z.txt",
                                                                  "adele@contoso.com-20300115T120200Z.txt"}));
}

}  // namespace
}  // namespace oofgate::gateway
