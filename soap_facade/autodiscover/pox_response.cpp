#include "soap_facade/autodiscover/pox_response.h"

#include <cstdio>

#include "soap_facade/text.h"

namespace oofgate::soap {
namespace {

constexpr std::string_view kResponseSchema = "://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
constexpr std::string_view kOutlookResponseSchema =
    "://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

std::string_view message_for(PoxErrorCode code) {
  switch (code) {
    case PoxErrorCode::kAddressNotFound:
      return "The e-mail address cannot be found.";
    case PoxErrorCode::kInvalidRequest:
      return "Invalid Request";
    case PoxErrorCode::kProviderNotAvailable:
      return "Provider is not available";
    case PoxErrorCode::kInternalError:
      return "Server Error";
  }
  return "Invalid Request";
}

void append_element(std::string& out, std::string_view name, std::string_view text) {
  out.append("<").append(name).append(">");
  append_escaped(out, text);
  out.append("</").append(name).append(">");
}

void append_protocol(std::string& out, std::string_view type, const DiscoveredUrls& urls) {
  out.append("<Protocol>");
  append_element(out, "Type", type);
  append_element(out, "Server", urls.server);
  append_element(out, "AuthPackage", "basic");
  append_element(out, "ASUrl", urls.ews);
  append_element(out, "EwsUrl", urls.ews);
  append_element(out, "OOFUrl", urls.ews);
  append_element(out, "UMUrl", urls.um);
  out.append("</Protocol>");
}

std::string open_root(std::string_view scheme) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"";
  out.append(scheme).append(kResponseSchema).append("\">");
  return out;
}

}  // namespace

DiscoveredUrls discovered_urls(std::string_view origin) {
  const std::string base(origin.empty() ? std::string_view("http://localhost") : origin);
  const auto host_start = base.find("://") + 3;
  const auto host_end = base.find('/', host_start);
  return DiscoveredUrls{
      base.substr(host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start),
      base + "/EWS/Exchange.asmx", base + "/UnifiedMessaging/Service.asmx"};
}

std::string pox_settings(std::string_view scheme, const core::User& user, const DiscoveredUrls& urls) {
  std::string out = open_root(scheme);
  out.append("<Response xmlns=\"").append(scheme).append(kOutlookResponseSchema).append("\">");
  out.append("<User>");
  append_element(out, "DisplayName", user.display_name);
  append_element(out, "AutoDiscoverSMTPAddress", user.user_principal_name);
  out.append("</User><Account>");
  append_element(out, "AccountType", "email");
  append_element(out, "Action", "settings");
  append_protocol(out, "EXCH", urls);
  append_protocol(out, "EXPR", urls);
  out.append("</Account></Response></Autodiscover>");
  return out;
}

std::string pox_error(std::string_view scheme, PoxErrorCode code, core::Instant now) {
  // MS-ASCMD: Time is the time of day, hh:mm:ss.fffffff (UTC here).
  const auto since_midnight = now.time_since_epoch() % std::chrono::days(1);
  const auto ticks =
      std::chrono::duration_cast<std::chrono::duration<long long, std::ratio<1, 10000000>>>(since_midnight);
  const long long total = ticks.count();
  char time[32];
  std::snprintf(time, sizeof time, "%02lld:%02lld:%02lld.%07lld", total / 36000000000LL, total / 600000000LL % 60,
                total / 10000000LL % 60, total % 10000000LL);
  std::string out = open_root(scheme);
  out.append(R"(<Response><Error Time=")").append(time).append(R"(" Id="1">)");
  append_element(out, "ErrorCode", std::to_string(static_cast<int>(code)));
  append_element(out, "Message", message_for(code));
  out.append("<DebugData /></Error></Response></Autodiscover>");
  return out;
}

}  // namespace oofgate::soap
