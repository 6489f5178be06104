// libFuzzer target for the Graph facade: request target (route table, percent-decoding, OData
// query options, user ids) and JSON body (parser, member readers, time and enum conversions,
// PATCH validation and merge), for delegated and application callers.
// Input: byte 0 selects the request (bits 0-2: the method, see kMethods; bits 3-5: the caller,
// see fuzzing::caller_table; bit 6: no Content-Type instead of application/json; bit 7: a
// client-request-id line follows the target); then the target up to the first '\n', then
// (bit 7) the client-request-id up to the next '\n', then the body.
// Every input must get exactly one answer, Graph-shaped (response_checks.h).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz/callers.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/one_answer.h"
#include "fuzz/response_checks.h"
#include "rest_facade/rest_facade.h"
#include "support/core_fixture.h"

namespace {

using namespace oofgate;
namespace http = boost::beast::http;

constexpr std::array kMethods = {http::verb::get, http::verb::patch,   http::verb::get,  http::verb::post,
                                 http::verb::put, http::verb::delete_, http::verb::head, http::verb::options};

// The core (in-memory store) and facade live across inputs, as in a running gateway. The rate
// limit is off: with the fixture's fixed clock its window never ends, and a throttled facade
// would answer every later input 429. The concurrency limit stays (one request is in flight).
struct Harness {
  testing::CoreFixture core;
  rest::RestFacade facade{*core.service, core::ThrottleLimits{4, 0, std::chrono::seconds(600)}};
  std::array<core::Caller, 8> callers = fuzzing::caller_table(core);
};

Harness& harness() {
  static Harness instance;
  return instance;
}

// Bytes no HTTP parser lets through in a request target or a header value; an input with them
// describes a request the facade can never receive.
bool parser_would_reject(std::string_view text, bool header_value) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0x7F || (byte < 0x20 && !(header_value && byte == '\t')) || (!header_value && byte == ' ')) {
      return true;
    }
  }
  return false;
}

// Cuts `input` at the first '\n': the line before it is returned, `input` keeps the rest.
std::optional<std::string_view> take_line(std::string_view& input) {
  const auto end = input.find('\n');
  if (end == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view line = input.substr(0, end);
  input.remove_prefix(end + 1);
  return line;
}

// The glue to the facade's entry point: builds the request as the gateway hands it over and
// returns the one answer (adapt here when RestFacade::handle changes).
fuzzing::HttpResponse call_facade(Harness& h, std::uint8_t variant, std::string_view target,
                                  std::optional<std::string_view> client_request_id, std::string_view body) {
  rest::HttpRequest request{kMethods[variant & 7U], target, 11};
  request.set(http::field::host, "graph.microsoft.com");
  if ((variant & 64U) == 0) {
    request.set(http::field::content_type, "application/json");
  }
  if (client_request_id) {
    request.set("client-request-id", *client_request_id);
  }
  request.body() = body;
  request.prepare_payload();

  const core::Caller& caller = fuzzing::pick_caller(h.callers, static_cast<std::uint8_t>(variant >> 3U));
  return fuzzing::answer_of(
      [&](rest::Respond respond) { h.facade.handle(facade::describe_request(request, caller), std::move(respond)); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzzing::split_input(data, size);
  if (!input) {
    return 0;
  }
  const std::uint8_t variant = input->variant;
  std::string_view rest = input->payload;
  const auto target = take_line(rest);
  if (!target || target->empty() || parser_would_reject(*target, false)) {
    return -1;  // not a request the gateway could hand over; keep it out of the corpus
  }
  std::optional<std::string_view> client_request_id;
  if ((variant & 128U) != 0) {
    client_request_id = take_line(rest);
    if (!client_request_id || parser_would_reject(*client_request_id, true)) {
      return -1;
    }
  }
  fuzzing::check_graph_response(call_facade(harness(), variant, *target, client_request_id, rest));
  return 0;
}
