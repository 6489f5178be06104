#pragma once

#include <string>

namespace oofgate::rest {

// Graph's request-id: a random (version 4) GUID per request, for correlating logs and errors.
// Ids need to be unique, not secret, so each I/O thread draws them from its own fast generator
// (seeded from std::random_device) instead of sharing a locked one: this runs on every request.
class RequestIds {
 public:
  std::string next();
};

}  // namespace oofgate::rest
