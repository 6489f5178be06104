#include "gateway/observability/log_writer.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
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
    LogWriter writer(pipe_fds[1], true, LogWriter::kDefaultLaneCapacity, std::chrono::milliseconds(10));
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
    // Two lingers: the writer has written what was queued. (The destructor would too, before it
    // closes the pipe, but the count is read here.)
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
  // Nobody reads the pipe, and a lane holds at most 8 bytes (always one line): lines submitted
  // before the writer thread takes the lane must be dropped and counted, and submit() must
  // return at once.
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

// Reads from `fd` until `want` bytes came or `limit` passed; what came.
std::string read_for(int fd, std::size_t want, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::string text;
  char block[65536];
  while (text.size() < want && std::chrono::steady_clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, 10) == 1) {
      const ssize_t got = ::read(fd, block, sizeof block);
      if (got <= 0) {
        break;
      }
      text.append(block, static_cast<std::size_t>(got));
    }
  }
  return text;
}

TEST(LogWriter, ALineIsWrittenOnceTheLingerHasPassedWithoutWaitingForMore) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  LogWriter writer(pipe_fds[1], true, LogWriter::kDefaultLaneCapacity, std::chrono::milliseconds(20));
  ASSERT_TRUE(writer.submit("only line\n"));
  // While the writer runs: no stop, no further line pushes it out.
  EXPECT_EQ(read_for(pipe_fds[0], 10, std::chrono::seconds(5)), "only line\n");
  ::close(pipe_fds[0]);
}

TEST(LogWriter, WhileLinesKeepComingOnlyTheLingerWakesTheWriter) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  LogWriter writer(pipe_fds[1], true, LogWriter::kDefaultLaneCapacity, std::chrono::milliseconds(20));
  // A line every millisecond for 300 ms: about fifteen batches, each written by the writer's own
  // cadence. Only the very first line finds the writer idle and has to wake it (the writer goes
  // idle only after a whole linger without a line).
  std::size_t queued = 0;
  const std::string line = "steady traffic\n";
  for (int i = 0; i < 300; ++i) {
    ASSERT_TRUE(writer.submit(line));
    queued += line.size();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(read_for(pipe_fds[0], queued, std::chrono::seconds(10)).size(), queued);
  EXPECT_GT(writer.writes(), 5U);  // several batches, not one at the end
  // A little slack for a machine that stalls the submitter for longer than a linger.
  EXPECT_LE(writer.wake_ups(), 3U);
  ::close(pipe_fds[0]);
}

TEST(LogWriter, AWriterThatWentIdleIsWokenByTheNextLine) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  LogWriter writer(pipe_fds[1], true, LogWriter::kDefaultLaneCapacity, std::chrono::milliseconds(2));
  for (int round = 1; round <= 20; ++round) {
    ASSERT_TRUE(writer.submit("after a pause\n"));
    EXPECT_EQ(read_for(pipe_fds[0], 14, std::chrono::seconds(5)), "after a pause\n") << "round " << round;
    // Long enough for the writer to see a linger without a line and go idle, or to be just
    // about to: the next line lands on either side of its last look.
    std::this_thread::sleep_for(std::chrono::microseconds(500 * round));
  }
  EXPECT_GE(writer.wake_ups(), 2U);
  ::close(pipe_fds[0]);
}

TEST(LogWriter, ALaneThatFillsIsWrittenBeforeTheLingerEnds) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const std::string line = std::string(99, 'z') + '\n';
  std::size_t queued = 0;
  std::string early;
  std::string rest;
  std::thread reader;
  {
    // A linger far longer than the test may take: only the early flush can write lines now.
    LogWriter writer(pipe_fds[1], true, LogWriter::kDefaultLaneCapacity, std::chrono::hours(1));
    while (queued < LogWriter::kEarlyFlushBytes) {
      ASSERT_TRUE(writer.submit(line));
      queued += line.size();
    }
    // The lane's entries carry a header as well as the line, so it passed kEarlyFlushBytes a few
    // lines before the last one; those last lines wait for the next batch (here: the stop).
    early = read_for(pipe_fds[0], LogWriter::kEarlyFlushBytes / 2, std::chrono::seconds(10));
    EXPECT_GE(early.size(), LogWriter::kEarlyFlushBytes / 2);
    // The rest of that batch and the stop's lines, read while the writer writes them.
    reader = std::thread([&] { rest = read_all(pipe_fds[0]); });
  }
  reader.join();
  const std::string received = early + rest;
  ::close(pipe_fds[0]);
  EXPECT_EQ(received.size(), queued);
  EXPECT_EQ(received.find_first_not_of("z\n"), std::string::npos);
}

