#include "core/directory/archive_folder.h"

#include <cstdint>

namespace oofgate::core {

// A stable, opaque folder id per mailbox (Graph returns a base64 entry id here).
std::string archive_folder_id(const User& user) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string id = "AAMk";
  id.reserve(48);
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the object id
  for (unsigned char c : user.id) {
    h = (h ^ c) * 1099511628211ULL;
  }
  for (int i = 0; i < 40; ++i) {
    id.push_back(kAlphabet[h & 63U]);
    h = (h >> 6) | (h << 58);
    h = h * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  return id + "AAA=";
}

}  // namespace oofgate::core
