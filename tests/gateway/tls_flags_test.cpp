// `oofgate serve --tls-cert FILE --tls-key FILE --public-url URL` (README "TLS").
#include <string>

#include <gtest/gtest.h>

#include "gateway/flag_parsing.h"

namespace oofgate::gateway {
namespace {

TEST(TlsFlags, PlainHttpByDefault) {
  const auto parsed = parse_serve({});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().serve->tls_certificate_file, "");
  EXPECT_EQ(parsed.value().serve->tls_key_file, "");
  EXPECT_EQ(parsed.value().serve->public_url, "");
}

TEST(TlsFlags, CertificateAndKeyGoTogether) {
  const auto both = parse_serve({"--tls-cert", "cert.pem", "--tls-key", "key.pem"});
  ASSERT_TRUE(both.ok()) << both.error().message;
  EXPECT_EQ(both.value().serve->tls_certificate_file, "cert.pem");
  EXPECT_EQ(both.value().serve->tls_key_file, "key.pem");
  for (const char* alone : {"--tls-cert", "--tls-key"}) {
    const auto parsed = parse_serve({alone, "file.pem"});
    ASSERT_FALSE(parsed.ok()) << alone;
    EXPECT_TRUE(parsed.error().message.starts_with("--tls-cert and --tls-key go together")) << parsed.error().message;
  }
}

TEST(TlsFlags, PublicUrlLosesItsTrailingSlash) {
  for (const auto& [given, kept] : {std::pair{"https://mail.contoso.com/", "https://mail.contoso.com"},
                                    std::pair{"http://10.0.0.1:8080", "http://10.0.0.1:8080"},
                                    std::pair{"https://[2001:db8::1]:8443/oof//", "https://[2001:db8::1]:8443/oof"}}) {
    const auto parsed = parse_serve({"--public-url", given});
    ASSERT_TRUE(parsed.ok()) << given << ": " << parsed.error().message;
    EXPECT_EQ(parsed.value().serve->public_url, kept);
  }
}

// The URL is written into the WSDL as given, so only characters that need no escaping pass.
TEST(TlsFlags, PublicUrlRefusesWhatIsNotAnHttpOrigin) {
  for (const char* url : {"", "mail.contoso.com", "ftp://mail.contoso.com", "https://", "https:///path",
                          "https://x\"/><y", "https://a b", "https://mail.contoso.com/?q=1", "https://a&b"}) {
    const auto parsed = parse_serve({"--public-url", url});
    ASSERT_FALSE(parsed.ok()) << url;
    EXPECT_TRUE(parsed.error().message.starts_with("--public-url needs http(s)://HOST[:PORT][/PATH], got '" +
                                                   std::string(url) + "'"))
        << parsed.error().message;
  }
}

}  // namespace
}  // namespace oofgate::gateway
