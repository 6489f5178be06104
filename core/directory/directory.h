#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "core/directory/directory_version.h"

namespace oofgate::core {

// The users and credentials every request is checked against, replaceable while requests run
// (SIGHUP reloads the users file). Readers load the current version with one atomic read and no
// lock; replace() publishes a new one. A replaced version is kept until the Directory is
// destroyed, because requests that started before the swap hold User pointers into it; each
// version costs what its users file does, and reloads are operator actions, not client input.
class Directory {
 public:
  // Plain-text passwords are hashed here, so nothing downstream ever holds them.
  static Result<std::unique_ptr<Directory>> create(std::vector<User> users, std::vector<TokenGrant> tokens);

  // Makes `next` (built and validated by DirectoryVersion::create, off the hot path) the version
  // every later lookup answers from. Its cache of verified Basic credentials starts empty, so
  // removed users and changed passwords take effect at once.
  void publish(std::unique_ptr<DirectoryVersion> next);

  static constexpr std::size_t kMaxUserNameBytes = DirectoryVersion::kMaxUserNameBytes;
  static constexpr std::size_t kMaxPasswordBytes = DirectoryVersion::kMaxPasswordBytes;

  // See DirectoryVersion for each of these; they answer from the current version.
  const User* find_user(std::string_view id_or_upn) const { return current().find_user(id_or_upn); }
  std::optional<Principal> authenticate_bearer(std::string_view token) const {
    return current().authenticate_bearer(token);
  }
  std::optional<Principal> authenticate_basic(std::string_view user_name, std::string_view password) const {
    return current().authenticate_basic(user_name, password);
  }
  std::optional<Principal> authenticate_basic_cached(std::string_view user_name, std::string_view password) const {
    return current().authenticate_basic_cached(user_name, password);
  }
  const std::vector<User>& users() const { return current().users(); }

  const DirectoryVersion& current() const { return *current_.load(std::memory_order_acquire); }

 private:
  explicit Directory(std::unique_ptr<DirectoryVersion> first);

  std::atomic<const DirectoryVersion*> current_;
  std::mutex replace_mutex_;  // one replace() at a time; never taken by a reader
  std::vector<std::unique_ptr<const DirectoryVersion>> versions_;
};

}  // namespace oofgate::core
