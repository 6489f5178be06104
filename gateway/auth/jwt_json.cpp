#include "gateway/auth/jwt_json.h"

#include <unordered_set>
#include <utility>

namespace oofgate::gateway {

bool parse_unique_object(std::string_view text, rapidjson::Document& out) {
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  out.Parse<kFlags>(text.data(), text.size());
  if (out.HasParseError() || !out.IsObject()) {
    return false;
  }
  std::unordered_set<std::string_view> names;
  names.reserve(out.MemberCount());
  for (const auto& member : std::as_const(out).GetObject()) {
    if (!names.emplace(member.name.GetString(), member.name.GetStringLength()).second) {
      return false;
    }
  }
  return true;
}

std::string_view string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) {
    return {};
  }
  return {it->value.GetString(), it->value.GetStringLength()};
}

}  // namespace oofgate::gateway
