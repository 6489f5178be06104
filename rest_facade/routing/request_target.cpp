#include "rest_facade/routing/request_target.h"

#include <algorithm>

#include "core/text/ascii.h"
#include "rest_facade/wire/wire_enums.h"

namespace oofgate::rest {
namespace {

PathSegment make_segment(std::string text) {
  PathSegment segment;
  const auto open = text.find('(');
  if (open != std::string::npos && open > 0 && text.back() == ')') {
    segment.name = text.substr(0, open);
    segment.args = text.substr(open + 1, text.size() - open - 2);
  } else {
    segment.name = text;
  }
  segment.text = std::move(text);
  return segment;
}

}  // namespace

std::string percent_decode(std::string_view text) {
  // Most segments have no escape at all: copied whole rather than a byte at a time.
  const auto first_escape = text.find('%');
  if (first_escape == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  out.append(text.substr(0, first_escape));
  for (std::size_t i = first_escape; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const auto high = core::hex_digit_value(text[i + 1]);
      const auto low = core::hex_digit_value(text[i + 2]);
      if (high && low) {
        out += static_cast<char>(*high * 16 + *low);
        i += 2;
        continue;
      }
    }
    // A malformed escape is kept literally; it then simply fails to match anything.
    out += text[i];
  }
  return out;
}

RequestTarget parse_request_target(std::string_view target) {
  RequestTarget result;
  const auto question = target.find('?');
  const auto path = target.substr(0, question);
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    if (end > start) {
      // Decode after splitting, so an encoded '/' inside a key stays in the key.
      result.segments.push_back(make_segment(percent_decode(path.substr(start, end - start))));
    }
    start = end + 1;
  }
  if (question == std::string_view::npos) {
    return result;
  }
  const auto query = target.substr(question + 1);
  start = 0;
  while (start <= query.size()) {
    const auto end = std::min(query.find('&', start), query.size());
    const auto pair = query.substr(start, end - start);
    if (!pair.empty()) {
      const auto equals = pair.find('=');
      result.query.emplace_back(percent_decode(pair.substr(0, equals)), equals == std::string_view::npos
                                                                            ? std::string()
                                                                            : percent_decode(pair.substr(equals + 1)));
    }
    start = end + 1;
  }
  return result;
}

std::optional<std::string> RequestTarget::query_option(std::string_view name_without_dollar) const {
  for (const auto& [name, value] : query) {
    std::string_view key = name;
    if (!key.empty() && key.front() == '$') {
      key.remove_prefix(1);
    }
    if (core::iequals_ascii(key, name_without_dollar)) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<std::string> RequestTarget::repeated_query_option() const {
  // Sorted by the matching key, so thousands of options cost n log n, not n squared.
  std::vector<std::pair<std::string, std::size_t>> keys;
  keys.reserve(query.size());
  for (std::size_t i = 0; i < query.size(); ++i) {
    std::string_view name = query[i].first;
    if (!name.empty() && name.front() == '$') {
      name.remove_prefix(1);
    }
    keys.emplace_back(core::to_lower_ascii(name), i);
  }
  std::sort(keys.begin(), keys.end());
  std::optional<std::size_t> first_repeat;
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].first == keys[i - 1].first && (!first_repeat || keys[i].second < *first_repeat)) {
      first_repeat = keys[i].second;
    }
  }
  if (!first_repeat) {
    return std::nullopt;
  }
  return query[*first_repeat].first;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(',', start), text.size());
    const auto item = core::trim(text.substr(start, end - start), core::kHttpSpace);
    if (!item.empty()) {
      items.emplace_back(item);
    }
    start = end + 1;
  }
  return items;
}

}  // namespace oofgate::rest
