#include "gateway/http/request_dispatcher.h"

#include "gateway/http/credentials.h"
#include "gateway/http/media_type.h"
#include "gateway/http/route_table.h"

namespace oofgate::gateway {
namespace {

HttpResponse plain_text(http::status status, unsigned version, std::string_view text) {
  HttpResponse response{status, version};
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.body() = std::string(text) + "\n";
  return response;
}

}  // namespace

void RequestDispatcher::dispatch(const HttpRequest& request, Respond respond) {
  const MediaType media_type = parse_media_type(request[http::field::content_type]);
  switch (route_request(media_type, request.target())) {
    case Destination::kSoapFacade:
      soap_.handle(request, authenticate(request[http::field::authorization], directory_), std::move(respond));
      return;
    case Destination::kRestFacade:
      rest_.handle(request, authenticate(request[http::field::authorization], directory_), std::move(respond));
      return;
    case Destination::kUnsupportedMediaType:
      respond(plain_text(http::status::unsupported_media_type, request.version(), kAcceptedMediaTypes));
      return;
    case Destination::kNotFound:
      respond(plain_text(http::status::not_found, request.version(),
                         "Not found. oofgate serves the Microsoft Graph API under /v1.0 and /beta and the Exchange "
                         "UM web service at /UnifiedMessaging/Service.asmx and /EWS/UM2007Legacy.asmx."));
      return;
  }
}

}  // namespace oofgate::gateway
