#pragma once

#include <string>
#include <string_view>

#include "facade_common/http_types.h"

namespace oofgate::rest {

// One item of a $batch response: {"id","status","headers":{...},"body":...}. A JSON body is
// embedded as JSON, any other body as a string; 204 and 304 carry no body (the JS SDK hands the
// body to Fetch's Response, which refuses one there).
void write_batch_item(std::string& out, std::string_view id, const facade::HttpResponse& response);
// The envelope around the items written by write_batch_item, comma-joined in `items`.
std::string batch_envelope(std::string_view items);

}  // namespace oofgate::rest
