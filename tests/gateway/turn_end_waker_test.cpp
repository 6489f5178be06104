#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "gateway/server/turn_end_waker.h"

namespace oofgate::gateway {
namespace {

class Recorder final : public core::Wakeable {
 public:
  Recorder(std::vector<std::string>& events, std::string name) : events_(events), name_(std::move(name)) {}
  void wake() noexcept override { events_.push_back("wake " + name_); }

 private:
  std::vector<std::string>& events_;
  std::string name_;
};

TEST(TurnEndWaker, WakesEachTargetOnceAfterTheWorkAlreadyQueued) {
  boost::asio::io_context io(1);
  TurnEndWaker waker(io);
  std::vector<std::string> events;
  Recorder committer(events, "committer");
  Recorder other(events, "other");
  // Two requests ready in the same turn: the first queues writes, the second is answered after.
  boost::asio::post(io, [&] {
    events.push_back("first request");
    waker.wake_after_turn(committer, false);
    waker.wake_after_turn(committer, false);
    waker.wake_after_turn(other, false);
  });
  boost::asio::post(io, [&] {
    events.push_back("second request");
    waker.wake_after_turn(committer, false);
  });
  io.run();
  EXPECT_EQ(events, (std::vector<std::string>{"first request", "second request", "wake committer", "wake other"}));
}

TEST(TurnEndWaker, ALaterTurnWakesAgain) {
  boost::asio::io_context io(1);
  TurnEndWaker waker(io);
  std::vector<std::string> events;
  Recorder committer(events, "committer");
  boost::asio::post(io, [&] { waker.wake_after_turn(committer, false); });
  io.run();
  io.restart();
  boost::asio::post(io, [&] { waker.wake_after_turn(committer, false); });
  io.run();
  EXPECT_EQ(events, (std::vector<std::string>{"wake committer", "wake committer"}));
}

}  // namespace
}  // namespace oofgate::gateway
