#include "rest_facade/batch/batch_request.h"

#include <algorithm>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <boost/beast/core/detail/base64.hpp>

#include "core/text/ascii.h"
#include "core/text/utf8.h"
#include "rest_facade/json/parse_json.h"
#include "rest_facade/wire/http_token.h"

namespace oofgate::rest {
namespace {

namespace http = boost::beast::http;
using Items = std::vector<BatchItem>;

GraphError invalid_payload() { return bad_request_error("Invalid batch payload format."); }

GraphError item_error(std::size_t index, std::string_view what) {
  return bad_request_error("Request " + std::to_string(index + 1) + " of the batch " + std::string(what));
}

std::string_view string_of(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

const rapidjson::Value* member(const rapidjson::Value& object, std::string_view name) {
  const auto it = object.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// Header values must not hold control characters: a client-request-id echo must stay one clean line.
bool is_field_value(std::string_view value) {
  return std::none_of(value.begin(), value.end(),
                      [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f; });
}

// A relative url ("/me/mailboxSettings" or "me/mailboxSettings"), as the target under the root.
std::variant<std::string, std::string> item_target(std::string_view url, std::string_view version_root) {
  if (url.empty() || url.find("://") != std::string_view::npos || url.starts_with("//") ||
      std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; })) {
    return std::variant<std::string, std::string>(
        std::in_place_index<1>,
        "has an invalid url: only URLs relative to " + std::string(version_root) + " are accepted.");
  }
  const std::string_view relative = url.front() == '/' ? url.substr(1) : url;
  const auto first_segment = relative.substr(0, relative.find_first_of("/?"));
  // The Graph JS SDK keeps the version in the url ("/v1.0/me/..."): that url names its own root.
  const bool names_version = relative.size() > first_segment.size() && relative[first_segment.size()] == '/' &&
                             (core::iequals_ascii(first_segment, "v1.0") || core::iequals_ascii(first_segment, "beta"));
  const auto under_root = names_version ? relative.substr(first_segment.size() + 1) : relative;
  if (core::iequals_ascii(under_root.substr(0, under_root.find_first_of("/?")), "$batch")) {
    return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                  "is a nested $batch, which is not supported.");
  }
  return std::variant<std::string, std::string>(
      std::in_place_index<0>,
      names_version ? "/" + std::string(relative) : std::string(version_root) + "/" + std::string(relative));
}

// JSON batching: a body is a JSON value, or a base64 string for other content (standard or
// URL-safe alphabet, as SDKs send it).
std::optional<std::string> item_body(const rapidjson::Value& body) {
  if (!body.IsString()) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    body.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
  }
  std::string text(string_of(body));
  std::replace(text.begin(), text.end(), '-', '+');
  std::replace(text.begin(), text.end(), '_', '/');
  while (text.size() % 4 != 0) {
    text.push_back('=');
  }
  std::string decoded(boost::beast::detail::base64::decoded_size(text.size()), '\0');
  const auto [written, read] = boost::beast::detail::base64::decode(decoded.data(), text.data(), text.size());
  const auto padding = text.size() - text.find_last_not_of('=') - 1;
  if (read + padding != text.size() || padding > 2) {
    return std::nullopt;
  }
  decoded.resize(written);
  return decoded;
}

std::optional<GraphError> read_headers(const rapidjson::Value& headers, std::size_t index, BatchItem& item) {
  if (!headers.IsObject()) {
    return item_error(index, "has headers that are not a JSON object.");
  }
  for (const auto& header : headers.GetObject()) {
    if (!header.value.IsString() || !is_field_name(string_of(header.name)) ||
        !is_field_value(string_of(header.value))) {
      return item_error(index, "has a header that is not a name and a string value.");
    }
    item.headers.emplace_back(string_of(header.name), string_of(header.value));
  }
  return std::nullopt;
}

bool has_content_type(const BatchItem& item) {
  return std::any_of(item.headers.begin(), item.headers.end(),
                     [](const auto& header) { return core::iequals_ascii(header.first, "Content-Type"); });
}

