#pragma once

#include <string_view>

namespace oofgate::soap {

enum class AutodiscoverEndpoint { kNone, kPox, kJson };

// Which Autodiscover endpoint a path names, case-insensitively: POX
// /autodiscover/autodiscover.xml (exchangelib posts /Autodiscover/Autodiscover.xml) or v2 JSON
// /autodiscover/autodiscover.json[/v1.0/{address}].
AutodiscoverEndpoint autodiscover_endpoint(std::string_view path);

}  // namespace oofgate::soap
