#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string_view>
#include <unordered_map>

#include "core/directory/principal.h"

namespace oofgate::gateway {

// Tokens that verified, by a keyed digest of the token, until they expire: a repeated token costs
// one SipHash and one lookup instead of a signature check. Holds at most `capacity` entries;
// when full, expired entries go first, and if none had expired the whole cache is dropped (the
// next requests verify again). Thread-safe; lookups take a shared lock.
class JwtTokenCache {
 public:
  explicit JwtTokenCache(std::size_t capacity);

  std::optional<core::Principal> find(std::string_view token, std::int64_t now) const;
  void remember(std::string_view token, const core::Principal& principal, std::int64_t valid_until, std::int64_t now);
  // After a key set changed: a token signed by a key that left it must verify again.
  void clear();
  std::size_t size() const;

 private:
  using Digest = std::array<std::uint64_t, 2>;
  struct DigestHash {
    std::size_t operator()(const Digest& d) const { return static_cast<std::size_t>(d[0] ^ (d[1] * 31)); }
  };
  struct Entry {
    core::Principal principal;
    std::int64_t valid_until = 0;  // Unix seconds, inclusive
  };
  Digest digest(std::string_view token) const;

  std::size_t capacity_;
  Digest key_{};  // random per process, so digests say nothing about tokens elsewhere
  mutable std::shared_mutex mutex_;
  std::unordered_map<Digest, Entry, DigestHash> entries_;
};

}  // namespace oofgate::gateway