std::variant<BatchItem, GraphError> read_item(const rapidjson::Value& value, std::size_t index,
                                              std::string_view version_root) {
  if (!value.IsObject()) {
    return invalid_payload();
  }
  BatchItem item;
  const auto* id = member(value, "id");
  const auto* method = member(value, "method");
  const auto* url = member(value, "url");
  if (id == nullptr || !id->IsString() || id->GetStringLength() == 0) {
    return item_error(index, "needs an id: a non-empty string.");
  }
  item.id = string_of(*id);
  if (method == nullptr || !method->IsString()) {
    return item_error(index, "needs a method: a string.");
  }
  item.method = http::string_to_verb(string_of(*method));
  if (item.method == http::verb::unknown) {
    return item_error(index, "has an unknown method '" + core::printable_excerpt(string_of(*method)) + "'.");
  }
  if (url == nullptr || !url->IsString()) {
    return item_error(index, "needs a url: a string.");
  }
  auto target = item_target(string_of(*url), version_root);
  if (target.index() == 1) {
    return item_error(index, std::get<1>(target));
  }
  item.target = std::move(std::get<0>(target));
  if (const auto* headers = member(value, "headers"); headers != nullptr) {
    if (auto error = read_headers(*headers, index, item)) {
      return *error;
    }
  }
  if (const auto* body = member(value, "body"); body != nullptr && !body->IsNull()) {
    if (!has_content_type(item)) {
      return item_error(index, "has a body but no Content-Type header.");
    }
    auto decoded = item_body(*body);
    if (!decoded) {
      return item_error(index, "has a string body that is not base64.");
    }
    item.has_body = true;
    item.body = std::move(*decoded);
  }
  return item;
}

std::optional<std::size_t> find_id(const Items& items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (core::iequals_ascii(items[i].id, id)) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<GraphError> read_depends_on(const rapidjson::Value& request, std::size_t index, Items& items) {
  const auto* depends_on = member(request, "dependsOn");
  if (depends_on == nullptr || depends_on->IsNull()) {
    return std::nullopt;
  }
  if (!depends_on->IsArray()) {
    return item_error(index, "has a dependsOn that is not an array of ids.");
  }
  for (const auto& id : depends_on->GetArray()) {
    const auto found = id.IsString() ? find_id(items, string_of(id)) : std::nullopt;
    if (!found || *found == index) {
      return item_error(index, "depends on a request that is not in the batch.");
    }
    items[index].depends_on.push_back(*found);
  }
  return std::nullopt;
}

// Kahn's algorithm: every item must become runnable, or the dependencies hold a cycle.
bool is_acyclic(const Items& items) {
  std::vector<bool> done(items.size(), false);
  for (std::size_t finished = 0; finished < items.size();) {
    bool progressed = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!done[i] && std::all_of(items[i].depends_on.begin(), items[i].depends_on.end(),
                                  [&done](std::size_t dependency) { return done[dependency]; })) {
        done[i] = true;
        ++finished;
        progressed = true;
      }
    }
    if (!progressed) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::variant<std::vector<BatchItem>, GraphError> read_batch(std::string_view body, std::string_view version_root,
                                                            const JsonLimits& limits) {
  auto parsed = parse_json_body(body, limits);
  if (auto* error = std::get_if<GraphError>(&parsed)) {
    return *error;
  }
  const auto& document = std::get<rapidjson::Document>(parsed);
  const auto* requests = document.IsObject() ? member(document, "requests") : nullptr;
  if (requests == nullptr || !requests->IsArray() || requests->Empty()) {
    return invalid_payload();
  }
  if (requests->Size() > kMaxBatchRequests) {
    return bad_request_error("A batch holds at most " + std::to_string(kMaxBatchRequests) + " requests; this one has " +
                             std::to_string(requests->Size()) + ".");
  }
  Items items;
  for (const auto& request : requests->GetArray()) {
    auto item = read_item(request, items.size(), version_root);
    if (auto* error = std::get_if<GraphError>(&item)) {
      return *error;
    }
    if (find_id(items, std::get<BatchItem>(item).id)) {
      return bad_request_error("Request Id " + core::printable_excerpt(std::get<BatchItem>(item).id) +
                               " has to be unique in a batch.");
    }
    items.push_back(std::move(std::get<BatchItem>(item)));
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (auto error = read_depends_on(requests->GetArray()[static_cast<rapidjson::SizeType>(i)], i, items)) {
      return *error;
    }
  }
  if (!is_acyclic(items)) {
    return bad_request_error("The dependsOn members of the batch form a cycle.");
  }
  return items;
}

}  // namespace oofgate::rest
