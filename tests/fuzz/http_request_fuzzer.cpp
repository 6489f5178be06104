// libFuzzer target for the whole request path a stranger's bytes take: the HTTP/1.1 parser with
// the gateway's limits, fed as the session feeds it (segment by segment, pipelined requests on
// one connection), then RequestDispatcher (credentials, routing by media type and path) and
// whichever facade answers, over an in-memory store.
// Input: byte 0 selects how the bytes arrive (bits 0-2: credentials, see kAuthorizations: 0 and 7
// keep what the bytes carry, the others replace the Authorization header with a valid one, so the
// fuzzer reaches the paths behind authentication; bits 3-5: TCP segment size, see kSegmentSizes);
// the rest is what the client sends on one connection.
// Every request must get exactly one answer, in the protocol the request's head selects
// (expected_answerer below, the error conventions of issue 10), passing response_checks.h; on
// the EWS paths every envelope also carries t:ServerVersionInfo and no ErrorInternalServerError
// (check_ews_envelope).
//
// Exceptions: none may escape dispatch() (a finding: the facades promise a noexcept edge). From
// the parser, std::length_error is expected and tolerated: Beast's field container throws it for
// a field over 64 KiB, which only trailers can reach under the header limit, and the session's
// catch-all answers it with an error and closes the connection; anything else is a finding.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <pugixml.hpp>

#include "facade_common/media_type.h"
#include "facade_common/request.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/one_answer.h"
#include "fuzz/response_checks.h"
#include "gateway/http/request_dispatcher.h"
#include "gateway/server/session_context.h"
#include "rest_facade/rest_facade.h"
#include "soap_facade/autodiscover/autodiscover_paths.h"
#include "soap_facade/ews/ews_protocol.h"
#include "soap_facade/soap_facade.h"
#include "support/core_fixture.h"

namespace {

using namespace oofgate;
namespace http = gateway::http;

// Pipelined requests read from one input, as one connection would carry them.
constexpr int kMaxRequestsPerConnection = 8;

constexpr std::array<std::string_view, 8> kAuthorizations = {
    "",
    "Bearer adele-rw",
    "Bearer app-rw",
    "Bearer adele-ro",
    "Basic YWRlbGVAY29udG9zby5jb206QWRlbGUtUGE1NQ==",  // adele@contoso.com:Adele-Pa55
    "Bearer alex-rw",
    "Basic bm9yYUBjb250b3NvLmNvbTpOb3JhLVBhNTU=",  // nora@contoso.com:Nora-Pa55 (no UM)
    "",
};
// 0: everything in one read; else the size of each read the session's socket returns.
constexpr std::array<std::size_t, 8> kSegmentSizes = {0, 1, 2, 3, 7, 64, 1460, 4096};

// The gateway as main() wires it, over the test suite's in-memory core. The Graph rate limit is
// off: with the fixture's fixed clock its window never ends, so a throttled pair would answer
// 429 to every later input.
struct Harness {
  testing::CoreFixture core;
  soap::SoapFacade soap{*core.service};
  rest::RestFacade rest{*core.service, core::ThrottleLimits{4, 0, std::chrono::seconds(600)}};
  gateway::RequestDispatcher dispatcher{*core.directory, soap, rest};
  gateway::SessionLimits limits;
};

Harness& harness() {
  static Harness instance;
  return instance;
}

// What the client sends, handed out as the socket would: one segment per read.
class ClientBytes {
 public:
  ClientBytes(std::string_view bytes, std::size_t segment_size) : bytes_(bytes), segment_size_(segment_size) {}

  bool exhausted() const { return bytes_.empty(); }

  void read_into(boost::beast::flat_buffer& buffer) {
    const std::size_t n = segment_size_ == 0 ? bytes_.size() : std::min(segment_size_, bytes_.size());
    const auto space = buffer.prepare(n);
    std::memcpy(space.data(), bytes_.data(), n);
    buffer.commit(n);
    bytes_.remove_prefix(n);
  }

