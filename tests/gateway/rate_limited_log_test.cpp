#include <sstream>

#include <gtest/gtest.h>

#include "gateway/server/rate_limited_log.h"

namespace oofgate::gateway {
namespace {

using namespace std::chrono_literals;

TEST(RateLimitedLog, OneLinePerIntervalThenCountsWhatWasLeftOut) {
  std::ostringstream out;
  RateLimitedLog log(out, 10s);
  const RateLimitedLog::Clock::time_point start{};
  EXPECT_TRUE(log.report("accept failed", start + 1s));
  for (int i = 0; i < 1000; ++i) {
    EXPECT_FALSE(log.report("accept failed", start + 2s));
  }
  EXPECT_FALSE(log.report("accept failed", start + 10s));
  EXPECT_TRUE(log.report("accept failed", start + 11s));
  EXPECT_EQ(out.str(),
            "oofgate: accept failed\n"
            "oofgate: accept failed (1001 more since the last such line)\n");
}

}  // namespace
}  // namespace oofgate::gateway
