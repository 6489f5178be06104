#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gateway/auth/jwt_signature.h"

namespace oofgate::gateway {

// The signing keys of a JWKS document by `kid`, immutable once built.
class JwtKeySet {
 public:
  // Nothing for an unknown kid.
  const JwtPublicKey* find(std::string_view kid) const {
    const auto it = keys_.find(kid);
    return it == keys_.end() ? nullptr : &it->second;
  }
  // False when `kid` is already present (a document must not name two keys alike).
  bool add(std::string kid, JwtPublicKey key) { return keys_.emplace(std::move(kid), std::move(key)).second; }
  std::size_t size() const { return keys_.size(); }

 private:
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, JwtPublicKey, TextHash, std::equal_to<>> keys_;
};

}  // namespace oofgate::gateway
