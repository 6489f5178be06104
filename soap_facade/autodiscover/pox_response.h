#pragma once

#include <string>
#include <string_view>

#include "core/directory/user.h"
#include "core/time/clock.h"
#include "soap_facade/autodiscover/pox_request.h"

namespace oofgate::soap {

// The service URLs an Autodiscover answer points to, all on the gateway's public origin.
struct DiscoveredUrls {
  std::string server;  // the origin's host[:port]
  std::string ews;     // <origin>/EWS/Exchange.asmx: EwsUrl, ASUrl and OOFUrl
  std::string um;      // <origin>/UnifiedMessaging/Service.asmx: UMUrl
};

DiscoveredUrls discovered_urls(std::string_view origin);

// Response schema 2006a, Action=settings: User/DisplayName and AutoDiscoverSMTPAddress, then an
// EXCH and an EXPR Protocol with the same URLs (exchangelib prefers EXPR, Outlook reads either).
std::string pox_settings(std::string_view scheme, const core::User& user, const DiscoveredUrls& urls);
// The error form exchangelib reads: <Response><Error Time Id><ErrorCode/><Message/><DebugData/>.
std::string pox_error(std::string_view scheme, PoxErrorCode code, core::Instant now);

}  // namespace oofgate::soap
