#include "gateway/config/users_file.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/directory/password_hasher.h"

namespace oofgate::gateway {
namespace {

// Every error names the file, then where in it: "line L, column C" for JSON syntax, a JSON
// pointer (RFC 6901: /users/3/umEnabled) for an entry that parses but is not what is expected.
class UsersFileReader {
 public:
  explicit UsersFileReader(std::string path) : path_(std::move(path)) {}

  core::Result<UsersFile> read() {
    std::ifstream file(path_, std::ios::binary);
    if (!file) {
      return error("cannot open users file " + path_ + ": " + std::generic_category().message(errno));
    }
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad()) {
      return error("cannot read users file " + path_ + ": " + std::generic_category().message(errno));
    }
    rapidjson::Document document;
    document.Parse(text.data(), text.size());
    if (document.HasParseError()) {
      return at_offset(text, document.GetErrorOffset(), rapidjson::GetParseError_En(document.GetParseError()));
    }
    if (!document.IsObject()) {
      return at("", "expected an object with a \"users\" array");
    }
    if (auto unknown = unknown_member(document, "", {"users", "tokens"})) {
      return *unknown;
    }
    const auto users = std::as_const(document).FindMember("users");
    if (users == std::as_const(document).MemberEnd() || !users->value.IsArray()) {
      return at("/users", "expected an array of users");
    }
    UsersFile result;
    for (rapidjson::SizeType i = 0; i < users->value.Size(); ++i) {
      auto user = read_user(users->value[i], "/users/" + std::to_string(i));
      if (!user) {
        return user.error();
      }
      result.users.push_back(std::move(user).value());
    }
    const auto tokens = std::as_const(document).FindMember("tokens");
    if (tokens != std::as_const(document).MemberEnd()) {
      if (!tokens->value.IsArray()) {
        return at("/tokens", "expected an array of tokens");
      }
      for (rapidjson::SizeType i = 0; i < tokens->value.Size(); ++i) {
        auto token = read_token(tokens->value[i], "/tokens/" + std::to_string(i));
        if (!token) {
          return token.error();
        }
        result.tokens.push_back(std::move(token).value());
      }
    }
    return result;
  }

 private:
  static core::Error error(const std::string& message) {
    return core::Error{core::ErrorCode::kInvalidArgument, message};
  }

  core::Error at(const std::string& pointer, const std::string& expected) const {
    return error("users file " + path_ + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " + expected);
  }

  core::Error at_offset(const std::string& text, std::size_t offset, const char* what) const {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return error("users file " + path_ + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                 ": not valid JSON: " + what);
  }

  // A member the format does not have is most likely a misspelt one ("umEnable"), which would
  // otherwise be ignored without a word.
  std::optional<core::Error> unknown_member(const rapidjson::Value& object, const std::string& pointer,
                                            std::initializer_list<std::string_view> known) const {
    for (const auto& member : object.GetObject()) {
      const std::string_view name(member.name.GetString(), member.name.GetStringLength());
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        return at(pointer, "unknown member \"" + std::string(name) + "\"");
      }
    }
    return std::nullopt;
  }

  // With its length: JSON may escape NUL (\u0000), and a C string would silently stop there.
  // Absent: nullopt; present but not a string: an error.
  core::Result<std::optional<std::string>> string_member(const rapidjson::Value& object, const std::string& pointer,
                                                         const char* name, bool required) const {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd()) {
      if (required) {
        return at(pointer, std::string("missing \"") + name + "\" (a string)");
      }
      return std::optional<std::string>();
    }
    if (!it->value.IsString()) {
      return at(pointer + "/" + name, "expected a string");
    }
    return std::optional<std::string>(std::string(it->value.GetString(), it->value.GetStringLength()));
  }

