#include "gateway/http/route_table.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace oofgate::gateway {
namespace {

struct MediaRoute {
  MediaType media_type;
  Destination destination;
};

// The declared table: which facade speaks which media type.
constexpr std::array kMediaRoutes = {
    MediaRoute{MediaType::kTextXml, Destination::kSoapFacade},
    MediaRoute{MediaType::kSoapXml, Destination::kSoapFacade},
    MediaRoute{MediaType::kJson, Destination::kRestFacade},
};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Paths decide only when there is no media type: the REST version roots, and ASMX endpoints.
Destination route_by_path(std::string_view target) {
  const std::string path = lower(target.substr(0, target.find('?')));
  if (path.starts_with("/v1.0/") || path == "/v1.0" || path.starts_with("/beta/") || path == "/beta") {
    return Destination::kRestFacade;
  }
  if (path.ends_with(".asmx")) {
    return Destination::kSoapFacade;
  }
  return Destination::kNotFound;
}

}  // namespace

Destination route_request(MediaType media_type, std::string_view target) {
  for (const auto& route : kMediaRoutes) {
    if (route.media_type == media_type) {
      return route.destination;
    }
  }
  if (media_type == MediaType::kNone) {
    return route_by_path(target);
  }
  // A media type no facade takes: the facade that owns the path answers in its own protocol.
  const Destination owner = route_by_path(target);
  return owner == Destination::kNotFound ? Destination::kUnsupportedMediaType : owner;
}

}  // namespace oofgate::gateway
