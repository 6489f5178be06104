#include "gateway/config/jwks_file.h"

#include <fstream>
#include <optional>
#include <utility>

#include "core/text/utf8.h"
#include "gateway/auth/jwt_base64url.h"
#include "gateway/auth/jwt_json.h"

namespace oofgate::gateway {
namespace {

core::Error jwks_error(const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, "JWKS: " + message};
}

// The decoded bytes of a base64url member, or nullopt when it is absent or not base64url.
std::optional<std::string> binary_member(const rapidjson::Value& key, const char* name) {
  const std::string_view text = string_member(key, name);
  if (text.empty()) {
    return std::nullopt;
  }
  return decode_base64url(text);
}

// The algorithm a key is for, or nullopt when oofgate has no use for it (skipped, not refused).
std::optional<JwsAlgorithm> signing_algorithm(const rapidjson::Value& key) {
  const auto use = key.FindMember("use");
  if (use != key.MemberEnd() && !(use->value.IsString() && std::string_view(use->value.GetString()) == "sig")) {
    return std::nullopt;
  }
  const std::string_view type = string_member(key, "kty");
  std::optional<JwsAlgorithm> algorithm;
  if (type == "RSA") {
    algorithm = JwsAlgorithm::kRs256;
  } else if (type == "EC" && string_member(key, "crv") == "P-256") {
    algorithm = JwsAlgorithm::kEs256;
  } else {
    return std::nullopt;
  }
  const auto alg = key.FindMember("alg");
  if (alg != key.MemberEnd() && !(alg->value.IsString() && parse_jws_algorithm(alg->value.GetString()) == algorithm)) {
    return std::nullopt;
  }
  return algorithm;
}

core::Result<JwtPublicKey> build_key(JwsAlgorithm algorithm, const rapidjson::Value& key) {
  if (algorithm == JwsAlgorithm::kRs256) {
    const auto n = binary_member(key, "n");
    const auto e = binary_member(key, "e");
    if (!n || !e) {
      return jwks_error("n and e must be base64url");
    }
    return JwtPublicKey::rsa(*n, *e);
  }
  const auto x = binary_member(key, "x");
  const auto y = binary_member(key, "y");
  if (!x || !y) {
    return jwks_error("x and y must be base64url");
  }
  return JwtPublicKey::ec_p256(*x, *y);
}

}  // namespace

core::Result<JwtKeySet> parse_jwks(std::string_view json) {
  if (json.size() > kMaxJwksBytes) {
    return jwks_error("document over " + std::to_string(kMaxJwksBytes) + " bytes");
  }
  rapidjson::Document document;
  if (!parse_unique_object(json, document)) {
    return jwks_error("not a JSON object (or one with a member named twice)");
  }
  const auto keys = std::as_const(document).FindMember("keys");
  if (keys == std::as_const(document).MemberEnd() || !keys->value.IsArray()) {
    return jwks_error("no \"keys\" array");
  }
  if (keys->value.Size() > kMaxJwksKeys) {
    return jwks_error(std::to_string(keys->value.Size()) + " keys, at most " + std::to_string(kMaxJwksKeys) +
                      " accepted");
  }
  JwtKeySet set;
  std::size_t position = 0;
  for (const auto& key : keys->value.GetArray()) {
    const std::string where = "key " + std::to_string(position++);
    if (!key.IsObject()) {
      return jwks_error(where + " is not an object");
    }
    const auto algorithm = signing_algorithm(key);
    if (!algorithm) {
      continue;
    }
    const std::string_view kid = string_member(key, "kid");
    if (kid.empty() || kid.size() > kMaxKeyIdBytes) {
      return jwks_error(where + " has no \"kid\" of 1 to " + std::to_string(kMaxKeyIdBytes) + " bytes");
    }
    const std::string named = where + " (kid " + core::printable_excerpt(kid) + ")";
    auto built = build_key(*algorithm, key);
    if (!built) {
      return jwks_error(named + ": " + built.error().message);
    }
    if (!set.add(std::string(kid), std::move(built).value())) {
      return jwks_error(named + " repeats an earlier kid");
    }
  }
  return set;
}

core::Result<JwtKeySet> load_jwks_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return jwks_error("cannot open " + path);
  }
  // One byte past the bound is enough to know the file is too large, whatever its size.
  std::string text(kMaxJwksBytes + 1, '\0');
  file.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(file.gcount()));
  if (file.bad()) {
    return jwks_error("cannot read " + path);
  }
  auto set = parse_jwks(text);
  if (!set) {
    return core::Error{set.error().code, set.error().message + " (" + path + ")"};
  }
  return set;
}

}  // namespace oofgate::gateway
