#pragma once

#include <mutex>
#include <random>
#include <string>

namespace oofgate::rest {

// Graph's request-id: a random (version 4) GUID per request, for correlating logs and errors.
class RequestIds {
 public:
  RequestIds();
  std::string next();

 private:
  std::mutex mutex_;
  std::mt19937_64 engine_;
};

}  // namespace oofgate::rest
