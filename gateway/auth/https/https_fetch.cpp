#include "gateway/auth/https/https_fetch.h"

#include <exception>
#include <optional>
#include <string_view>

#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/version.hpp>

namespace oofgate::gateway {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct Target {
  std::string host;
  std::string port = "443";
  std::string path = "/";
};

core::Error fetch_error(const std::string& url, const std::string& what) {
  return core::Error{core::ErrorCode::kInvalidArgument, "cannot fetch " + url + ": " + what};
}

std::optional<Target> parse_https_url(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (url.substr(0, kScheme.size()) != kScheme) {
    return std::nullopt;
  }
  url.remove_prefix(kScheme.size());
  Target target;
  const std::size_t slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  if (slash != std::string_view::npos) {
    target.path = std::string(url.substr(slash));
  }
  if (authority.find('@') != std::string_view::npos) {
    return std::nullopt;  // no credentials in the URL: they would end up in logs
  }
  std::size_t colon = authority.rfind(':');
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return std::nullopt;
    }
    target.host = std::string(authority.substr(1, close - 1));
    colon = authority.size() > close + 1 && authority[close + 1] == ':' ? close + 1 : std::string_view::npos;
  } else {
    target.host = std::string(authority.substr(0, colon));
  }
  if (colon != std::string_view::npos) {
    target.port = std::string(authority.substr(colon + 1));
  }
  if (target.host.empty() || target.port.empty() || target.port.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return target;
}

// Certificate checks the way a browser does them: chain to a trusted CA and name the host
// (a DNS name in the SAN, or the IP address for an IP literal).
bool expect_peer_name(SSL* ssl, const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
  if (!ec) {
    return X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str()) == 1;
  }
  return SSL_set_tlsext_host_name(ssl, host.c_str()) == 1 && SSL_set1_host(ssl, host.c_str()) == 1;
}

using Stream = beast::ssl_stream<beast::tcp_stream>;

asio::awaitable<std::string> exchange(Stream& stream, const Target& target, const HttpsFetchOptions& options,
                                      std::chrono::steady_clock::time_point deadline) {
  auto& tcp = beast::get_lowest_layer(stream);
  asio::ip::tcp::resolver resolver(co_await asio::this_coro::executor);
  const auto endpoints = co_await resolver.async_resolve(target.host, target.port, asio::use_awaitable);
  tcp.expires_at(deadline);
  co_await tcp.async_connect(endpoints, asio::use_awaitable);
  tcp.expires_at(deadline);
  co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);

  http::request<http::empty_body> request{http::verb::get, target.path, 11};
  request.set(http::field::host, target.host);
  request.set(http::field::user_agent, "oofgate");
  request.set(http::field::accept, "application/json");
  tcp.expires_at(deadline);
  co_await http::async_write(stream, request, asio::use_awaitable);

  beast::flat_buffer buffer(64 * 1024);
  http::response_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(options.max_body_bytes);
  tcp.expires_at(deadline);
  co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
  if (parser.get().result() != http::status::ok) {
    throw std::runtime_error("HTTP status " + std::to_string(parser.get().result_int()));
  }
  co_return std::move(parser.get().body());
}

std::string describe(const boost::system::system_error& e) {
  if (e.code() == beast::error::timeout) {
    return "no complete answer within the timeout";
  }
  if (e.code() == http::error::body_limit) {
    return "the answer is larger than the limit";
  }
  if (e.code() == http::error::header_limit) {
    return "the answer's header is larger than the limit";
  }
  return e.code().message();
}

}  // namespace

core::Result<std::string> fetch_https(const HttpsFetchOptions& options) {
  const auto target = parse_https_url(options.url);
  if (!target) {
    return fetch_error(options.url, "not an https://HOST[:PORT]/PATH URL");
  }
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_options(asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                  asio::ssl::context::no_tlsv1_1);
  tls.set_verify_mode(asio::ssl::verify_peer);
  boost::system::error_code ec;
  if (options.ca_file.empty()) {
    tls.set_default_verify_paths(ec);
  } else {
    tls.load_verify_file(options.ca_file, ec);
  }
  if (ec) {
    return fetch_error(options.url, "cannot load the trusted CAs " + options.ca_file + ": " + ec.message());
  }
  asio::io_context io;
  Stream stream(io, tls);
  if (!expect_peer_name(stream.native_handle(), target->host)) {
    return fetch_error(options.url, "cannot set the expected certificate name");
  }
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  std::optional<core::Result<std::string>> outcome;
  asio::co_spawn(io, exchange(stream, *target, options, deadline),
                 [&](const std::exception_ptr& failure, std::string body) {
                   if (!failure) {
                     outcome.emplace(std::move(body));
                     return;
                   }
                   try {
                     std::rethrow_exception(failure);
                   } catch (const boost::system::system_error& e) {
                     outcome.emplace(fetch_error(options.url, describe(e)));
                   } catch (const std::exception& e) {
                     outcome.emplace(fetch_error(options.url, e.what()));
                   }
                 });
  // The resolver has no deadline of its own: run_until bounds the whole exchange.
  io.run_until(deadline + std::chrono::seconds(1));
  if (!outcome) {
    return fetch_error(options.url, "no complete answer within the timeout");
  }
  return std::move(*outcome);
}

}  // namespace oofgate::gateway
