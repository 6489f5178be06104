#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/beast/http.hpp>

namespace oofgate::testing {

using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;
using Headers = std::vector<std::pair<std::string, std::string>>;

// One request on a fresh loopback connection, synchronously, with a 30 s deadline.
HttpResponse http_call(std::uint16_t port, boost::beast::http::verb method, const std::string& target,
                       const Headers& headers = {}, const std::string& body = {});

// Sends raw bytes and returns whatever the server answers before closing or the deadline.
std::string raw_exchange(std::uint16_t port, const std::string& bytes);

std::string basic_auth(const std::string& user, const std::string& password);

}  // namespace oofgate::testing
