#include "core/directory/directory.h"

namespace oofgate::core {

Directory::Directory(std::unique_ptr<DirectoryVersion> first) : current_(first.get()) {
  versions_.push_back(std::move(first));
}

Result<std::unique_ptr<Directory>> Directory::create(std::vector<User> users, std::vector<TokenGrant> tokens) {
  auto version = DirectoryVersion::create(std::move(users), std::move(tokens));
  if (!version) {
    return version.error();
  }
  return std::unique_ptr<Directory>(new Directory(std::move(version).value()));
}

void Directory::publish(std::unique_ptr<DirectoryVersion> next) {
  std::lock_guard lock(replace_mutex_);
  const DirectoryVersion* raw = next.get();
  versions_.push_back(std::move(next));
  current_.store(raw, std::memory_order_release);
}

}  // namespace oofgate::core
