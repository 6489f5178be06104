#pragma once

#include <cstdint>
#include <string_view>

#include "core/directory/user.h"

namespace oofgate::core {

// Permissions as Graph names them (scopes for delegated tokens, roles for application tokens).
enum class Permission : std::uint8_t {
  kMailboxSettingsRead = 1 << 0,
  kMailboxSettingsReadWrite = 1 << 1,
  kUserRead = 1 << 2,
};

class PermissionSet {
 public:
  constexpr PermissionSet() = default;
  constexpr void add(Permission p) { bits_ = static_cast<std::uint8_t>(bits_ | static_cast<std::uint8_t>(p)); }
  constexpr bool has(Permission p) const { return (bits_ & static_cast<std::uint8_t>(p)) != 0; }
  constexpr bool can_read_mailbox_settings() const {
    return has(Permission::kMailboxSettingsRead) || has(Permission::kMailboxSettingsReadWrite);
  }
  constexpr bool can_write_mailbox_settings() const { return has(Permission::kMailboxSettingsReadWrite); }

 private:
  std::uint8_t bits_ = 0;
};

enum class PrincipalKind : std::uint8_t { kDelegated, kApplication };

// Who is calling: a user acting for themselves (delegated token or HTTP Basic) or an application.
struct Principal {
  PrincipalKind kind = PrincipalKind::kDelegated;
  const User* user = nullptr;  // set for delegated principals only
  PermissionSet permissions;
  // Who this is, whatever credential or spelling of it was presented: the user's id for a
  // delegated principal, "app:<name>" for an application. Throttling and every other
  // per-caller decision key on it. Points into the Directory, which outlives every request.
  std::string_view subject{};
};

}  // namespace oofgate::core
