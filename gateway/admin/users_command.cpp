#include "gateway/admin/users_command.h"

#include <openssl/rand.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "core/directory/directory.h"
#include "core/directory/password_hasher.h"
#include "core/text/ascii.h"
#include "core/text/utf8.h"
#include "gateway/admin/admin_arguments.h"
#include "gateway/admin/atomic_file.h"
#include "gateway/admin/password_input.h"
#include "gateway/config/users_file.h"

namespace oofgate::gateway {
namespace {

constexpr const char* kUsersUsage =
    "usage: oofgate users list --users FILE\n"
    "       oofgate users add --users FILE --upn UPN [--display-name NAME] [--id GUID] [--um-enabled]\n"
    "       oofgate users remove --users FILE (--upn UPN | --id ID)\n"
    "       oofgate users passwd --users FILE (--upn UPN | --id ID)\n"
    "add and passwd read the password from the terminal without echo, or one line of stdin.\n";

constexpr const char* kReloadHint = "a running gateway picks the change up on SIGHUP (kill -HUP <its PID>)";

int usage_error(const std::string& message) {
  std::cerr << "oofgate users: " << message << "\n" << kUsersUsage;
  return 2;
}

int failure(const std::string& message) {
  std::cerr << "oofgate users: " << message << std::endl;
  return 1;
}

std::string member_text(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString()
             ? std::string(it->value.GetString(), it->value.GetStringLength())
             : std::string();
}

// A version 4 (random) GUID in its usual lower-case form, as Entra ID object ids look.
std::string random_guid() {
  unsigned char bytes[16];
  RAND_bytes(bytes, sizeof bytes);
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
  char text[37];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return text;
}

// The users file as a JSON tree, so an edit keeps every member oofgate does not touch.
class EditableUsersFile {
 public:
  static core::Result<EditableUsersFile> open(const std::string& path) {
    auto lock = lock_directory_for_edit(path);
    if (!lock) {
      return lock.error();
    }
    // The shared parser decides whether the file is valid at all; edits start from a valid file.
    if (auto valid = load_users_file(path); !valid) {
      return valid.error();
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    EditableUsersFile file(path, std::move(lock).value());
    file.document_.Parse<rapidjson::kParseFullPrecisionFlag>(content.str());
    if (file.document_.HasParseError()) {
      return core::Error{core::ErrorCode::kInvalidArgument, "users file " + path + " changed while it was read"};
    }
    return file;
  }

  // Present and an array: open() checked the file with the shared parser.
  rapidjson::Value& users() { return document_.FindMember("users")->value; }
  rapidjson::Document::AllocatorType& allocator() { return document_.GetAllocator(); }

  // The index in users[] of the user whose id or UPN is `key` (ASCII case-insensitively, as
  // sign-in matches them), or -1.
  int find(const std::string& key) {
    for (rapidjson::SizeType i = 0; i < users().Size(); ++i) {
      if (core::iequals_ascii(member_text(users()[i], "id"), key) ||
          core::iequals_ascii(member_text(users()[i], "userPrincipalName"), key)) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  // Removes the delegated tokens that act for the user `id`/`upn`; returns how many.
  int remove_tokens_of(const std::string& id, const std::string& upn) {
    // HasMember, not an iterator comparison: clang finds RapidJSON's operator== ambiguous in C++20.
    if (!document_.HasMember("tokens") || !document_.FindMember("tokens")->value.IsArray()) {
      return 0;
    }
    auto& tokens = document_.FindMember("tokens")->value;
    int removed = 0;
    for (auto it = tokens.Begin(); it != tokens.End();) {
      const std::string user = member_text(*it, "user");
      if (!user.empty() && (core::iequals_ascii(user, id) || core::iequals_ascii(user, upn))) {
        it = tokens.Erase(it);
        ++removed;
      } else {
        ++it;
      }
    }
    return removed;
  }

  // Writes the edited tree back atomically, after the shared parser and the directory accepted it.
  core::Status save() {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    document_.Accept(writer);
    const std::string content = std::string(buffer.GetString(), buffer.GetSize()) + "\n";
    return replace_file_atomically(path_, content, [this](const std::filesystem::path& written) -> core::Status {
      auto parsed = load_users_file(written.string());
      if (!parsed) {
        return parsed.error();
      }
      auto directory = core::Directory::create(std::move(parsed.value().users), std::move(parsed.value().tokens));
      if (!directory) {
        return core::Error{
            core::ErrorCode::kInvalidArgument,
            "the edited users file would be refused (" + directory.error().message + "); " + path_ + " is unchanged"};
      }
      return core::ok_status();
    });
  }

 private:
  EditableUsersFile(std::string path, LockHandle lock) : path_(std::move(path)), lock_(std::move(lock)) {}

  std::string path_;
  LockHandle lock_;  // held from reading the file until it is replaced
  rapidjson::Document document_;
};

rapidjson::Value json_string(const std::string& text, rapidjson::Document::AllocatorType& allocator) {
  return rapidjson::Value(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
}

int list_users(const std::string& path) {
  auto file = load_users_file(path);
  if (!file) {
    return failure(file.error().message);
  }
  for (const auto& user : file.value().users) {
    int tokens = 0;
    for (const auto& grant : file.value().tokens) {
      if (grant.kind == core::PrincipalKind::kDelegated &&
          (core::iequals_ascii(grant.user, user.id) || core::iequals_ascii(grant.user, user.user_principal_name))) {
        ++tokens;
      }
    }
    // Never the password (hash) nor a token; names go through printable_excerpt so a tab or
    // newline in one cannot forge a row.
    std::cout << core::printable_excerpt(user.id, 256) << '\t' << core::printable_excerpt(user.user_principal_name, 256)
              << '\t' << core::printable_excerpt(user.display_name, 256) << '\t'
              << (user.um_enabled ? "umEnabled" : "-") << '\t' << tokens << (tokens == 1 ? " token" : " tokens")
              << '\n';
  }
  return 0;
}

int add_user(EditableUsersFile& file, const AdminArguments& args, const std::string& password_hash) {
  const std::string upn = args.value("--upn");
  const std::string id = args.has("--id") ? args.value("--id") : random_guid();
  for (const auto& key : {id, upn}) {
    if (file.find(key) >= 0) {
      return failure("a user with id or userPrincipalName '" + core::printable_excerpt(key, 256) +
                     "' already exists; nothing was changed");
    }
  }
  auto& allocator = file.allocator();
  rapidjson::Value user(rapidjson::kObjectType);
  user.AddMember("id", json_string(id, allocator), allocator);
  user.AddMember("userPrincipalName", json_string(upn, allocator), allocator);
  if (args.has("--display-name")) {
    user.AddMember("displayName", json_string(args.value("--display-name"), allocator), allocator);
  }
  user.AddMember("password", json_string(password_hash, allocator), allocator);
  user.AddMember("umEnabled", args.has("--um-enabled"), allocator);
  file.users().PushBack(user, allocator);
  if (auto saved = file.save(); !saved) {
    return failure(saved.error().message);
  }
  std::cout << "added user " << upn << " (id " << id << "); " << kReloadHint << std::endl;
  return 0;
}

int remove_user(EditableUsersFile& file, int index) {
  auto& users = file.users();
  const std::string id = member_text(users[static_cast<rapidjson::SizeType>(index)], "id");
  const std::string upn = member_text(users[static_cast<rapidjson::SizeType>(index)], "userPrincipalName");
  users.Erase(users.Begin() + index);
  // A delegated token for a user that no longer exists would make the whole file invalid.
  const int tokens = file.remove_tokens_of(id, upn);
  if (auto saved = file.save(); !saved) {
    return failure(saved.error().message);
  }
  std::cout << "removed user " << upn << " (id " << id << ") and " << tokens << " delegated token"
            << (tokens == 1 ? "" : "s") << "; " << kReloadHint << std::endl;
  return 0;
}

int change_password(EditableUsersFile& file, int index, const std::string& password_hash) {
  auto& user = file.users()[static_cast<rapidjson::SizeType>(index)];
  const std::string upn = member_text(user, "userPrincipalName");
  auto hashed = json_string(password_hash, file.allocator());
  if (user.HasMember("password")) {
    user.FindMember("password")->value = hashed;
  } else {
    user.AddMember("password", hashed, file.allocator());
  }
  if (auto saved = file.save(); !saved) {
    return failure(saved.error().message);
  }
  std::cout << "changed the password of " << upn << "; " << kReloadHint << std::endl;
  return 0;
}

}  // namespace

int run_users_command(const std::vector<std::string>& args) {
  if (args.empty()) {
    return usage_error("which command: list, add, remove or passwd?");
  }
  const std::string& verb = args[0];
  if (verb == "--help" || verb == "-h") {
    std::cout << kUsersUsage;
    return 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  std::set<std::string> valued{"--users"};
  std::set<std::string> flags;
  if (verb == "add") {
    valued.insert({"--upn", "--display-name", "--id"});
    flags.insert("--um-enabled");
  } else if (verb == "remove" || verb == "passwd") {
    valued.insert({"--upn", "--id"});
  } else if (verb != "list") {
    return usage_error("unknown command '" + core::printable_excerpt(verb) + "'");
  }
  auto parsed = AdminArguments::parse(rest, valued, flags);
  if (!parsed) {
    return usage_error(parsed.error().message);
  }
  const AdminArguments& options = parsed.value();
  if (!options.has("--users")) {
    return usage_error("--users FILE is required");
  }
  const std::string path = options.value("--users");
  if (verb == "list") {
    return list_users(path);
  }
  if (verb == "add" && !options.has("--upn")) {
    return usage_error("add needs --upn");
  }
  if (verb != "add" && options.has("--upn") == options.has("--id")) {
    return usage_error(verb + " needs one of --upn or --id");
  }
  for (const char* name : {"--upn", "--id", "--display-name"}) {
    if (options.has(name) && (options.value(name).empty() || !core::is_valid_utf8(options.value(name)))) {
      return usage_error(std::string(name) + " must be non-empty UTF-8");
    }
  }
  const std::string key = options.has("--upn") ? options.value("--upn") : options.value("--id");
  // The password is asked for (and hashed) before the file is locked, so a prompt waiting for
  // an operator never holds up another edit.
  std::string password_hash;
  if (verb != "remove") {
    auto password = read_new_password(key);
    if (!password) {
      return failure(password.error().message);
    }
    password_hash = core::PasswordHasher::hash(password.value());
  }
  auto file = EditableUsersFile::open(path);
  if (!file) {
    return failure(file.error().message);
  }
  if (verb == "add") {
    return add_user(file.value(), options, password_hash);
  }
  const int index = file.value().find(key);
  if (index < 0) {
    return failure("no user with id or userPrincipalName '" + core::printable_excerpt(key, 256) + "'");
  }
  return verb == "remove" ? remove_user(file.value(), index) : change_password(file.value(), index, password_hash);
}

}  // namespace oofgate::gateway
