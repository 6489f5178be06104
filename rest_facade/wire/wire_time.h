#pragma once

// The wire time formats live in facade_common, since the EWS facade parses the same xs:dateTime.
#include "facade_common/wire_time.h"

namespace oofgate::rest {

using facade::format_date_time;
using facade::format_error_date;
using facade::format_time_of_day;
using facade::parse_date_time;
using facade::parse_time_of_day;
using facade::WireDateTime;

}  // namespace oofgate::rest
