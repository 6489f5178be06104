#include "soap_facade/soap_facade.h"

#include "soap_facade/envelope_writer.h"
#include "soap_facade/ews/ews_protocol.h"
#include "soap_facade/reply.h"
#include "soap_facade/router.h"

namespace oofgate::soap {
namespace {

// SOAP 1.2 only for its own media type; everything else is answered as SOAP 1.1.
SoapVersion version_of(const facade::MediaType& media) {
  return media.kind == facade::MediaKind::kSoapXml ? SoapVersion::k12 : SoapVersion::k11;
}

Fault fault_for(const facade::EdgeRejection& rejection) {
  if (rejection.condition == facade::EdgeCondition::kServerBusy ||
      rejection.condition == facade::EdgeCondition::kInternalError) {
    return server_fault(ExceptionType::kInternalServerError, rejection.message);
  }
  return client_fault(ExceptionType::kInvalidRequest, rejection.message);
}

}  // namespace

SoapFacade::SoapFacade(core::MailboxService& service, XmlLimits limits) : service_(service), limits_(limits) {}

void SoapFacade::handle(const facade::Request& request, Respond respond) noexcept {
  try {
    // Faults are written in the SOAP version the Content-Type announced, even for envelopes of the other one.
    const Reply reply(std::move(respond), version_of(request.media), request.connection);
    guarded(reply, [&] { route_request(service_, request, limits_, reply); });
  } catch (...) {
    // Out of memory before a reply existed: the gateway answers the request nobody answered.
  }
}

HttpResponse SoapFacade::render_rejection(const facade::EdgeRejection& rejection, const facade::MediaType& media,
                                          std::string_view path) noexcept {
  const SoapVersion version = version_of(media);
  HttpResponse response{rejection.status(), 11};
  try {
    response.set(http::field::content_type, soap_content_type(version));
    if (rejection.retry_after.count() > 0) {
      response.set(http::field::retry_after, std::to_string(rejection.retry_after.count()));
    }
    if (ews::is_ews_endpoint(path)) {
      response.body() = fault_envelope(version, MessagesNs::kHttp, ews::shape_ews_fault(fault_for(rejection)),
                                       ews::server_version_header());
    } else {
      response.body() = fault_envelope(version, MessagesNs::kHttp, fault_for(rejection));
    }
  } catch (...) {
    response.body().clear();
  }
  return response;
}

}  // namespace oofgate::soap
