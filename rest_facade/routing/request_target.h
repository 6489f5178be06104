#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oofgate::rest {

// One percent-decoded path segment. OData function/key syntax "name(args)" is split so
// "users('a@b.com')" and "supportedTimeZones(TimeZoneStandard=...)" can be matched by name.
struct PathSegment {
  std::string text;                 // the whole decoded segment
  std::string name;                 // text before '(' (or all of it)
  std::optional<std::string> args;  // text inside the parentheses
};

struct RequestTarget {
  std::vector<PathSegment> segments;                       // empty segments (from "//" or a trailing '/') dropped
  std::vector<std::pair<std::string, std::string>> query;  // decoded name/value pairs

  // The value of a query option such as $select; matched case-insensitively, with or without '$'.
  std::optional<std::string> query_option(std::string_view name_without_dollar) const;
  // OData: a query option may be given at most once. The name (as sent) of the first option
  // given twice, under the same matching as query_option(), or nullopt.
  std::optional<std::string> repeated_query_option() const;
};

RequestTarget parse_request_target(std::string_view target);
std::string percent_decode(std::string_view text);
// Splits "a,b , c" into trimmed, non-empty items.
std::vector<std::string> split_list(std::string_view text);

}  // namespace oofgate::rest
