#pragma once

#include <cstdint>
#include <string_view>

namespace oofgate::soap {

// SOAP 1.1 W3C Note §4; SOAP 1.2 Part 1 §5.
inline constexpr std::string_view kSoap11EnvelopeNs = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr std::string_view kSoap12EnvelopeNs = "http://www.w3.org/2003/05/soap-envelope";
// MS-OXWUMS: request and response elements, and detail/ExceptionType.
inline constexpr std::string_view kMessagesNs = "http://schemas.microsoft.com/exchange/services/2006/messages";
// The spelling the archived docs show after link rewriting; accepted from hand-written clients.
inline constexpr std::string_view kMessagesNsHttps = "https://schemas.microsoft.com/exchange/services/2006/messages";
// EWS Types.xsd: t:OofSettings, t:Mailbox, t:ServerVersionInfo, ...
inline constexpr std::string_view kTypesNs = "http://schemas.microsoft.com/exchange/services/2006/types";
// MS-OXWUMS §3.1.4.8: the namespace bound to the `a:` prefix of exception fault codes.
inline constexpr std::string_view kErrorsNs = "http://schemas.microsoft.com/exchange/services/2006/errors";
inline constexpr std::string_view kXmlSchemaInstanceNs = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr std::string_view kXmlSchemaNs = "http://www.w3.org/2001/XMLSchema";

enum class SoapVersion : std::uint8_t { k11, k12 };

// Which spelling of the messages namespace a request used; responses answer in the same one.
enum class MessagesNs : std::uint8_t { kHttp, kHttps };

constexpr std::string_view envelope_ns(SoapVersion version) {
  return version == SoapVersion::k11 ? kSoap11EnvelopeNs : kSoap12EnvelopeNs;
}

constexpr std::string_view messages_ns(MessagesNs ns) {
  return ns == MessagesNs::kHttp ? kMessagesNs : kMessagesNsHttps;
}

}  // namespace oofgate::soap
