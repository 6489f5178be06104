#include "gateway/tls/tls_context.h"

#include <array>
#include <string_view>

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace oofgate::gateway {

namespace ssl = boost::asio::ssl;

namespace {

// Mozilla Server Side TLS 5.7, "intermediate": forward secrecy and AEAD only. TLS 1.3 suites are
// OpenSSL's defaults, which are the same list.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
    "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";

// ALPN wire format: a length byte, then the name.
constexpr std::array<unsigned char, 9> kHttp11Protocol{8, 'h', 't', 't', 'p', '/', '1', '.', '1'};

// Sessions kept for resumption: bounded, so a client cannot grow the cache; 1 h as Mozilla's
// "intermediate" profile suggests for tickets and cache alike.
constexpr long kSessionCacheSize = 20 * 1024;
constexpr long kSessionTimeoutSeconds = 3600;

constexpr std::array<unsigned char, 7> kSessionIdContext{'o', 'o', 'f', 'g', 'a', 't', 'e'};

// RFC 7301 §3.2: a client that offers ALPN without "http/1.1" gets the no_application_protocol
// alert rather than a connection in a protocol it did not ask for (nginx does the same).
int select_http11(SSL*, const unsigned char** out, unsigned char* out_length, const unsigned char* offered,
                  unsigned int offered_length, void*) {
  unsigned char* selected = nullptr;
  if (SSL_select_next_proto(&selected, out_length, kHttp11Protocol.data(), kHttp11Protocol.size(), offered,
                            offered_length) != OPENSSL_NPN_NEGOTIATED) {
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

// OpenSSL's reason for the last failure, for the start-up error message.
std::string openssl_reason(const boost::system::system_error& e) {
  const unsigned long code = ERR_peek_last_error();
  ERR_clear_error();
  const char* reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
  return reason != nullptr ? reason : e.code().message();
}

core::Error tls_error(const std::string& what, const std::string& file, const std::string& reason) {
  return core::Error{core::ErrorCode::kInvalidArgument, "cannot use " + what + " " + file + ": " + reason};
}

}  // namespace

core::Result<std::unique_ptr<ssl::context>> make_tls_context(const std::string& certificate_chain_file,
                                                             const std::string& private_key_file) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  SSL_CTX* native = context->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_max_proto_version(native, TLS1_3_VERSION);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_compression | ssl::context::single_dh_use);
  // Renegotiation is a denial-of-service lever with no use for HTTP/1.1 clients.
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    return core::Error{core::ErrorCode::kInternal, "OpenSSL accepts none of the TLS 1.2 ciphers"};
  }
  SSL_CTX_set_dh_auto(native, 1);
  SSL_CTX_set_alpn_select_cb(native, select_http11, nullptr);
  SSL_CTX_set_session_cache_mode(native, SSL_SESS_CACHE_SERVER);
  SSL_CTX_sess_set_cache_size(native, kSessionCacheSize);
  SSL_CTX_set_timeout(native, kSessionTimeoutSeconds);
  SSL_CTX_set_session_id_context(native, kSessionIdContext.data(), kSessionIdContext.size());
  // The key first: a certificate that does not match it then unloads it, which the check below reports.
  try {
    context->use_private_key_file(private_key_file, ssl::context::pem);
  } catch (const boost::system::system_error& e) {
    return tls_error("the private key file", private_key_file, openssl_reason(e));
  }
  try {
    context->use_certificate_chain_file(certificate_chain_file);
  } catch (const boost::system::system_error& e) {
    return tls_error("the certificate file", certificate_chain_file, openssl_reason(e));
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    ERR_clear_error();
    return tls_error("the private key file", private_key_file, "it does not match the certificate");
  }
  return context;
}

}  // namespace oofgate::gateway
