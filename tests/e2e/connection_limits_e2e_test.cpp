// Connection limits against the real binary: --max-connections, and accept when the process
// is out of file descriptors (it must wait, not spin).
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "e2e/e2e_support.h"

namespace oofgate::testing {
namespace {

namespace http = boost::beast::http;
using namespace std::chrono_literals;

// A plain loopback TCP connection, closed on destruction.
class Connection {
 public:
  explicit Connection(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  bool connected() const { return connected_; }

  // Sends a keep-alive GET and returns the first bytes of the answer ("" if the server closed).
  std::string get() {
    const std::string request =
        "GET /v1.0/me/mailboxSettings/timeZone HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer adele-rw\r\n\r\n";
    if (::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
      return "";
    }
    char buffer[512];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "";
  }

 private:
  int fd_;
  bool connected_ = false;
};

bool answered_200(const std::string& answer) { return answer.rfind("HTTP/1.1 200 ", 0) == 0; }

// A fresh connection's GET, retried until `deadline`: a slot is returned only once the server
// has seen the previous connection close.
bool served_within(std::uint16_t port, std::chrono::steady_clock::duration deadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    Connection connection(port);
    if (answered_200(connection.get())) {
      return true;
    }
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

TEST(ConnectionLimits, BeyondMaxConnectionsNewConnectionsAreClosedAtOnce) {
  ScratchDir dir;
  GatewayProcess gateway(dir.path(), e2e_users_json(), {"--max-connections", "2"});
  auto first = std::make_unique<Connection>(gateway.port());
  Connection second(gateway.port());
  ASSERT_TRUE(answered_200(first->get()));
  ASSERT_TRUE(answered_200(second.get()));
  {
    Connection third(gateway.port());
    ASSERT_TRUE(third.connected());  // the kernel completes the handshake; oofgate then closes it
    EXPECT_EQ(third.get(), "");
  }
  EXPECT_TRUE(answered_200(second.get())) << "an admitted connection is not disturbed";
  first.reset();
  EXPECT_TRUE(served_within(gateway.port(), 5s)) << "a closed connection's slot is returned";
}

long cpu_ticks(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command name, which is in parentheses and may contain spaces.
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  long utime = 0;
  long stime = 0;
  for (int index = 3; fields >> field; ++index) {
    if (index == 14) {
      utime = std::stol(field);
    } else if (index == 15) {
      stime = std::stol(field);
      break;
    }
  }
  return utime + stime;
}

// The gateway inherits a soft RLIMIT_NOFILE of 64 (the test's own limit is lowered around the
// fork only), then gets more connections than it has descriptors.
TEST(ConnectionLimits, OutOfDescriptorsAcceptWaitsInsteadOfSpinning) {
  ScratchDir dir;
  rlimit original{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &original), 0);
  rlimit low = original;
  low.rlim_cur = 64;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
  std::unique_ptr<GatewayProcess> gateway;
  try {
    gateway = std::make_unique<GatewayProcess>(dir.path(), e2e_users_json());
  } catch (...) {
    setrlimit(RLIMIT_NOFILE, &original);
    throw;
  }
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &original), 0);

  std::vector<std::unique_ptr<Connection>> flood;
  for (int i = 0; i < 100; ++i) {
    flood.push_back(std::make_unique<Connection>(gateway->port()));
    ASSERT_TRUE(flood.back()->connected());
  }
  std::this_thread::sleep_for(300ms);  // the listeners run out of descriptors
  const long before = cpu_ticks(gateway->pid());
  std::this_thread::sleep_for(2s);
  const long used = cpu_ticks(gateway->pid()) - before;
  // Spinning, two I/O threads burn ~2 s each here; waiting costs a few retries.
  EXPECT_LT(used, sysconf(_SC_CLK_TCK) / 5) << "CPU ticks in 2 s while out of descriptors";

  flood.clear();
  EXPECT_TRUE(served_within(gateway->port(), 5s)) << "served again once descriptors are free";
}

}  // namespace
}  // namespace oofgate::testing
