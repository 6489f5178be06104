#pragma once

#include <string_view>

#include "facade_common/http_types.h"

namespace oofgate::soap {

// Autodiscover v2 (Outlook, Exchange Online clients), anonymous as Exchange Online answers it:
// GET /autodiscover/autodiscover.json/v1.0/{address}?Protocol=EWS (or ?Email=...&Protocol=...)
// -> {"Protocol":"EWS","Url":"<origin>/EWS/Exchange.asmx"}; Protocol=AutodiscoverV1 -> the POX
// URL. Protocol names match case-insensitively; an unknown one is ProtocolNotSupported, a
// missing one MissingProtocol, both 400 with {"ErrorCode","ErrorMessage"}.
facade::HttpResponse answer_autodiscover_json(std::string_view query, std::string_view origin);

}  // namespace oofgate::soap
