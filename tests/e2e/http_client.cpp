#include "e2e/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>

namespace oofgate::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

HttpResponse http_call(std::uint16_t port, http::verb method, const std::string& target, const Headers& headers,
                       const std::string& body) {
  net::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> request{method, target, 11};
  request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  for (const auto& [name, value] : headers) {
    request.set(name, value);
  }
  request.body() = body;
  if (!body.empty() || method == http::verb::patch || method == http::verb::post) {
    request.prepare_payload();
  }
  http::write(stream, request);
  beast::flat_buffer buffer;
  HttpResponse response;
  http::read(stream, buffer, response);
  beast::error_code ignored;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  return response;
}

std::string raw_exchange(std::uint16_t port, const std::string& bytes) {
  net::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  beast::error_code error;
  // The server may answer and stop reading before all bytes are sent (e.g. a 413): keep going
  // and read what it said.
  net::write(stream.socket(), net::buffer(bytes), error);
  std::string answer;
  char chunk[4096];
  for (;;) {
    const auto n = stream.read_some(net::buffer(chunk), error);
    answer.append(chunk, n);
    if (error) {
      break;
    }
  }
  return answer;
}

std::string basic_auth(const std::string& user, const std::string& password) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string in = user + ":" + password;
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], kAlphabet[v & 63]};
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return "Basic " + out;
}

}  // namespace oofgate::testing
