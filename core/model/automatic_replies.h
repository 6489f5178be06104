#pragma once

#include <string>

#include "core/model/date_time.h"
#include "core/model/enums.h"

namespace oofgate::core {

// The one out-of-office model: Graph automaticRepliesSetting, EWS UserOofSettings and the UM
// OofStatus flag are all views of this record.
struct AutomaticReplies {
  OofState state = OofState::kDisabled;
  ExternalAudience external_audience = ExternalAudience::kAll;
  DateTimeTimeZone scheduled_start;
  DateTimeTimeZone scheduled_end;
  std::string internal_reply_message;
  std::string external_reply_message;

  bool operator==(const AutomaticReplies&) const = default;
};

}  // namespace oofgate::core
