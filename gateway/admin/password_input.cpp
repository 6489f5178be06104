#include "gateway/admin/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "core/directory/password_hasher.h"

namespace oofgate::gateway {
namespace {

// One line from the terminal with echo off; echo is restored before returning.
std::string read_hidden_line(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  }
  std::cerr << "\n";
  return line;
}

}  // namespace

core::Result<std::string> read_new_password(const std::string& who) {
  std::string password;
  if (::isatty(STDIN_FILENO) == 1) {
    password = read_hidden_line("New password for " + who + ": ");
    if (read_hidden_line("Retype it: ") != password) {
      return core::Error{core::ErrorCode::kInvalidArgument, "the passwords differ; nothing was changed"};
    }
  } else {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') {
      password.pop_back();
    }
  }
  if (password.empty()) {
    return core::Error{core::ErrorCode::kInvalidArgument, "an empty password is not allowed; nothing was changed"};
  }
  if (!core::PasswordHasher::is_acceptable_password(password)) {
    return core::Error{core::ErrorCode::kInvalidArgument, "a password may not contain NUL; nothing was changed"};
  }
  return password;
}

}  // namespace oofgate::gateway
