#pragma once

#include <string>
#include <string_view>

#include "facade_common/http_types.h"

namespace oofgate::soap {

// An Autodiscover answer: status, media type, body; never cached by a shared cache.
inline facade::HttpResponse typed_response(boost::beast::http::status status, std::string_view content_type,
                                           std::string body) {
  facade::HttpResponse response{status, 11};
  response.set(boost::beast::http::field::content_type, content_type);
  response.set(boost::beast::http::field::cache_control, "private");
  response.body() = std::move(body);
  return response;
}

}  // namespace oofgate::soap
