#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/directory/principal.h"
#include "core/directory/user.h"
#include "core/result.h"
#include "core/util/frozen_string_index.h"

namespace oofgate::core {

// A bearer token as configured in the users file.
struct TokenGrant {
  std::string token;
  PrincipalKind kind = PrincipalKind::kDelegated;
  std::string user;  // id or UPN; delegated tokens only
  PermissionSet permissions;
  std::string app_name{};  // application tokens: whom the token stands for (default: its position)
};

// One version of the users and credentials, immutable after construction (User pointers stay
// valid for its lifetime). Directory publishes the current one; a reload builds a new one.
class DirectoryVersion {
 public:
  // Plain-text passwords are hashed here, so nothing downstream ever holds them.
  static Result<std::unique_ptr<DirectoryVersion>> create(std::vector<User> users, std::vector<TokenGrant> tokens);

  // By object id or userPrincipalName, both case-insensitive.
  const User* find_user(std::string_view id_or_upn) const;
  std::optional<Principal> authenticate_bearer(std::string_view token) const;
  // Longer Basic user names and passwords can belong to no user (create() refuses them), so they
  // are rejected before any lookup or hashing.
  static constexpr std::size_t kMaxUserNameBytes = 1024;
  static constexpr std::size_t kMaxPasswordBytes = 1024;

  // HTTP Basic: the user name may be the UPN or the object id. Runs PBKDF2 unless the credentials
  // verified before, so it can take tens of milliseconds: call it off the I/O threads. An unknown
  // user or one without a password costs the same as a wrong password (a dummy hash is checked).
  std::optional<Principal> authenticate_basic(std::string_view user_name, std::string_view password) const;
  // The fast path of authenticate_basic: a principal only for credentials that already verified
  // once (a keyed hash lookup, no PBKDF2); nullopt means "not known, call authenticate_basic".
  std::optional<Principal> authenticate_basic_cached(std::string_view user_name, std::string_view password) const;

  const std::vector<User>& users() const { return users_; }

 private:
  DirectoryVersion() = default;
  using Digest = std::array<std::uint64_t, 2>;
  struct DigestHash {
    std::size_t operator()(const Digest& d) const { return static_cast<std::size_t>(d[0] ^ (d[1] * 31)); }
  };
  // Lets token lookups take a string_view, so no request allocates a key to find its token.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  // Keyed on the user's position, not the name as typed, so each user has at most one entry.
  Digest credential_digest(std::uint32_t position, std::string_view password) const;
  bool is_known_good(const Digest& digest) const;
  void remember_good(const Digest& digest) const;
  static Principal basic_principal(const User& user);

  std::vector<User> users_;
  FrozenStringIndex by_key_;  // lower-cased id and UPN -> position in users_
  std::unordered_map<std::string, Principal, TextHash, std::equal_to<>> tokens_;
  std::deque<std::string> app_subjects_;  // stable storage for application principals' subjects
  Digest cache_key_{};
  // What an unknown user's password is checked against, so a miss costs what a wrong password does.
  std::string dummy_hash_;
  // PBKDF2 is deliberately slow; remember digests of credentials that verified once. Only verified
  // credentials enter, one per user, and the set never holds more than verified_capacity_.
  std::size_t verified_capacity_ = 0;
  mutable std::shared_mutex verified_mutex_;
  mutable std::unordered_set<Digest, DigestHash> verified_;
};

}  // namespace oofgate::core
