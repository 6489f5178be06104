#include "gateway/admin/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <utility>

#include "core/directory/password_hasher.h"

namespace oofgate::gateway {
namespace {

// The password and its confirmation from the terminal. Echo stays off from before the first
// prompt until after the second answer, so nothing typed (type-ahead included) is ever shown.
std::pair<std::string, std::string> read_hidden_twice(const std::string& first_prompt) {
  termios saved{};
  const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::pair<std::string, std::string> answers;
  std::cerr << first_prompt << std::flush;
  std::getline(std::cin, answers.first);
  std::cerr << "\nRetype it: " << std::flush;
  std::getline(std::cin, answers.second);
  std::cerr << "\n";
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  }
  return answers;
}

}  // namespace

core::Result<std::string> read_new_password(const std::string& who) {
  std::string password;
  if (::isatty(STDIN_FILENO) == 1) {
    auto [typed, retyped] = read_hidden_twice("New password for " + who + ": ");
    password = std::move(typed);
    if (retyped != password) {
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
