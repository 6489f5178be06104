#pragma once

#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "core/result.h"

namespace oofgate::gateway {

// The server's TLS settings, shared by every connection of the process (OpenSSL's SSL_CTX is
// safe to share between threads): the certificate chain and key from PEM files, TLS 1.2 and 1.3
// only, Mozilla's "intermediate" cipher list, ALPN "http/1.1", and session resumption (an
// in-memory session cache and session tickets). Fails with a message that names the file.
core::Result<std::unique_ptr<boost::asio::ssl::context>> make_tls_context(const std::string& certificate_chain_file,
                                                                          const std::string& private_key_file);

}  // namespace oofgate::gateway
