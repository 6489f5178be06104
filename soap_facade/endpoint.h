#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace oofgate::soap {

// Spec §1.2: the Exchange 2007 UM virtual directory and the 2010+ legacy endpoint, served alike.
enum class UmEndpoint : std::uint8_t { kUnifiedMessagingService, kUm2007Legacy };

// Case-insensitive, as IIS compares paths.
std::optional<UmEndpoint> match_um_endpoint(std::string_view path);
std::string_view canonical_path(UmEndpoint endpoint);
// `?wsdl` in any letter case, as ASMX accepts it.
bool is_wsdl_query(std::string_view query);

}  // namespace oofgate::soap
