#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include <rapidjson/document.h>

#include "core/directory/directory.h"
#include "gateway/auth/jwt_verdict.h"

namespace oofgate::gateway {

// Application subjects ("app:<client id>") with addresses that stay put for the owner's lifetime,
// since Principal::subject is a view. Bounded: the identity provider decides how many client ids
// exist, and one misconfigured or hostile one must not grow the gateway without limit.
class SubjectInterner {
 public:
  static constexpr std::size_t kMaxSubjectBytes = 256;

  explicit SubjectInterner(std::size_t capacity) : capacity_(capacity) {}
  // The stored copy of `subject`; nullopt when it is new and the set is full.
  std::optional<std::string_view> intern(std::string_view subject);

 private:
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_set<std::string, TextHash, std::equal_to<>> subjects_;  // nodes never move
};

// Who a verified token speaks for (Microsoft identity platform access tokens, v1 and v2):
// delegated when `scp` is present (space-separated scopes), the user found by `oid` (object id),
// else `upn`, else `preferred_username` (userPrincipalName); application when only `roles` is
// present, named by `azp`, else `appid`, else `client_id`. Unknown permission names are ignored.
JwtVerdict resolve_principal(const rapidjson::Value& claims, const core::Directory& directory,
                             SubjectInterner& applications);

}  // namespace oofgate::gateway
