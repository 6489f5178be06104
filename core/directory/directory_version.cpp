#include "core/directory/directory_version.h"

#include <algorithm>
#include <cstring>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "core/directory/password_hasher.h"
#include "core/directory/siphash.h"
#include "core/text/ascii.h"

namespace oofgate::core {

Result<std::unique_ptr<DirectoryVersion>> DirectoryVersion::create(std::vector<User> users,
                                                                   std::vector<TokenGrant> tokens) {
  std::unique_ptr<DirectoryVersion> directory(new DirectoryVersion());
  directory->users_ = std::move(users);
  RAND_bytes(reinterpret_cast<unsigned char*>(directory->cache_key_.data()), sizeof directory->cache_key_);
  int reference_iterations = PasswordHasher::kDefaultIterations;
  bool reference_found = false;
  for (auto& user : directory->users_) {
    if (user.id.empty() || user.user_principal_name.empty()) {
      return Error{ErrorCode::kInvalidArgument, "every user needs an id and a userPrincipalName"};
    }
    if (user.id.size() > kMaxUserNameBytes || user.user_principal_name.size() > kMaxUserNameBytes) {
      return Error{ErrorCode::kInvalidArgument,
                   "user ids and userPrincipalNames are at most " + std::to_string(kMaxUserNameBytes) + " bytes"};
    }
    if (!user.password_hash.empty() && !PasswordHasher::is_hash(user.password_hash)) {
      if (!PasswordHasher::is_acceptable_password(user.password_hash) ||
          user.password_hash.size() > kMaxPasswordBytes) {
        return Error{ErrorCode::kInvalidArgument, "the password of '" + user.user_principal_name +
                                                      "' contains NUL or is longer than " +
                                                      std::to_string(kMaxPasswordBytes) + " bytes"};
      }
      user.password_hash = PasswordHasher::hash(user.password_hash);
    }
    // The dummy costs what the first configured user's hash costs (users files use one count).
    if (!reference_found && !user.password_hash.empty()) {
      reference_iterations = PasswordHasher::iterations(user.password_hash).value_or(reference_iterations);
      reference_found = true;
    }
  }
  std::array<unsigned char, 16> dummy_password{};
  RAND_bytes(dummy_password.data(), static_cast<int>(dummy_password.size()));
  for (auto& byte : dummy_password) {
    byte = static_cast<unsigned char>('A' + byte % 26);  // never NUL, so it really is hashed
  }
  directory->dummy_hash_ = PasswordHasher::hash(
      std::string_view(reinterpret_cast<const char*>(dummy_password.data()), dummy_password.size()),
      reference_iterations);
  // Room for every user's one verified password, plus its long-password alias (HMAC hashes keys
  // over 64 bytes), so a full set means something is wrong and starting over is safe.
  directory->verified_capacity_ = 2 * directory->users_.size() + 64;
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

const User* DirectoryVersion::find_user(std::string_view id_or_upn) const {
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

std::optional<Principal> DirectoryVersion::authenticate_bearer(std::string_view token) const {
  auto it = tokens_.find(token);
  if (it == tokens_.end()) {
    return std::nullopt;
  }
  return it->second;
}

DirectoryVersion::Digest DirectoryVersion::credential_digest(std::uint32_t position, std::string_view password) const {
  std::string material(sizeof position, '\0');
  std::memcpy(material.data(), &position, sizeof position);
  material.append(password);
  const Digest digest = siphash128(cache_key_, material);
  OPENSSL_cleanse(material.data(), material.size());
  return digest;
}

bool DirectoryVersion::is_known_good(const Digest& digest) const {
  std::shared_lock lock(verified_mutex_);
  return verified_.count(digest) != 0;
}

void DirectoryVersion::remember_good(const Digest& digest) const {
  std::lock_guard lock(verified_mutex_);
  if (verified_.size() >= verified_capacity_) {
    verified_.clear();
  }
  verified_.insert(digest);
}

Principal DirectoryVersion::basic_principal(const User& user) {
  // A user signing in with their own password acts for themselves with full mailbox rights.
  PermissionSet permissions;
  permissions.add(Permission::kMailboxSettingsReadWrite);
  permissions.add(Permission::kUserRead);
  return Principal{PrincipalKind::kDelegated, &user, permissions, user.id};
}

std::optional<Principal> DirectoryVersion::authenticate_basic_cached(std::string_view user_name,
                                                                     std::string_view password) const {
  if (user_name.size() > kMaxUserNameBytes || password.size() > kMaxPasswordBytes) {
    return std::nullopt;
  }
  const User* user = find_user(user_name);
  if (user == nullptr || user->password_hash.empty()) {
    return std::nullopt;
  }
  if (!is_known_good(credential_digest(static_cast<std::uint32_t>(user - users_.data()), password))) {
    return std::nullopt;
  }
  return basic_principal(*user);
}

std::optional<Principal> DirectoryVersion::authenticate_basic(std::string_view user_name,
                                                              std::string_view password) const {
  if (user_name.size() > kMaxUserNameBytes || password.size() > kMaxPasswordBytes) {
    return std::nullopt;
  }
  const User* user = find_user(user_name);
  if (user == nullptr || user->password_hash.empty()) {
    // Same work as a wrong password, so timing does not tell which user names exist.
    (void)PasswordHasher::verify(password, dummy_hash_);
    return std::nullopt;
  }
  const Digest digest = credential_digest(static_cast<std::uint32_t>(user - users_.data()), password);
  if (!is_known_good(digest)) {
    if (!PasswordHasher::verify(password, user->password_hash)) {
      return std::nullopt;
    }
    remember_good(digest);
  }
  return basic_principal(*user);
}

}  // namespace oofgate::core
