#include "soap_facade/soap_facade.h"

#include "soap_facade/media_type.h"
#include "soap_facade/reply.h"
#include "soap_facade/router.h"

namespace oofgate::soap {

SoapFacade::SoapFacade(core::MailboxService& service) : service_(service) {}
SoapFacade::~SoapFacade() = default;

void SoapFacade::handle(const HttpRequest& request, const core::Caller& caller, Respond respond) {
  const auto content_type = request[http::field::content_type];
  const auto media = parse_soap_media_type(std::string_view(content_type.data(), content_type.size()));
  // Faults are written in the SOAP version the Content-Type announced, even for envelopes of the other one.
  const Reply reply(std::move(respond), request.version(), request.keep_alive(),
                    media ? media->version : SoapVersion::k11);
  guarded(reply, [&] { route_request(service_, request, caller, media, reply); });
}

}  // namespace oofgate::soap
