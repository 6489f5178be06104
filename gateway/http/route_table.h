#pragma once

#include <string_view>

#include "gateway/http/media_type.h"

namespace oofgate::gateway {

enum class Destination { kSoapFacade, kRestFacade, kUnsupportedMediaType, kNotFound };

// Decides which facade answers a request, from one declared table: by media type first; only a
// request without a media type (typically a GET) is routed by its path.
Destination route_request(MediaType media_type, std::string_view target);

// Text for the gateway's own 415, naming what each facade accepts.
inline constexpr std::string_view kAcceptedMediaTypes =
    "Unsupported media type. oofgate accepts application/json (Microsoft Graph API under /v1.0 and /beta) "
    "and text/xml or application/soap+xml (Exchange UM web service at /UnifiedMessaging/Service.asmx and "
    "/EWS/UM2007Legacy.asmx).";

}  // namespace oofgate::gateway
