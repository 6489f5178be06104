#pragma once

#include <functional>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace oofgate::facade {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
// Called exactly once with the response, possibly from a store thread. The gateway sets the
// version, keep-alive, Date and Content-Length; facades set status, their headers and the body.
using Respond = std::function<void(HttpResponse)>;

}  // namespace oofgate::facade
