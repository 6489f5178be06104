#include "gateway/auth/jwt_token_cache.h"

#include <mutex>

#include <openssl/rand.h>

#include "core/directory/siphash.h"

namespace oofgate::gateway {

JwtTokenCache::JwtTokenCache(std::size_t capacity) : capacity_(capacity) {
  RAND_bytes(reinterpret_cast<unsigned char*>(key_.data()), sizeof key_);
}

JwtTokenCache::Digest JwtTokenCache::digest(std::string_view token) const { return core::siphash128(key_, token); }

std::optional<core::Principal> JwtTokenCache::find(std::string_view token, std::int64_t now) const {
  const Digest key = digest(token);
  const std::shared_lock lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.valid_until < now) {
    return std::nullopt;
  }
  return it->second.principal;
}

void JwtTokenCache::remember(std::string_view token, const core::Principal& principal, std::int64_t valid_until,
                             std::int64_t now) {
  if (capacity_ == 0) {
    return;
  }
  const Digest key = digest(token);
  const std::unique_lock lock(mutex_);
  if (entries_.size() >= capacity_) {
    std::erase_if(entries_, [now](const auto& entry) { return entry.second.valid_until < now; });
    if (entries_.size() >= capacity_) {
      entries_.clear();
    }
  }
  entries_.insert_or_assign(key, Entry{principal, valid_until});
}

void JwtTokenCache::clear() {
  const std::unique_lock lock(mutex_);
  entries_.clear();
}

std::size_t JwtTokenCache::size() const {
  const std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace oofgate::gateway
