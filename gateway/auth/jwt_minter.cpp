#include "gateway/auth/jwt_minter.h"

#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "gateway/auth/jwt_base64url.h"
#include "gateway/auth/jwt_signature.h"

namespace oofgate::gateway {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_member(JsonWriter& writer, const char* name, const std::string& value) {
  writer.Key(name);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_space_separated_array(JsonWriter& writer, std::string_view list) {
  writer.StartArray();
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(' ', start), list.size());
    if (end > start) {
      writer.String(list.data() + start, static_cast<rapidjson::SizeType>(end - start));
    }
    start = end + 1;
  }
  writer.EndArray();
}

std::string claims_json(const JwtMintRequest& request, std::int64_t now) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_member(writer, "iss", request.issuer);
  write_member(writer, "aud", request.audience);
  writer.Key("iat");
  writer.Int64(now);
  writer.Key("nbf");
  writer.Int64(now);
  writer.Key("exp");
  writer.Int64(now + request.ttl.count());
  if (!request.user.empty()) {
    write_member(writer, "upn", request.user);
    write_member(writer, "preferred_username", request.user);
    write_member(writer, "scp", request.scopes);
  } else {
    write_member(writer, "azp", request.application);
    writer.Key("roles");
    write_space_separated_array(writer, request.roles);
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

std::string mint_hs256_token(const std::string& secret, const JwtMintRequest& request, std::int64_t now) {
  const std::string signing_input =
      encode_base64url(R"({"alg":"HS256","typ":"JWT"})") + "." + encode_base64url(claims_json(request, now));
  return signing_input + "." + encode_base64url(sign_hs256(secret, signing_input));
}

}  // namespace oofgate::gateway
