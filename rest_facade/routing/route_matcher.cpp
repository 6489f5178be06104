#include <string>

#include "core/text/ascii.h"
#include "rest_facade/routing/route_table.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {
namespace {

// OData key literal: 'a@b.com' with doubled quotes inside, or a bare GUID.
std::string key_from_args(std::string_view args) {
  if (args.size() >= 2 && args.front() == '\'' && args.back() == '\'') {
    args = args.substr(1, args.size() - 2);
    std::string key;
    for (std::size_t i = 0; i < args.size(); ++i) {
      key += args[i];
      if (args[i] == '\'' && i + 1 < args.size() && args[i + 1] == '\'') {
        ++i;
      }
    }
    return key;
  }
  return std::string(args);
}

// Matches `pattern` against the segments; returns the number of segments consumed on success,
// and otherwise reports in `failed_at` the index of the first segment that did not match.
bool match_pattern(std::string_view pattern, const std::vector<PathSegment>& segments, RouteMatch& match,
                   std::size_t& failed_at) {
  std::size_t index = 0;
  std::size_t start = 1;  // patterns begin with '/'
  while (start <= pattern.size()) {
    const auto end = std::min(pattern.find('/', start), pattern.size());
    const auto part = pattern.substr(start, end - start);
    start = end + 1;
    if (index >= segments.size()) {
      failed_at = index;
      return false;
    }
    const PathSegment& segment = segments[index];
    if (part == "{version}") {
      if (segment.args || !(core::iequals_ascii(segment.name, "v1.0") || core::iequals_ascii(segment.name, "beta"))) {
        failed_at = index;
        return false;
      }
      match.version = core::iequals_ascii(segment.name, "beta") ? ApiVersion::kBeta : ApiVersion::kV1;
      ++index;
    } else if (part == "{mailbox}") {
      if (core::iequals_ascii(segment.name, "me") && !segment.args) {
        match.mailbox = core::MailboxTarget::me();
        ++index;
      } else if (core::iequals_ascii(segment.name, "users") && segment.args) {
        match.mailbox = core::MailboxTarget::named(key_from_args(*segment.args));
        ++index;
      } else if (core::iequals_ascii(segment.text, "users") && index + 1 < segments.size()) {
        match.mailbox = core::MailboxTarget::named(segments[index + 1].text);
        index += 2;
      } else {
        failed_at = core::iequals_ascii(segment.text, "users") ? index + 1 : index;
        return false;
      }
    } else if (part == "{property}") {
      match.property = segment.text;
      ++index;
    } else if (part.size() > 2 && part.substr(part.size() - 2) == "()") {
      if (!core::iequals_ascii(segment.name, part.substr(0, part.size() - 2))) {
        failed_at = index;
        return false;
      }
      match.function_args = segment.args;
      ++index;
    } else {
      if (segment.args || !core::iequals_ascii(segment.name, part)) {
        failed_at = index;
        return false;
      }
      ++index;
    }
  }
  if (index != segments.size()) {
    failed_at = index;
    return false;
  }
  return true;
}

}  // namespace

std::variant<RouteFound, GraphError> find_route(std::span<const Route> routes, boost::beast::http::verb method,
                                                const RequestTarget& target) {
  std::string allow;
  std::size_t best_failure = 0;
  for (const auto& route : routes) {
    RouteMatch match;
    std::size_t failed_at = 0;
    if (!match_pattern(route.pattern, target.segments, match, failed_at)) {
      best_failure = std::max(best_failure, failed_at);
      continue;
    }
    if (route.method == method) {
      return RouteFound{route.handler, std::move(match), route.operation};
    }
    const auto name = boost::beast::http::to_string(route.method);
    if (allow.find(name) == std::string::npos) {
      allow += allow.empty() ? "" : ", ";
      allow.append(name.data(), name.size());
    }
  }
  if (!allow.empty()) {
    return method_not_allowed_error(std::move(allow));
  }
  if (target.segments.empty()) {
    return segment_not_found_error("");
  }
  const auto index = std::min(best_failure, target.segments.size() - 1);
  return segment_not_found_error(target.segments[index].text);
}

}  // namespace oofgate::rest
