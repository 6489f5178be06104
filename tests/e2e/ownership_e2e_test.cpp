// One owner per data directory and per port, against the real binary: a second `serve` fails at
// start (exit 1, nothing on stdout, a message naming the holder's PID) and the first keeps
// serving its data.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "e2e/e2e_support.h"

namespace oofgate::testing {
namespace {

namespace http = boost::beast::http;

class Ownership : public GatewayTest {
 protected:
  void SetUp() override {
    GatewayTest::SetUp();
    ASSERT_EQ(graph_patch("/v1.0/me/mailboxSettings", kPatch).result_int(), 200);
  }

  Exited second_serve(const std::string& listen, const std::filesystem::path& data_dir) {
    return run_to_exit(dir_.path(), {"serve", "--listen", listen, "--data-dir", data_dir.string(), "--users",
                                     (dir_.path() / "users.json").string(), "--threads", "2"});
  }

  // The first gateway still answers, alone, with the write it acknowledged.
  void expect_first_serves_its_data() {
    for (int i = 0; i < 20; ++i) {
      const auto response = graph_get("/v1.0/me/mailboxSettings/timeZone");
      ASSERT_EQ(response.result_int(), 200) << response.body();
      EXPECT_STREQ(parse_json(response.body())["value"].GetString(), "Tokyo Standard Time");
    }
  }

  std::string pid() const { return std::to_string(gateway_->pid()); }

  static constexpr const char* kPatch = R"({"timeZone":"Tokyo Standard Time"})";
};

TEST_F(Ownership, SecondServeOnTheSameDataDirectoryFailsAtStart) {
  const auto second = second_serve("127.0.0.1:0", dir_.path() / "data");
  EXPECT_EQ(second.code, 1);
  EXPECT_EQ(second.out, "");
  EXPECT_EQ(second.err, "oofgate: cannot lock " + (dir_.path() / "data" / "oofgate.lock").string() +
                            ": another oofgate process (PID " + pid() +
                            ") is using it; one data directory has one owner at a time\n");
  expect_first_serves_its_data();
  restart();
  expect_first_serves_its_data();
}

TEST_F(Ownership, SecondServeOnTheSamePortFailsAtStartWhateverTheAddress) {
  const std::string port_text = std::to_string(port());
  for (const std::string host : {"127.0.0.1", "0.0.0.0", "[::]"}) {
    const auto second = second_serve(host + ":" + port_text, dir_.path() / ("other-" + std::to_string(host.size())));
    EXPECT_EQ(second.code, 1) << host;
    EXPECT_EQ(second.out, "") << host;
    EXPECT_EQ(second.err, "oofgate: cannot listen on " + host + ":" + port_text + ": another oofgate process (PID " +
                              pid() + ") already listens on port " + port_text + "; one oofgate per port at a time\n");
  }
  expect_first_serves_its_data();
}

TEST_F(Ownership, ALockLeftByAKilledGatewayDoesNotBlockTheNextStart) {
  gateway_->kill_hard();
  ASSERT_TRUE(std::filesystem::exists(dir_.path() / "data" / "oofgate.lock"));
  start();
  expect_first_serves_its_data();
}

}  // namespace
}  // namespace oofgate::testing