  core::Result<core::User> read_user(const rapidjson::Value& entry, const std::string& pointer) const {
    if (!entry.IsObject()) {
      return at(pointer, "expected a user object");
    }
    if (auto unknown =
            unknown_member(entry, pointer, {"id", "userPrincipalName", "displayName", "password", "umEnabled"})) {
      return *unknown;
    }
    core::User user;
    for (const auto& [name, member, required] :
         {std::tuple{"id", &user.id, true}, std::tuple{"userPrincipalName", &user.user_principal_name, true},
          std::tuple{"displayName", &user.display_name, false}, std::tuple{"password", &user.password_hash, false}}) {
      auto value = string_member(entry, pointer, name, required);
      if (!value) {
        return value.error();
      }
      if (value.value()) {
        *member = std::move(*value.value());
      }
    }
    // Plain text is hashed by Directory::create; a value in the hash format must be a usable hash,
    // or every sign-in of this user would fail without a word at start.
    if (core::PasswordHasher::is_hash(user.password_hash) && !well_formed_hash(user.password_hash)) {
      return at(pointer + "/password",
                "malformed hash for '" + user.user_principal_name +
                    "': expected pbkdf2-sha256$<iterations>$<salt base64>$<32-byte hash base64>");
    }
    const auto um = entry.FindMember("umEnabled");
    if (um != entry.MemberEnd()) {
      if (!um->value.IsBool()) {
        return at(pointer + "/umEnabled", "expected true or false for '" + user.user_principal_name + "'");
      }
      user.um_enabled = um->value.GetBool();
    }
    return user;
  }

  static bool base64_text(std::string_view text) {
    return !text.empty() &&
           text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
               std::string_view::npos;
  }

  static bool well_formed_hash(std::string_view stored) {
    if (!core::PasswordHasher::iterations(stored)) {
      return false;
    }
    const auto hash_start = stored.rfind('$');
    const auto salt_start = stored.rfind('$', hash_start - 1);
    constexpr std::size_t kHashBase64Bytes = 44;  // 32 bytes of SHA-256
    return base64_text(stored.substr(salt_start + 1, hash_start - salt_start - 1)) &&
           stored.size() - hash_start - 1 == kHashBase64Bytes && base64_text(stored.substr(hash_start + 1));
  }

  core::Result<core::TokenGrant> read_token(const rapidjson::Value& entry, const std::string& pointer) const {
    if (!entry.IsObject()) {
      return at(pointer, "expected a token object");
    }
    if (auto unknown = unknown_member(entry, pointer, {"token", "kind", "user", "scopes", "roles"})) {
      return *unknown;
    }
    auto token = string_member(entry, pointer, "token", true);
    if (!token) {
      return token.error();
    }
    auto kind = string_member(entry, pointer, "kind", true);
    if (!kind) {
      return kind.error();
    }
    core::TokenGrant grant;
    grant.token = std::move(*token.value());
    const char* permission_list = nullptr;
    if (*kind.value() == "delegated") {
      grant.kind = core::PrincipalKind::kDelegated;
      auto user = string_member(entry, pointer, "user", true);
      if (!user) {
        return user.error();
      }
      grant.user = std::move(*user.value());
      permission_list = "scopes";
    } else if (*kind.value() == "application") {
      grant.kind = core::PrincipalKind::kApplication;
      permission_list = "roles";
    } else {
      return at(pointer + "/kind", R"(expected "delegated" or "application", got ')" + *kind.value() + "'");
    }
    const auto list = entry.FindMember(permission_list);
    if (list == entry.MemberEnd()) {
      return grant;
    }
    const std::string list_pointer = pointer + "/" + permission_list;
    if (!list->value.IsArray()) {
      return at(list_pointer, "expected an array of permission names");
    }
    for (rapidjson::SizeType i = 0; i < list->value.Size(); ++i) {
      const auto& name = list->value[i];
      const auto permission = name.IsString()
                                  ? permission_from_name(std::string_view(name.GetString(), name.GetStringLength()))
                                  : std::nullopt;
      if (!permission) {
        return at(list_pointer + "/" + std::to_string(i),
                  "expected MailboxSettings.Read, MailboxSettings.ReadWrite or User.Read");
      }
      grant.permissions.add(*permission);
    }
    return grant;
  }

  std::string path_;
};

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

core::Result<UsersFile> load_users_file(const std::string& path) { return UsersFileReader(path).read(); }

}  // namespace oofgate::gateway
