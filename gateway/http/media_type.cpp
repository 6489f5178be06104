#include "gateway/http/media_type.h"

#include <algorithm>
#include <cctype>

namespace oofgate::gateway {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

MediaType parse_media_type(std::string_view content_type) {
  const std::string_view essence = trim(content_type.substr(0, content_type.find(';')));
  if (essence.empty()) {
    return MediaType::kNone;
  }
  if (iequals(essence, "application/json")) {
    return MediaType::kJson;
  }
  if (iequals(essence, "text/xml")) {
    return MediaType::kTextXml;
  }
  if (iequals(essence, "application/soap+xml")) {
    return MediaType::kSoapXml;
  }
  return MediaType::kOther;
}

}  // namespace oofgate::gateway