TEST(LogWriter, FormatsInPlaceAndDropsWhatAFailedFormatAppended) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  std::string received;
  std::thread reader([&] { received = read_all(pipe_fds[0]); });
  {
    LogWriter writer(pipe_fds[1], true);
    EXPECT_TRUE(writer.append([](std::string& out) { out += "first\n"; }));
    EXPECT_FALSE(writer.append([](std::string& out) {
      out += "half a li";
      throw std::runtime_error("formatting failed");
    }));
    EXPECT_TRUE(writer.append([](std::string& out) { out += "second\n"; }));
    EXPECT_EQ(writer.dropped(), 1U);
  }
  reader.join();
  EXPECT_EQ(received, "first\nsecond\n");
}

// A renderer that spells its payload (a count) as that many 'r's and a newline, and notes the
// thread it ran on.
std::thread::id renderer_thread;
void render_count(std::string_view payload, ByteBuffer& out) {
  renderer_thread = std::this_thread::get_id();
  if (payload == "boom") {
    out.append("half a li");
    throw std::runtime_error("rendering failed");
  }
  out.append(std::string(std::stoul(std::string(payload)), 'r') + '\n');
}

// Queues `payload` as an entry rendered by render_count.
bool append_count(LogWriter& writer, std::string_view payload) {
  return writer.append_entry(&render_count, payload.size(),
                             [payload](char* at) noexcept { std::memcpy(at, payload.data(), payload.size()); });
}

TEST(LogWriter, EntriesAreRenderedOnTheWriterThreadInOrderWithTextLines) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  {
    LogWriter writer(pipe_fds[1], true);
    EXPECT_TRUE(append_count(writer, "3"));
    EXPECT_TRUE(writer.submit("text\n"));
    // A renderer that throws loses its own entry only; the rest of the batch is written.
    EXPECT_TRUE(append_count(writer, "boom"));
    EXPECT_TRUE(append_count(writer, "0"));
    // A text line whose formatting throws is dropped at once, with what it appended.
    EXPECT_FALSE(writer.append([](std::string& out) {
      out += "12";
      throw std::runtime_error("formatting failed");
    }));
    EXPECT_TRUE(append_count(writer, "1"));
    const std::string expected = "rrr\ntext\n\nr\n";
    EXPECT_EQ(read_for(pipe_fds[0], expected.size(), std::chrono::seconds(5)), expected);
    EXPECT_EQ(writer.dropped(), 2U);
  }
  ::close(pipe_fds[0]);
  EXPECT_NE(renderer_thread, std::this_thread::get_id());
  EXPECT_NE(renderer_thread, std::thread::id());
}

// The scheduling policy of every thread of this process (field 41 of /proc/self/task/*/stat).
std::multiset<int> thread_policies() {
  std::multiset<int> policies;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream stat(task.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto after_name = text.rfind(')');  // the name may hold spaces
    if (after_name == std::string::npos) {
      continue;
    }
    std::istringstream fields(text.substr(after_name + 2));
    std::string field;
    // Field 3 (state) is the first after the name; policy is field 41.
    for (int index = 3; index <= 41 && fields >> field; ++index) {
    }
    policies.insert(std::stoi(field));
  }
  return policies;
}

TEST(LogWriter, ItsThreadRunsAsABatchThreadSoItsWakeUpsDoNotPreemptTheSubmitter) {
  const auto before = thread_policies().count(SCHED_BATCH);
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  {
    LogWriter writer(pipe_fds[1], true);
    ASSERT_TRUE(writer.submit("line\n"));
    // The thread sets its own policy as it starts; a written line shows it has started.
    EXPECT_EQ(read_for(pipe_fds[0], 5, std::chrono::seconds(5)), "line\n");
    EXPECT_EQ(thread_policies().count(SCHED_BATCH), before + 1);
  }
  ::close(pipe_fds[0]);
}

}  // namespace
}  // namespace oofgate::gateway
