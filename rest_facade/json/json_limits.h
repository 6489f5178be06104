#pragma once

#include <cstddef>

namespace oofgate::rest {

// What one Graph request body may hold. The defaults fit every mailboxSettings body with room to
// spare (the deepest, workingHours.timeZone.daylightOffset, is 4 levels; a reply message may be
// 128 KiB, core::kMaxReplyMessageBytes) and keep a hostile body's parse cost and memory small.
// Beyond max_body_bytes the answer is 413 RequestEntityTooLarge; beyond the others it is 400
// BadRequest with a message naming the limit.
struct JsonLimits {
  std::size_t max_depth = 32;                 // objects and arrays open at once
  std::size_t max_string_bytes = 256 * 1024;  // one string or member name, after unescaping
  std::size_t max_members = 1024;             // members of one object, or elements of one array
  std::size_t max_body_bytes = 1024 * 1024;   // the raw body (the gateway's default --body-limit)
};

}  // namespace oofgate::rest
