#pragma once

#include <string>
#include <string_view>

#include "core/model/mailbox_settings.h"
#include "core/result.h"

namespace oofgate::core {

// The storage encoding of MailboxSettings: compact, versioned, independent of any wire format.
// Decoding rejects anything it cannot read completely, so a damaged row is an error, not defaults.
std::string encode_settings(const MailboxSettings& settings);
Result<MailboxSettings> decode_settings(std::string_view bytes);

}  // namespace oofgate::core
