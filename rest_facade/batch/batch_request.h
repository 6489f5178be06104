#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <boost/beast/http/verb.hpp>

#include "rest_facade/graph_error.h"
#include "rest_facade/json/json_limits.h"

namespace oofgate::rest {

// Graph JSON batching: at most this many requests in one $batch (json-batching.md).
inline constexpr std::size_t kMaxBatchRequests = 20;

// One member of a $batch envelope's "requests", checked and ready to run as its own request.
struct BatchItem {
  std::string id;
  boost::beast::http::verb method = boost::beast::http::verb::get;
  std::string target;  // "/v1.0/me/mailboxSettings": the item's relative url under the envelope's version root
  std::vector<std::pair<std::string, std::string>> headers;
  bool has_body = false;
  std::string body;                     // JSON text, or the decoded bytes of a base64 string body
  std::vector<std::size_t> depends_on;  // indexes of the items it waits for
};

// Reads a $batch envelope ({"requests":[{id, method, url, headers?, body?, dependsOn?}, ...]})
// sent to `version_root` ("/v1.0" or "/beta"). Every rule is checked before anything runs, so a
// malformed batch is refused whole (400 BadRequest): not an object or no requests, more than
// kMaxBatchRequests, an id given twice (ids compare case-insensitively), a member of the wrong
// type, an absolute or nested-$batch url, a body without Content-Type, an unknown dependsOn id or
// a dependency cycle.
std::variant<std::vector<BatchItem>, GraphError> read_batch(std::string_view body, std::string_view version_root,
                                                            const JsonLimits& limits);

}  // namespace oofgate::rest
