#include "e2e/gateway_process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef OOFGATE_BINARY
#error "OOFGATE_BINARY must name the oofgate executable under test"
#endif

namespace oofgate::testing {

namespace {

// The serve arguments every test gateway gets, after writing its users file.
std::vector<std::string> default_serve_args(const std::filesystem::path& dir, const std::string& users_json,
                                            std::vector<std::string> extra_args) {
  std::filesystem::create_directories(dir / "data");
  {
    std::ofstream users(dir / "users.json");
    users << users_json;
  }
  std::vector<std::string> args = {"serve",
                                   "--listen",
                                   "127.0.0.1:0",
                                   "--data-dir",
                                   (dir / "data").string(),
                                   "--users",
                                   (dir / "users.json").string(),
                                   "--threads",
                                   "2"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  return args;
}

// In the child: exec `oofgate ARGS...`, with the given environment if any.
[[noreturn]] void exec_oofgate(const std::vector<std::string>& args,
                               const std::optional<std::vector<std::string>>& environment) {
  std::vector<std::string> all = {OOFGATE_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : all) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  if (environment) {
    std::vector<std::string> entries = *environment;
    std::vector<char*> envp;
    for (auto& entry : entries) {
      envp.push_back(entry.data());
    }
    envp.push_back(nullptr);
    execve(argv[0], argv.data(), envp.data());
  } else {
    execv(argv[0], argv.data());
  }
  _exit(127);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

GatewayProcess::GatewayProcess(const std::filesystem::path& dir, const std::string& users_json,
                               std::vector<std::string> extra_args)
    : GatewayProcess(default_serve_args(dir, users_json, std::move(extra_args)), std::nullopt) {}

GatewayProcess::GatewayProcess(std::vector<std::string> args,
                               const std::optional<std::vector<std::string>>& environment) {
  int out[2];
  if (pipe(out) != 0) {
    throw std::runtime_error("pipe failed");
  }
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    exec_oofgate(args, environment);
  }
  close(out[1]);
  // Read stdout until the ready line, with a deadline: a gateway that never gets ready fails
  // the test instead of hanging it.
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  const std::regex ready("oofgate listening on http://(127\\.0\\.0\\.1|\\[::1\\]):(\\d+)\n");
  std::smatch match;
  while (!std::regex_search(seen, match, ready)) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd pfd{out[0], POLLIN, 0};
    if (left.count() <= 0 || poll(&pfd, 1, static_cast<int>(left.count())) <= 0) {
      close(out[0]);
      kill_hard();
      throw std::runtime_error("oofgate did not become ready; stdout so far: " + seen);
    }
    char buffer[256];
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) {
      close(out[0]);
      kill_hard();
      throw std::runtime_error("oofgate exited before becoming ready; stdout: " + seen);
    }
    seen.append(buffer, static_cast<std::size_t>(n));
  }
  address_ = match[1].str();
  port_ = static_cast<std::uint16_t>(std::stoi(match[2].str()));
  close(out[0]);
}

GatewayProcess::~GatewayProcess() {
  if (pid_ > 0) {
    stop();
  }
}

int GatewayProcess::stop() {
  if (pid_ <= 0) {
    return -1;
  }
  ::kill(pid_, SIGTERM);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill_hard();
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void GatewayProcess::kill_hard() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
}

ScratchDir::ScratchDir() {
  std::random_device random;
  path_ =
      std::filesystem::temp_directory_path() / ("oofgate-e2e-" + std::to_string(random()) + std::to_string(getpid()));
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string e2e_users_json() {
  return R"({
  "users": [
    {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
     "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": true},
    {"id": "2b7a1d65-1f3c-4e1b-9a0f-0c3b5e2d7a91", "userPrincipalName": "alex@contoso.com",
     "displayName": "Alex Wilber", "password": "Alex-Pa55", "umEnabled": true},
    {"id": "5c0d6a7e-8b1f-4c2d-9e3a-4f5b6c7d8e9f", "userPrincipalName": "nora@contoso.com",
     "displayName": "Nora Noum", "password": "Nora-Pa55", "umEnabled": false}
  ],
  "tokens": [
    {"token": "adele-rw", "user": "adele@contoso.com", "kind": "delegated", "scopes": ["MailboxSettings.ReadWrite"]},
    {"token": "alex-rw", "user": "alex@contoso.com", "kind": "delegated", "scopes": ["MailboxSettings.ReadWrite"]},
    {"token": "app-rw", "kind": "application", "roles": ["MailboxSettings.ReadWrite"]}
  ]
})";
}

}  // namespace oofgate::testing

namespace oofgate::testing {

Exited run_to_exit(const std::filesystem::path& dir, const std::vector<std::string>& args,
                   const std::optional<std::vector<std::string>>& environment, std::optional<unsigned> run_as) {
  const auto out_path = dir / "run.out";
  const auto err_path = dir / "run.err";
  const pid_t pid = fork();
  if (pid == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    if (run_as && (setgroups(0, nullptr) != 0 || setgid(*run_as) != 0 || setuid(*run_as) != 0)) {
      _exit(126);
    }
    exec_oofgate(args, environment);
  }
  Exited exited;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      exited.err = "still running after 30 s";
      return exited;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  exited.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  exited.out = read_file(out_path);
  exited.err = read_file(err_path);
  return exited;
}

}  // namespace oofgate::testing
