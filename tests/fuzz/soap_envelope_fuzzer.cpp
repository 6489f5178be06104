// libFuzzer target for the bytes the SOAP facade takes from strangers: the request body (XML
// parser, envelope and header checks, operation table, parameter readers) under either SOAP
// version, with or without a SOAPAction. Input: byte 0 selects the variant (bit 0: SOAP 1.2,
// bit 1: a SOAPAction header, bit 2: the /UnifiedMessaging endpoint); the rest is the body.
// Every input must get exactly one well-formed answer: a SOAP response or fault, never a crash,
// a second answer, or a 200 without a body.
#include <cstddef>
#include <cstdint>
#include <future>
#include <string_view>

#include "soap_facade/soap_facade.h"
#include "support/core_fixture.h"

namespace {

using namespace oofgate;
namespace http = soap::http;

// The core (in-memory store) and facade live across inputs, as in a running gateway.
struct Harness {
  testing::CoreFixture core;
  soap::SoapFacade facade{*core.service};

  core::Caller adele() const {
    core::PermissionSet permissions;
    permissions.add(core::Permission::kMailboxSettingsReadWrite);
    return core::Caller{core::CredentialScheme::kBasic,
                        core::Principal{core::PrincipalKind::kDelegated, &core.adele(), permissions}};
  }
};

Harness& harness() {
  static Harness instance;
  return instance;
}

bool acceptable_status(unsigned status) {
  return status == 200 || status == 400 || status == 401 || status == 405 || status == 415 || status == 500;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::uint8_t variant = data[0];
  Harness& h = harness();

  soap::HttpRequest request{http::verb::post,
                            (variant & 4U) != 0 ? "/UnifiedMessaging/Service.asmx" : "/EWS/UM2007Legacy.asmx", 11};
  request.set(http::field::host, "mail.contoso.com");
  request.set(http::field::content_type,
              (variant & 1U) != 0 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8");
  if ((variant & 2U) != 0) {
    request.set("SOAPAction", "\"http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus\"");
  }
  request.body().assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  request.prepare_payload();

  // A second answer would throw std::future_error out of set_value: a crash the fuzzer reports.
  std::promise<soap::HttpResponse> answered;
  h.facade.handle(facade::describe_request(request, h.adele()),
                  [&answered](soap::HttpResponse response) { answered.set_value(std::move(response)); });
  const soap::HttpResponse response = answered.get_future().get();
  if (!acceptable_status(response.result_int()) || response.body().empty()) {
    __builtin_trap();
  }
  return 0;
}
