#pragma once

#include "core/model/mailbox_settings_patch.h"
#include "rest_facade/json/body_reader.h"

namespace oofgate::rest {

// Graph: workingHours, including a timeZoneBase or a customTimeZone chosen by @odata.type.
bool read_working_hours(BodyReader& reader, const JsonValue& value, core::WorkingHoursPatch& out);

}  // namespace oofgate::rest
