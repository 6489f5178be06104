#pragma once

#include <optional>
#include <string_view>

#include "soap_facade/fault.h"

namespace oofgate::soap {

// Refuses request bytes whose characters XML 1.0 does not allow (§2.2 Char), which pugixml does
// not check: ill-formed UTF-8 (overlong forms, surrogates, past U+10FFFF), control characters
// other than tab, LF and CR, U+FFFE/U+FFFF, and character references to any of those (&#0;
// would silently cut a value short, &#xD800; would decode to ill-formed UTF-8).
std::optional<Fault> check_xml_characters(std::string_view bytes);

}  // namespace oofgate::soap
