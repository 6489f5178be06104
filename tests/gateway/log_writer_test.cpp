#include "gateway/observability/log_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace oofgate::gateway {
namespace {

std::string read_all(int fd) {
  std::string text;
  char block[4096];
  ssize_t got = 0;
  while ((got = ::read(fd, block, sizeof block)) > 0) {
    text.append(block, static_cast<std::size_t>(got));
  }
  return text;
}

TEST(LogWriter, LinesFromManyThreadsArriveWholeInOrderAndBatched) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  constexpr int kThreads = 4;
  constexpr int kLines = 2000;
  std::string received;
  std::thread reader([&] { received = read_all(pipe_fds[0]); });
  std::uint64_t writes = 0;
  {
    LogWriter writer(pipe_fds[1], true);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&writer, t] {
        for (int i = 0; i < kLines; ++i) {
          EXPECT_TRUE(writer.submit("thread " + std::to_string(t) + " line " + std::to_string(i) + '\n'));
        }
      });
    }
    for (auto& thread : threads) {
      thread.join();
    }
    // The destructor writes every queued line before it closes the pipe.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    writes = writer.writes();
  }
  reader.join();

  std::map<int, int> next_line;
  std::istringstream lines(received);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    int thread = -1;
    int index = -1;
    ASSERT_EQ(std::sscanf(line.c_str(), "thread %d line %d", &thread, &index), 2) << line;
    EXPECT_EQ(index, next_line[thread]) << "thread " << thread << " out of order or torn";
    next_line[thread] = index + 1;
    ++count;
  }
  EXPECT_EQ(count, kThreads * kLines);
  // Several lines per write(2): far fewer calls than lines.
  EXPECT_GT(writes, 0U);
  EXPECT_LT(writes, static_cast<std::uint64_t>(kThreads * kLines / 4));
}

TEST(LogWriter, ALineLongerThanPipeBufGoesOutAloneAndWhole) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  std::string received;
  std::thread reader([&] { received = read_all(pipe_fds[0]); });
  const std::string long_line = std::string(3 * PIPE_BUF, 'x') + '\n';
  {
    LogWriter writer(pipe_fds[1], true);
    EXPECT_TRUE(writer.submit("short\n"));
    EXPECT_TRUE(writer.submit(long_line));
    EXPECT_TRUE(writer.submit("after\n"));
  }
  reader.join();
  EXPECT_EQ(received, "short\n" + long_line + "after\n");
}

TEST(LogWriter, AFullQueueDropsAndCountsInsteadOfBlocking) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  // Nobody reads the pipe: once it is full the writer thread blocks in write(2), the queue fills,
  // and submit() must still return at once.
  ASSERT_EQ(::fcntl(pipe_fds[1], F_SETFL, O_NONBLOCK), 0);
  {
    LogWriter writer(pipe_fds[1], true, 8);
    const std::string line(1000, 'y');
    int accepted = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 10000; ++i) {
      accepted += writer.submit(line + '\n') ? 1 : 0;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    EXPECT_GT(writer.dropped(), 0U);
    EXPECT_EQ(writer.dropped() + static_cast<std::uint64_t>(accepted), 10000U);
  }
  ::close(pipe_fds[0]);
}

}  // namespace
}  // namespace oofgate::gateway
