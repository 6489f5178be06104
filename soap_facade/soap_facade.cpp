#include "soap_facade/soap_facade.h"

namespace oofgate::soap {

SoapFacade::SoapFacade(core::MailboxService& service) : service_(service) {}
SoapFacade::~SoapFacade() = default;

void SoapFacade::handle(const HttpRequest& request, const core::Caller&, Respond respond) {
  HttpResponse response{http::status::not_implemented, request.version()};
  respond(std::move(response));
}

}  // namespace oofgate::soap
