#include "rest_facade/rest_facade.h"

namespace oofgate::rest {

RestFacade::RestFacade(core::MailboxService& service) : service_(service) {}
RestFacade::~RestFacade() = default;

void RestFacade::handle(const HttpRequest& request, const core::Caller&, Respond respond) {
  HttpResponse response{http::status::not_implemented, request.version()};
  respond(std::move(response));
}

}  // namespace oofgate::rest
