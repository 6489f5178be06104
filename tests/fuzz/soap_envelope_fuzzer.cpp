// libFuzzer target for the bytes the SOAP facade takes from strangers: the request body (XML
// parser, envelope and header checks, operation table, parameter readers) under either SOAP
// version and several media-type spellings, for callers with different rights.
// Input: byte 0 selects the request (bit 0: SOAP 1.2, bit 1: a SOAPAction header (1.1) or an
// action parameter (1.2), bit 2: the /UnifiedMessaging endpoint, bit 3: an unusual but valid
// Content-Type spelling, bit 4: the rest is only the Body's content and is wrapped in an envelope,
// bits 5-7: the caller, see fuzzing::caller_table); the rest is the body. Seeds with byte 0 < 8
// are whole envelopes from adele with a read-write token.
// Every input must get exactly one answer, in the request's SOAP version (response_checks.h).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/callers.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/one_answer.h"
#include "fuzz/response_checks.h"
#include "soap_facade/soap_facade.h"
#include "support/core_fixture.h"

namespace {

using namespace oofgate;
using fuzzing::SoapVersion;
namespace http = soap::http;

constexpr std::string_view kSetOofStatusAction =
    "http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus";

// The core (in-memory store) and facade live across inputs, as in a running gateway.
struct Harness {
  testing::CoreFixture core;
  soap::SoapFacade facade{*core.service};
  std::array<core::Caller, 8> callers = fuzzing::caller_table(core);
};

Harness& harness() {
  static Harness instance;
  return instance;
}

std::string_view content_type(std::uint8_t variant) {
  const bool soap12 = (variant & 1U) != 0;
  const bool action = (variant & 2U) != 0;
  const bool unusual = (variant & 8U) != 0;
  if (!soap12) {
    return unusual ? "TEXT/XML ; Charset=\"UTF-8\"" : "text/xml; charset=utf-8";
  }
  if (action) {
    return unusual ? "application/soap+xml;action=\"http://schemas.microsoft.com/exchange/services/2006/messages/"
                     "SetOofStatus\";charset=UTF-8"
                   : "application/soap+xml; charset=utf-8; "
                     "action=\"http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus\"";
  }
  return unusual ? "application/soap+xml" : "application/soap+xml; charset=utf-8";
}

std::string envelope_around(std::string_view body_content, SoapVersion version) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" +
         std::string(fuzzing::soap_envelope_namespace(version)) +
         "\" xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\"><soap:Body>" +
         std::string(body_content) + "</soap:Body></soap:Envelope>";
}

// The glue to the facade's entry point: builds the request as the gateway hands it over and
// returns the one answer (adapt here when SoapFacade::handle changes).
fuzzing::HttpResponse call_facade(Harness& h, std::uint8_t variant, std::string_view payload) {
  const SoapVersion version = (variant & 1U) != 0 ? SoapVersion::k12 : SoapVersion::k11;
  soap::HttpRequest request{http::verb::post,
                            (variant & 4U) != 0 ? "/UnifiedMessaging/Service.asmx" : "/EWS/UM2007Legacy.asmx", 11};
  request.set(http::field::host, "mail.contoso.com");
  request.set(http::field::content_type, content_type(variant));
  if ((variant & 2U) != 0 && version == SoapVersion::k11) {
    request.set("SOAPAction", "\"" + std::string(kSetOofStatusAction) + "\"");
  }
  request.body() = (variant & 16U) != 0 ? envelope_around(payload, version) : std::string(payload);
  request.prepare_payload();

  const core::Caller& caller = fuzzing::pick_caller(h.callers, static_cast<std::uint8_t>(variant >> 5U));
  return fuzzing::answer_of(
      [&](soap::Respond respond) { h.facade.handle(facade::describe_request(request, caller), std::move(respond)); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzzing::split_input(data, size);
  if (!input) {
    return 0;
  }
  const std::uint8_t variant = input->variant;
  const fuzzing::HttpResponse response = call_facade(harness(), variant, input->payload);
  fuzzing::check_soap_response(response, (variant & 1U) != 0 ? SoapVersion::k12 : SoapVersion::k11);
  return 0;
}
