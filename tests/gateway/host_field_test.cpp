// RFC 9112 §3.2: a Host field with an invalid value is answered 400.
#include <gtest/gtest.h>

#include "gateway/http/host_field.h"

namespace oofgate::gateway {
namespace {

TEST(HostField, AcceptsWhatClientsSend) {
  for (const char* value : {"", "localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:443", "mail.contoso.com",
                            "[::1]", "[::1]:8443", "[2001:db8::7]", "[::ffff:192.0.2.1]:80", "[v1.fe80::a+en1]",
                            "xn--bcher-kva.example", "a%2Db.example", "host:", "  outlook.office365.com  "}) {
    EXPECT_TRUE(is_valid_host_field(value)) << value;
  }
}

TEST(HostField, RefusesWhatIsNoHost) {
  for (const char* value :
       {"a b/c@d", "a b", "a/b", "user@host", "host:80:81", "host:8o", "[::1", "[::1]x", "[::1]:x", "[]", "[zz::1]",
        "[v.x]", "a%2", "a%zz", "h\xC3\xA9te", "host?x", "host#x", "\"quoted\"", "a\\b"}) {
    EXPECT_FALSE(is_valid_host_field(value)) << value;
  }
}

}  // namespace
}  // namespace oofgate::gateway