 private:
  std::string_view bytes_;
  std::size_t segment_size_;
};

// The parser as Session::read_request() sets it up (adapt here when the session's limits change).
void configure_parser(http::request_parser<http::string_body>& parser, const gateway::SessionLimits& limits) {
  parser.body_limit(limits.body_limit);
  parser.header_limit(limits.header_limit);
  parser.eager(true);  // as http::async_read does for a whole message
}

// Reads one request as Beast's async_read does (put() what is buffered, read more on need_more,
// put_eof() at end of stream). False when the connection ends or the session answers an error.
bool read_request(ClientBytes& client, boost::beast::flat_buffer& buffer,
                  http::request_parser<http::string_body>& parser) {
  boost::beast::error_code error;
  while (!parser.is_done()) {
    if (buffer.size() == 0) {
      if (client.exhausted()) {
        if (!parser.got_some()) {
          return false;  // end_of_stream: the session closes quietly
        }
        parser.put_eof(error);
        return !error;
      }
      client.read_into(buffer);
    }
    try {
      buffer.consume(parser.put(buffer.data(), error));
    } catch (const std::length_error&) {
      return false;  // the session's catch-all answers and closes (see the header comment)
    }
    if (error == http::error::need_more) {
      if (client.exhausted()) {
        parser.put_eof(error);
        return !error && parser.is_done();
      }
      client.read_into(buffer);
      continue;
    }
    if (error) {
      return false;  // the session answers 400/413/431 in plain text and closes
    }
  }
  return true;
}

enum class Answerer { kGraph, kSoap, kGateway };

std::string lower_case_path(const gateway::HttpRequest& request) {
  const std::string_view target =
      facade::origin_form(std::string_view(request.target().data(), request.target().size()));
  std::string path(target.substr(0, target.find('?')));
  for (char& c : path) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return path;
}

bool is_ews_path(std::string_view path) {
  return soap::ews::is_ews_endpoint(path) || soap::ews::is_ews_wsdl_path(path);
}

// Which protocol must answer (issue 10's conventions): a request without a body is routed by
// its path; otherwise the media type decides, and a media type no facade takes is refused by the
// facade whose path it is, or by the gateway in plain text.
Answerer expected_answerer(const gateway::HttpRequest& request) {
  const std::string path = lower_case_path(request);
  const bool graph_path =
      path == "/v1.0" || path == "/beta" || path.starts_with("/v1.0/") || path.starts_with("/beta/");
  // Every .asmx path is the SOAP facade's, and so is EWS's WSDL path /EWS/Services.wsdl.
  const bool soap_path = path.ends_with(".asmx") || soap::ews::is_ews_wsdl_path(path);
  const facade::MediaKind media_type = facade::parse_media_type(request[http::field::content_type]).kind;
  const auto path_owner = graph_path ? Answerer::kGraph : soap_path ? Answerer::kSoap : Answerer::kGateway;
  // Autodiscover paths go to their own service whatever the body; this dispatcher has none
  // (set_autodiscover), so the gateway answers them 404 in plain text.
  if (soap::autodiscover_endpoint(path) != soap::AutodiscoverEndpoint::kNone) {
    return Answerer::kGateway;
  }
  // Without a body only the path decides, whatever Content-Type came along.
  if (request.body().empty() && !request.chunked()) {
    return path_owner;
  }
  switch (media_type) {
    case facade::MediaKind::kJson:
      return Answerer::kGraph;
    case facade::MediaKind::kTextXml:
    case facade::MediaKind::kSoapXml:
      return Answerer::kSoap;
    case facade::MediaKind::kNone:
    case facade::MediaKind::kOther:
      break;
  }
  // A body no facade takes: the owner of the path answers, or the gateway.
  return path_owner;
}

// EWS (MS-OXWSCORE as oofgate serves it, docs/soap-conformance.md): every envelope on its paths,
// faults included, has t:ServerVersionInfo in its Header, and a bug reaching the catch-all is
// e:ResponseCode ErrorInternalServerError (EWS's form of UM's InternalServerErrorException).
void check_ews_envelope(const fuzzing::HttpResponse& response) {
  pugi::xml_document document;
  if (!document.load_buffer(response.body().data(), response.body().size())) {
    return;  // not XML: check_soap_response has judged it
  }
  const pugi::xml_node root = document.document_element();
  if (fuzzing::local_name(root.name()) != "Envelope") {
    return;  // the WSDL
  }
  bool version_header = false;
  for (const pugi::xml_node child : root.children()) {
    if (fuzzing::local_name(child.name()) != "Header") {
      continue;
    }
    for (const pugi::xml_node block : child.children()) {
      version_header = version_header || fuzzing::local_name(block.name()) == "ServerVersionInfo";
    }
  }
  if (!version_header) {
    fuzzing::report_finding("shape", "EWS envelope without t:ServerVersionInfo in its Header", response.body());
  }
  const pugi::xml_node internal = document.find_node([](const pugi::xml_node& node) {
    return fuzzing::local_name(node.name()) == "ResponseCode" &&
           std::string_view(node.child_value()) == "ErrorInternalServerError";
  });
  if (internal) {
    fuzzing::report_finding("internal", "EWS ErrorInternalServerError: an exception reached the facade's catch-all",
                            response.body());
  }
}

void check_answer(const gateway::HttpRequest& request, const fuzzing::HttpResponse& response) {
  const Answerer answerer = expected_answerer(request);
  const fuzzing::AnswerFamily family = fuzzing::family_of(response);
  // The SOAP facade answers non-SOAP requests to its paths (a GET, no media type) in plain text.
  const bool right_protocol = answerer == Answerer::kGraph ? family == fuzzing::AnswerFamily::kGraph
                              : answerer == Answerer::kSoap
                                  ? family == fuzzing::AnswerFamily::kSoap || family == fuzzing::AnswerFamily::kPlain
                                  : family == fuzzing::AnswerFamily::kPlain;
  if (!right_protocol) {
    fuzzing::report_finding("routing",
                            std::string("answered by the wrong protocol for ") + std::string(request.method_string()) +
                                " " + std::string(request.target()) + " (Content-Type '" +
                                std::string(request[http::field::content_type]) + "', " +
                                std::to_string(request.body().size()) + " body bytes)",
                            response.body());
    return;
  }
  switch (answerer) {
    case Answerer::kGraph:
      fuzzing::check_graph_response(response);
      return;
    case Answerer::kSoap:
      fuzzing::check_soap_response(
          response, facade::parse_media_type(request[http::field::content_type]).kind == facade::MediaKind::kSoapXml
                        ? fuzzing::SoapVersion::k12
                        : fuzzing::SoapVersion::k11);
      if (is_ews_path(lower_case_path(request)) && fuzzing::family_of(response) == fuzzing::AnswerFamily::kSoap) {
        check_ews_envelope(response);
      }
      return;
    case Answerer::kGateway:
      fuzzing::check_plain_response(response);
      return;
  }
}

// The glue to the gateway's entry point (adapt here when RequestDispatcher::dispatch changes).
fuzzing::HttpResponse dispatch(Harness& h, const gateway::HttpRequest& request) {
  return fuzzing::answer_of([&](gateway::Respond respond) {
    try {
      h.dispatcher.dispatch(request, std::move(respond));
    } catch (const std::exception& exception) {
      fuzzing::abort_finding("exception",
                             std::string("exception escaped RequestDispatcher::dispatch: ") + exception.what());
    }
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzzing::split_input(data, size);
  if (!input) {
    return 0;
  }
  Harness& h = harness();
  ClientBytes client(input->payload, kSegmentSizes[(input->variant >> 3U) & 7U]);
  const std::string_view authorization = kAuthorizations[input->variant & 7U];
  // One buffer per connection: bytes after one request are the start of the next.
  boost::beast::flat_buffer buffer;
  for (int i = 0; i < kMaxRequestsPerConnection; ++i) {
    http::request_parser<http::string_body> parser;
    configure_parser(parser, h.limits);
    if (!read_request(client, buffer, parser)) {
      return 0;
    }
    gateway::HttpRequest request = parser.release();
    if (!authorization.empty()) {
      request.set(http::field::authorization, authorization);
    }
    const fuzzing::HttpResponse response = dispatch(h, request);
    check_answer(request, response);
    if (!request.keep_alive()) {
      return 0;
    }
  }
  return 0;
}
