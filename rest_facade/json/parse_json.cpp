#include "rest_facade/json/parse_json.h"

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "core/text/utf8.h"

namespace oofgate::rest {
namespace {

// Iterative: a body of 100,000 '[' must not recurse. ValidateEncoding: raw bytes must be UTF-8
// (escaped surrogates are checked in LimitedHandler, as RapidJSON lets a lone low one through).
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

GraphError limit_error(const std::string& what, std::size_t limit) {
  return bad_request_error("The JSON payload exceeds the limit of " + std::to_string(limit) + " " + what + ".");
}

// Forwards SAX events to the document being built, counting as it goes; returns false (which
// stops the reader) at the first limit crossed or ill-formed string, with the reason kept.
class LimitedHandler {
 public:
  LimitedHandler(rapidjson::Document& document, const JsonLimits& limits) : document_(document), limits_(limits) {}

  const std::optional<GraphError>& error() const { return error_; }

  // RapidJSON's SAX handler interface names these methods.
  // NOLINTBEGIN(readability-identifier-naming)
  bool Null() { return value() && document_.Null(); }
  bool Bool(bool b) { return value() && document_.Bool(b); }
  bool Int(int i) { return value() && document_.Int(i); }
  bool Uint(unsigned i) { return value() && document_.Uint(i); }
  bool Int64(std::int64_t i) { return value() && document_.Int64(i); }
  bool Uint64(std::uint64_t i) { return value() && document_.Uint64(i); }
  bool Double(double d) { return value() && document_.Double(d); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool copy) {
    return value() && document_.RawNumber(text, length, copy);
  }
  bool String(const char* text, rapidjson::SizeType length, bool copy) {
    return value() && string(text, length) && document_.String(text, length, copy);
  }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) {
    return member() && string(text, length) && document_.Key(text, length, copy);
  }
  bool StartObject() { return value() && open(true) && document_.StartObject(); }
  bool EndObject(rapidjson::SizeType count) {
    open_.pop_back();
    return document_.EndObject(count);
  }
  bool StartArray() { return value() && open(false) && document_.StartArray(); }
  bool EndArray(rapidjson::SizeType count) {
    open_.pop_back();
    return document_.EndArray(count);
  }
  // NOLINTEND(readability-identifier-naming)

 private:
  struct Container {
    bool is_object;
    std::size_t count;
  };

  bool fail(GraphError error) {
    error_ = std::move(error);
    return false;
  }

  // A value is an element of the enclosing array (object members are counted by their keys).
  bool value() {
    if (!open_.empty() && !open_.back().is_object && ++open_.back().count > limits_.max_members) {
      return fail(limit_error("elements in one array", limits_.max_members));
    }
    return true;
  }

  bool member() {
    if (++open_.back().count > limits_.max_members) {
      return fail(limit_error("members in one object", limits_.max_members));
    }
    return true;
  }

  bool open(bool is_object) {
    if (open_.size() >= limits_.max_depth) {
      return fail(limit_error("levels of nesting", limits_.max_depth));
    }
    open_.push_back(Container{is_object, 0});
    return true;
  }

  bool string(const char* text, rapidjson::SizeType length) {
    if (length > limits_.max_string_bytes) {
      return fail(limit_error("bytes in one string", limits_.max_string_bytes));
    }
    if (!core::is_valid_utf8(std::string_view(text, length))) {
      return fail(bad_request_error(
          "The JSON payload contains a string that is not valid UTF-8 (an unpaired surrogate or an ill-formed byte)."));
    }
    return true;
  }

  rapidjson::Document& document_;
  const JsonLimits& limits_;
  std::vector<Container> open_;
  std::optional<GraphError> error_;
};

}  // namespace

std::variant<rapidjson::Document, GraphError> parse_json_body(std::string_view body, const JsonLimits& limits) {
  if (body.size() > limits.max_body_bytes) {
    return payload_too_large_error(limits.max_body_bytes);
  }
  rapidjson::Document document;
  LimitedHandler handler(document, limits);
  bool parsed = false;
  auto generate = [&](rapidjson::Document& target) {
    rapidjson::MemoryStream stream(body.data(), body.size());
    rapidjson::Reader reader;
    parsed = !reader.Parse<kParseFlags>(stream, handler).IsError();
    (void)target;  // the handler already writes into it
    return parsed;
  };
  document.Populate(generate);
  if (handler.error()) {
    return *handler.error();
  }
  if (!parsed) {
    return unreadable_payload_error();
  }
  return document;
}

}  // namespace oofgate::rest
