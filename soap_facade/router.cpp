#include "soap_facade/router.h"

#include <string>

#include "soap_facade/endpoint.h"
#include "soap_facade/envelope_writer.h"
#include "soap_facade/soap_dispatch.h"
#include "soap_facade/text.h"
#include "soap_facade/wsdl/um_service_wsdl.h"

namespace oofgate::soap {
namespace {

std::string endpoints_hint() {
  return std::string("The UM web service is at ") + std::string(canonical_path(UmEndpoint::kUnifiedMessagingService)) +
         " and " + std::string(canonical_path(UmEndpoint::kUm2007Legacy)) + ".";
}

void answer_wrong_path(std::string_view path, const std::optional<SoapMediaType>& media, const Reply& reply) {
  const std::string reason = "There is no SOAP endpoint at '" + std::string(path) + "'. " + endpoints_hint();
  if (media) {
    reply.fault(client_fault(ExceptionType::kInvalidRequest, reason));
    return;
  }
  reply.plain(http::status::not_found, "text/plain; charset=utf-8", reason);
}

void answer_method_not_allowed(UmEndpoint endpoint, const Reply& reply) {
  HttpResponse response = reply.make(http::status::method_not_allowed, "text/plain; charset=utf-8",
                                     "The UM web service takes SOAP requests by POST; its WSDL is at " +
                                         std::string(canonical_path(endpoint)) + "?wsdl.");
  response.set(http::field::allow, "POST");
  reply.send(std::move(response));
}

// Host header as given when it looks like a host name (with port), so the WSDL never echoes markup.
std::string wsdl_host(std::string_view host) {
  const bool plausible = !host.empty() && host.size() <= 255 && host.find_first_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == std::string_view::npos;
  return plausible ? std::string(host) : std::string("localhost");
}

void answer_wsdl(const HttpRequest& request, UmEndpoint endpoint, const Reply& reply) {
  const std::string address = "http://" + wsdl_host(request[http::field::host]) + std::string(canonical_path(endpoint));
  reply.plain(http::status::ok, "text/xml; charset=utf-8", um_service_wsdl(address));
}

void answer_unauthenticated(const Reply& reply) {
  const Fault fault = client_fault(ExceptionType::kAccessDenied,
                                   "Authentication is required: send HTTP Basic credentials or a bearer token.");
  HttpResponse response = reply.make(http::status::unauthorized, soap_content_type(reply.version()),
                                     fault_envelope(reply.version(), MessagesNs::kHttp, fault));
  response.insert(http::field::www_authenticate, R"(Basic realm="oofgate")");
  response.insert(http::field::www_authenticate, R"(Bearer realm="oofgate")");
  reply.send(std::move(response));
}

std::optional<std::string_view> soap_action(const HttpRequest& request, const SoapMediaType& media) {
  if (media.version == SoapVersion::k12) {
    return media.action ? std::optional<std::string_view>(*media.action) : std::nullopt;
  }
  const auto header = request.find("SOAPAction");
  if (header == request.end()) {
    return std::nullopt;
  }
  return std::string_view(header->value().data(), header->value().size());
}

}  // namespace

void route_request(core::MailboxService& service, const HttpRequest& request, const core::Caller& caller,
                   const std::optional<SoapMediaType>& media, const Reply& reply) {
  const std::string_view target(request.target().data(), request.target().size());
  const RequestTarget parts = split_target(target);
  const auto endpoint = match_um_endpoint(parts.path);
  if (!endpoint) {
    answer_wrong_path(parts.path, media, reply);
    return;
  }
  if (request.method() == http::verb::get && is_wsdl_query(parts.query)) {
    // The WSDL describes the service, not a mailbox, so it is served without credentials.
    answer_wsdl(request, *endpoint, reply);
    return;
  }
  if (request.method() != http::verb::post) {
    answer_method_not_allowed(*endpoint, reply);
    return;
  }
  if (!caller.authenticated()) {
    answer_unauthenticated(reply);
    return;
  }
  if (!media) {
    reply.plain(http::status::unsupported_media_type, "text/plain; charset=utf-8",
                "The UM web service accepts SOAP 1.1 as text/xml and SOAP 1.2 as application/soap+xml.");
    return;
  }
  if (!media->charset_supported) {
    reply.fault(client_fault(ExceptionType::kInvalidRequest, "Requests must be encoded in UTF-8."));
    return;
  }
  dispatch_soap(service, *caller.principal, request.body(), soap_action(request, *media), reply);
}

}  // namespace oofgate::soap
