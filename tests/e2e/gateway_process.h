#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace oofgate::testing {

// The real oofgate binary, started on port 0 in a scratch directory, stopped in the destructor.
class GatewayProcess {
 public:
  // Writes users_json to <dir>/users.json and starts `oofgate serve` with <dir>/data.
  GatewayProcess(const std::filesystem::path& dir, const std::string& users_json,
                 std::vector<std::string> extra_args = {});
  // `oofgate ARGS...` as given, with `environment` (NAME=VALUE entries) as its whole environment
  // when given, else this process's; ready once it printed its ready line.
  GatewayProcess(std::vector<std::string> args, const std::optional<std::vector<std::string>>& environment);
  ~GatewayProcess();
  GatewayProcess(const GatewayProcess&) = delete;
  GatewayProcess& operator=(const GatewayProcess&) = delete;

  std::uint16_t port() const { return port_; }
  // The address of the ready line: 127.0.0.1 or [::1].
  const std::string& address() const { return address_; }
  pid_t pid() const { return pid_; }
  // SIGTERM, then wait; returns the exit status (or -1 if it had to be killed).
  int stop();
  // SIGKILL: no chance to flush anything.
  void kill_hard();

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::string address_;
};

// How `oofgate` ended, and what it printed.
struct Exited {
  int code = -1;
  std::string out;
  std::string err;
};

// `oofgate ARGS...` to completion (30 s at most), its output kept in files under `dir`, with
// `environment` as its whole environment when given, and as user and group `run_as` when given
// (tests running as root use it to meet file permissions as an operator would).
Exited run_to_exit(const std::filesystem::path& dir, const std::vector<std::string>& args,
                   const std::optional<std::vector<std::string>>& environment = std::nullopt,
                   std::optional<unsigned> run_as = std::nullopt);

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
