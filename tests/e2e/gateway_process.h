#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace oofgate::testing {

// The real oofgate binary, started on port 0 in a scratch directory, stopped in the destructor.
class GatewayProcess {
 public:
  // Writes users_json to <dir>/users.json and starts `oofgate serve` with <dir>/data.
  GatewayProcess(const std::filesystem::path& dir, const std::string& users_json,
                 std::vector<std::string> extra_args = {});
  ~GatewayProcess();
  GatewayProcess(const GatewayProcess&) = delete;
  GatewayProcess& operator=(const GatewayProcess&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  // SIGTERM, then wait; returns the exit status (or -1 if it had to be killed).
  int stop();
  // SIGKILL: no chance to flush anything.
  void kill_hard();

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// A fresh scratch directory under the system temp dir, removed on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The users file the end-to-end tests share (adele and alex, UM-enabled; nora not).
std::string e2e_users_json();

}  // namespace oofgate::testing
