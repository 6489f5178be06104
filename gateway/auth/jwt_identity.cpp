#include "gateway/auth/jwt_identity.h"

#include <algorithm>

#include "core/text/ascii.h"
#include "gateway/auth/jwt_claims.h"
#include "gateway/auth/jwt_json.h"
#include "gateway/config/users_file.h"

namespace oofgate::gateway {
namespace {

// Client ids are GUIDs or ASCII names; anything else would end up in logs and throttle keys.
bool is_visible_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c < '\x7F'; });
}

// The user a delegated token names; each claim must match the field it stands for, not merely
// any key the directory knows.
const core::User* find_token_user(const rapidjson::Value& claims, const core::Directory& directory) {
  if (const std::string_view oid = string_member(claims, "oid"); !oid.empty()) {
    const core::User* user = directory.find_user(oid);
    if (user != nullptr && core::iequals_ascii(user->id, oid)) {
      return user;
    }
  }
  for (const char* name : {"upn", "preferred_username"}) {
    const std::string_view login = string_member(claims, name);
    if (login.empty()) {
      continue;
    }
    const core::User* user = directory.find_user(login);
    if (user != nullptr && core::iequals_ascii(user->user_principal_name, login)) {
      return user;
    }
  }
  return nullptr;
}

JwtVerdict delegated(const rapidjson::Value& claims, std::string_view scopes, const core::Directory& directory) {
  core::Principal principal;
  principal.kind = core::PrincipalKind::kDelegated;
  std::size_t count = 0;
  std::size_t start = 0;
  while (start <= scopes.size()) {
    const std::size_t end = std::min(scopes.find(' ', start), scopes.size());
    if (end > start) {
      if (++count > kMaxClaimListEntries) {
        return jwt_rejected(JwtRejection::kTooLarge,
                            "scp lists more than " + std::to_string(kMaxClaimListEntries) + " scopes");
      }
      if (const auto permission = permission_from_name(scopes.substr(start, end - start))) {
        principal.permissions.add(*permission);
      }
    }
    start = end + 1;
  }
  principal.user = find_token_user(claims, directory);
  if (principal.user == nullptr) {
    return jwt_rejected(JwtRejection::kUnknownUser, "the token's oid, upn or preferred_username is no known user");
  }
  principal.subject = principal.user->id;
  return JwtVerdict{principal, JwtRejection::kMalformed, {}};
}

JwtVerdict application(const rapidjson::Value& claims, const rapidjson::Value& roles, SubjectInterner& applications) {
  core::Principal principal;
  principal.kind = core::PrincipalKind::kApplication;
  if (roles.Size() > kMaxClaimListEntries) {
    return jwt_rejected(JwtRejection::kTooLarge,
                        "roles lists more than " + std::to_string(kMaxClaimListEntries) + " roles");
  }
  for (const auto& role : roles.GetArray()) {
    if (!role.IsString()) {
      return jwt_rejected(JwtRejection::kMalformed, "roles must be an array of strings");
    }
    if (const auto permission = permission_from_name({role.GetString(), role.GetStringLength()})) {
      principal.permissions.add(*permission);
    }
  }
  std::string_view client;
  for (const char* name : {"azp", "appid", "client_id"}) {
    client = string_member(claims, name);
    if (!client.empty()) {
      break;
    }
  }
  const std::string subject = "app:" + std::string(client);
  if (client.empty() || subject.size() > SubjectInterner::kMaxSubjectBytes || !is_visible_ascii(client)) {
    return jwt_rejected(JwtRejection::kUnknownApplication,
                        "an application token needs an azp, appid or client_id of visible ASCII characters");
  }
  const auto interned = applications.intern(subject);
  if (!interned) {
    return jwt_rejected(JwtRejection::kUnknownApplication, "too many distinct client applications");
  }
  principal.subject = *interned;
  return JwtVerdict{principal, JwtRejection::kMalformed, {}};
}

}  // namespace

std::optional<std::string_view> SubjectInterner::intern(std::string_view subject) {
  const std::scoped_lock lock(mutex_);
  if (const auto it = subjects_.find(subject); it != subjects_.end()) {
    return std::string_view(*it);
  }
  if (subjects_.size() >= capacity_) {
    return std::nullopt;
  }
  return std::string_view(*subjects_.emplace(subject).first);
}

JwtVerdict resolve_principal(const rapidjson::Value& claims, const core::Directory& directory,
                             SubjectInterner& applications) {
  const auto scp = claims.FindMember("scp");
  if (scp != claims.MemberEnd()) {
    if (!scp->value.IsString()) {
      return jwt_rejected(JwtRejection::kMalformed, "scp must be a space-separated string");
    }
    return delegated(claims, {scp->value.GetString(), scp->value.GetStringLength()}, directory);
  }
  const auto roles = claims.FindMember("roles");
  if (roles != claims.MemberEnd()) {
    if (!roles->value.IsArray()) {
      return jwt_rejected(JwtRejection::kMalformed, "roles must be an array of strings");
    }
    return application(claims, roles->value, applications);
  }
  return jwt_rejected(JwtRejection::kNoPermissions, "the token carries neither scp nor roles");
}

}  // namespace oofgate::gateway
