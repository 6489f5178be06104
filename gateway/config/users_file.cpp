#include "gateway/config/users_file.h"

#include <cstdio>
#include <memory>
#include <optional>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/filereadstream.h>

namespace oofgate::gateway {
namespace {

core::Error config_error(const std::string& message) { return core::Error{core::ErrorCode::kInvalidArgument, message}; }

core::Result<core::Permission> parse_permission(const std::string& name) {
  if (const auto permission = permission_from_name(name)) {
    return *permission;
  }
  return config_error("unknown permission '" + name + "'");
}

// With its length: JSON may escape NUL (\u0000), and a C string would silently stop there.
std::optional<std::string> string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) {
    return std::nullopt;
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

std::optional<core::Permission> permission_from_name(std::string_view name) {
  if (name == "MailboxSettings.Read") {
    return core::Permission::kMailboxSettingsRead;
  }
  if (name == "MailboxSettings.ReadWrite") {
    return core::Permission::kMailboxSettingsReadWrite;
  }
  if (name == "User.Read" || name == "User.Read.All" || name == "User.ReadBasic.All") {
    return core::Permission::kUserRead;
  }
  return std::nullopt;
}

core::Result<UsersFile> load_users_file(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    return config_error("cannot open users file " + path);
  }
  char buffer[65536];
  rapidjson::FileReadStream stream(file.get(), buffer, sizeof buffer);
  rapidjson::Document document;
  document.ParseStream(stream);
  if (document.HasParseError()) {
    return config_error("users file " + path + " is not valid JSON at offset " +
                        std::to_string(document.GetErrorOffset()) + ": " +
                        rapidjson::GetParseError_En(document.GetParseError()));
  }
  if (!document.IsObject() || !document.HasMember("users") || !document["users"].IsArray()) {
    return config_error("users file " + path + " needs a \"users\" array");
  }
  UsersFile result;
  for (const auto& entry : document["users"].GetArray()) {
    if (!entry.IsObject()) {
      return config_error("every entry of \"users\" must be an object");
    }
    core::User user;
    auto id = string_member(entry, "id");
    auto upn = string_member(entry, "userPrincipalName");
    if (!id || !upn) {
      return config_error("every user needs string \"id\" and \"userPrincipalName\"");
    }
    user.id = std::move(*id);
    user.user_principal_name = std::move(*upn);
    if (auto name = string_member(entry, "displayName")) {
      user.display_name = std::move(*name);
    }
    if (auto password = string_member(entry, "password")) {
      // Hashed by Directory::create if given in plain text; a NUL in it is refused there.
      user.password_hash = std::move(*password);
    }
    const auto um = entry.FindMember("umEnabled");
    user.um_enabled = um != entry.MemberEnd() && um->value.IsBool() && um->value.GetBool();
    result.users.push_back(std::move(user));
  }
  if (document.HasMember("tokens")) {
    if (!document["tokens"].IsArray()) {
      return config_error("\"tokens\" must be an array");
    }
    for (const auto& entry : document["tokens"].GetArray()) {
      auto token = entry.IsObject() ? string_member(entry, "token") : std::nullopt;
      auto kind = entry.IsObject() ? string_member(entry, "kind") : std::nullopt;
      if (!token || !kind) {
        return config_error("every token needs string \"token\" and \"kind\"");
      }
      core::TokenGrant grant;
      grant.token = std::move(*token);
      const std::string kind_text = std::move(*kind);
      const char* permission_list = nullptr;
      if (kind_text == "delegated") {
        grant.kind = core::PrincipalKind::kDelegated;
        auto user = string_member(entry, "user");
        if (!user) {
          return config_error("delegated token needs \"user\"");
        }
        grant.user = std::move(*user);
        permission_list = "scopes";
      } else if (kind_text == "application") {
        grant.kind = core::PrincipalKind::kApplication;
        permission_list = "roles";
      } else {
        return config_error("token kind must be \"delegated\" or \"application\", not '" + kind_text + "'");
      }
      const auto list = entry.FindMember(permission_list);
      if (list != entry.MemberEnd()) {
        if (!list->value.IsArray()) {
          return config_error(std::string("\"") + permission_list + "\" must be an array of strings");
        }
        for (const auto& name : list->value.GetArray()) {
          if (!name.IsString()) {
            return config_error(std::string("\"") + permission_list + "\" must be an array of strings");
          }
          auto permission = parse_permission(name.GetString());
          if (!permission) {
            return permission.error();
          }
          grant.permissions.add(permission.value());
        }
      }
      result.tokens.push_back(std::move(grant));
    }
  }
  return result;
}

}  // namespace oofgate::gateway
