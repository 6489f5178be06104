#pragma once

#include <string_view>

#include "facade_common/media_type.h"

namespace oofgate::gateway {

enum class Destination { kSoapFacade, kRestFacade, kAutodiscover, kUnsupportedMediaType, kNotFound };

// Decides which facade answers a request, from one declared table: a request with a body by its
// media type first; a request without a body (typically a GET) by its path, whatever
// Content-Type it carries.
Destination route_request(facade::MediaKind media, bool has_body, std::string_view path);

// Text for the gateway's own 415, naming what each facade accepts.
inline constexpr std::string_view kAcceptedMediaTypes =
    "Unsupported media type. oofgate accepts application/json (Microsoft Graph API under /v1.0 and /beta) "
    "and text/xml or application/soap+xml (Exchange UM web service at /UnifiedMessaging/Service.asmx and "
    "/EWS/UM2007Legacy.asmx).";

}  // namespace oofgate::gateway
