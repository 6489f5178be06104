#include "gateway/auth/jwks_source.h"

#include <string_view>

#include "gateway/auth/https/https_fetch.h"
#include "gateway/config/jwks_file.h"

namespace oofgate::gateway {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool JwksSource::is_url() const { return starts_with_ignoring_case(location, "https://"); }

core::Result<JwtKeySet> load_jwks(const JwksSource& source) {
  if (starts_with_ignoring_case(source.location, "http://")) {
    return core::Error{core::ErrorCode::kInvalidArgument, "the JWKS URL " + source.location +
                                                              " must be https://: keys fetched in the clear could be "
                                                              "anyone's"};
  }
  if (!source.is_url()) {
    return load_jwks_file(source.location);
  }
  auto body = fetch_https({source.location, source.ca_file, kMaxJwksBytes, source.timeout});
  if (!body) {
    return body.error();
  }
  auto set = parse_jwks(body.value());
  if (!set) {
    return core::Error{set.error().code, set.error().message + " (" + source.location + ")"};
  }
  return set;
}

}  // namespace oofgate::gateway
