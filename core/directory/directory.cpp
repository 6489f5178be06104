#include "core/directory/directory.h"

#include <algorithm>

#include <openssl/rand.h>

#include "core/directory/password_hasher.h"
#include "core/directory/siphash.h"
#include "core/text/ascii.h"

namespace oofgate::core {

Result<std::unique_ptr<Directory>> Directory::create(std::vector<User> users, std::vector<TokenGrant> tokens) {
  std::unique_ptr<Directory> directory(new Directory());
  directory->users_ = std::move(users);
  RAND_bytes(reinterpret_cast<unsigned char*>(directory->cache_key_.data()), sizeof directory->cache_key_);
  for (auto& user : directory->users_) {
    if (user.id.empty() || user.user_principal_name.empty()) {
      return Error{ErrorCode::kInvalidArgument, "every user needs an id and a userPrincipalName"};
    }
    if (!user.password_hash.empty() && !PasswordHasher::is_hash(user.password_hash)) {
      user.password_hash = PasswordHasher::hash(user.password_hash);
    }
  }
  directory->by_key_ = FrozenStringIndex(2 * directory->users_.size());
  for (std::uint32_t position = 0; position < directory->users_.size(); ++position) {
    const User& user = directory->users_[position];
    for (const auto& key : {to_lower_ascii(user.id), to_lower_ascii(user.user_principal_name)}) {
      if (!directory->by_key_.insert(key, position)) {
        return Error{ErrorCode::kInvalidArgument, "duplicate user id or userPrincipalName: " + key};
      }
    }
  }
  for (std::size_t position = 0; position < tokens.size(); ++position) {
    auto& grant = tokens[position];
    Principal principal{grant.kind, nullptr, grant.permissions, {}};
    if (grant.kind == PrincipalKind::kDelegated) {
      principal.user = directory->find_user(grant.user);
      if (principal.user == nullptr) {
        return Error{ErrorCode::kUserNotFound, "token refers to unknown user '" + grant.user + "'"};
      }
      principal.subject = principal.user->id;
    } else {
      principal.subject = directory->app_subjects_.emplace_back(
          "app:" + (grant.app_name.empty() ? "token-" + std::to_string(position + 1) : grant.app_name));
    }
    if (grant.token.empty() || !directory->tokens_.emplace(std::move(grant.token), principal).second) {
      return Error{ErrorCode::kInvalidArgument, "tokens must be non-empty and unique"};
    }
  }
  return directory;
}

const User* Directory::find_user(std::string_view id_or_upn) const {
  char lowered[256];
  std::uint32_t position = FrozenStringIndex::kMissing;
  if (id_or_upn.size() > sizeof lowered) {
    position = by_key_.find(to_lower_ascii(id_or_upn));
  } else {
    std::transform(id_or_upn.begin(), id_or_upn.end(), lowered, [](char c) { return to_lower_ascii(c); });
    position = by_key_.find(std::string_view(lowered, id_or_upn.size()));
  }
  return position == FrozenStringIndex::kMissing ? nullptr : &users_[position];
}

std::optional<Principal> Directory::authenticate_bearer(std::string_view token) const {
  auto it = tokens_.find(token);
  if (it == tokens_.end()) {
    return std::nullopt;
  }
  return it->second;
}

Directory::Digest Directory::credential_digest(std::string_view user_name, std::string_view password) const {
  std::string material = to_lower_ascii(user_name);
  material.push_back('\0');
  material.append(password);
  return siphash128(cache_key_, material);
}

std::optional<Principal> Directory::authenticate_basic(std::string_view user_name, std::string_view password) const {
  const User* user = find_user(user_name);
  if (user == nullptr || user->password_hash.empty()) {
    return std::nullopt;
  }
  const Digest digest = credential_digest(user_name, password);
  bool known_good = false;
  {
    std::shared_lock lock(verified_mutex_);
    known_good = verified_.count(digest) != 0;
  }
  if (!known_good) {
    if (!PasswordHasher::verify(password, user->password_hash)) {
      return std::nullopt;
    }
    std::lock_guard lock(verified_mutex_);
    verified_.insert(digest);
  }
  // A user signing in with their own password acts for themselves with full mailbox rights.
  PermissionSet permissions;
  permissions.add(Permission::kMailboxSettingsReadWrite);
  permissions.add(Permission::kUserRead);
  return Principal{PrincipalKind::kDelegated, user, permissions, user->id};
}

}  // namespace oofgate::core
