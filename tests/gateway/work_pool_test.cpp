// The work pool that keeps password hashing and fsyncs off the I/O threads.
#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "gateway/auth/work_pool.h"

namespace oofgate::gateway {
namespace {

// Holds the pool's only worker inside a job until release().
class Gate {
 public:
  std::function<void()> job() {
    return [this] {
      entered_.set_value();
      released_future_.wait();
    };
  }
  void wait_entered() { entered_.get_future().wait(); }
  void release() { released_.set_value(); }

 private:
  std::promise<void> entered_;
  std::promise<void> released_;
  std::shared_future<void> released_future_ = released_.get_future().share();
};

TEST(WorkPool, RunsJobsOnItsOwnThread) {
  WorkPool pool(WorkPoolOptions{1, 4});
  std::promise<std::thread::id> ran_on;
  ASSERT_TRUE(pool.submit([&] { ran_on.set_value(std::this_thread::get_id()); }, [] {}));
  EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
}

TEST(WorkPool, RefusesBeyondItsQueueCapacity) {
  WorkPool pool(WorkPoolOptions{1, 2});
  Gate gate;
  ASSERT_TRUE(pool.submit(gate.job(), [] {}));
  gate.wait_entered();  // the worker is busy, so what follows waits in the queue
  std::atomic<int> finished{0};
  const auto count = [&] { ++finished; };
  EXPECT_TRUE(pool.submit(count, count));
  EXPECT_TRUE(pool.submit(count, count));
  EXPECT_FALSE(pool.submit(count, count));
  EXPECT_EQ(pool.queued(), 2U);
  gate.release();
  pool.stop();
  EXPECT_EQ(finished.load(), 2) << "each accepted job ran or was cancelled, the refused one neither";
}

TEST(WorkPool, StopCancelsWhatIsQueuedAndRefusesNewWork) {
  WorkPool pool(WorkPoolOptions{1, 8});
  Gate gate;
  ASSERT_TRUE(pool.submit(gate.job(), [] {}));
  gate.wait_entered();
  std::atomic<int> ran{0};
  std::atomic<int> cancelled{0};
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(pool.submit([&] { ++ran; }, [&] { ++cancelled; }));
  }
  std::thread stopper([&] { pool.stop(); });
  while (cancelled.load() < 3) {
    std::this_thread::yield();  // stop() cancels the queue before it joins the busy worker
  }
  gate.release();
  stopper.join();
  EXPECT_EQ(ran.load(), 0);
  EXPECT_EQ(cancelled.load(), 3);
  EXPECT_FALSE(pool.submit([] {}, [] {}));
}

TEST(WorkPool, AThrowingJobDoesNotTakeItsWorkerDown) {
  WorkPool pool(WorkPoolOptions{1, 4});
  ASSERT_TRUE(pool.submit([] { throw std::runtime_error("boom"); }, [] {}));
  std::promise<void> after;
  ASSERT_TRUE(pool.submit([&] { after.set_value(); }, [] {}));
  EXPECT_EQ(after.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
}

}  // namespace
}  // namespace oofgate::gateway
