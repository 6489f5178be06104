#include "soap_facade/router.h"

#include <string>

#include "core/text/utf8.h"
#include "soap_facade/endpoint.h"
#include "soap_facade/envelope_writer.h"
#include "soap_facade/ews/ews_operation.h"
#include "soap_facade/ews/ews_protocol.h"
#include "soap_facade/ews/ews_wsdl.h"
#include "soap_facade/soap_dispatch.h"
#include "soap_facade/text.h"
#include "soap_facade/wsdl/um_service_wsdl.h"

namespace oofgate::soap {
namespace {

std::string endpoints_hint() {
  return std::string("The UM web service is at ") + std::string(canonical_path(UmEndpoint::kUnifiedMessagingService)) +
         " and " + std::string(canonical_path(UmEndpoint::kUm2007Legacy)) + ", Exchange Web Services at " +
         std::string(ews::kEwsPath) + ".";
}

bool is_soap_media(const facade::MediaType& media) {
  return media.kind == facade::MediaKind::kTextXml || media.kind == facade::MediaKind::kSoapXml;
}

void answer_wrong_path(std::string_view path, const facade::MediaType& media, const Reply& reply) {
  const std::string reason =
      "There is no SOAP endpoint at '" + core::printable_excerpt(path, 256) + "'. " + endpoints_hint();
  if (is_soap_media(media)) {
    // 404 as IIS answers a path with no service behind it; the body is still a fault, so a SOAP
    // client reads why.
    reply.fault(client_fault(ExceptionType::kInvalidRequest, reason), http::status::not_found);
    return;
  }
  reply.plain(http::status::not_found, "text/plain; charset=utf-8", reason);
}

// The address comes from the gateway's configuration (--public-url, else the scheme and listen
// address), never from the Host header, which any client may set to anything.
std::string service_url(std::string_view origin, std::string_view path) {
  return std::string(origin.empty() ? std::string_view("http://localhost") : origin) + std::string(path);
}

void answer_wsdl(std::string_view origin, UmEndpoint endpoint, const Reply& reply) {
  reply.plain(http::status::ok, "text/xml; charset=utf-8",
              um_service_wsdl(service_url(origin, canonical_path(endpoint))));
}

void answer_method_not_allowed(std::string_view allow, std::string message, const Reply& reply) {
  HttpResponse response = reply.make(http::status::method_not_allowed, "text/plain; charset=utf-8", std::move(message));
  response.set(http::field::allow, allow);
  reply.send(std::move(response));
}

void answer_unauthenticated(const Reply& reply) {
  const Fault fault = client_fault(ExceptionType::kAccessDenied,
                                   "Authentication is required: send HTTP Basic credentials or a bearer token.");
  HttpResponse response = reply.make_fault(fault, http::status::unauthorized);
  response.insert(http::field::www_authenticate, R"(Basic realm="oofgate")");
  response.insert(http::field::www_authenticate, R"(Bearer realm="oofgate")");
  reply.send(std::move(response));
}

std::optional<std::string_view> soap_action(const HttpRequest& request, const facade::MediaType& media) {
  if (media.kind == facade::MediaKind::kSoapXml) {
    return media.action;
  }
  const auto header = request.find("SOAPAction");
  if (header == request.end()) {
    return std::nullopt;
  }
  return std::string_view(header->value().data(), header->value().size());
}

// Checks the request head shares with UM: credentials, SOAP media type, UTF-8. False once answered.
bool accept_soap_post(const facade::Request& request, std::string_view service_name, const Reply& reply) {
  if (!request.caller.authenticated()) {
    answer_unauthenticated(reply);
    return false;
  }
  if (!is_soap_media(request.media)) {
    reply.plain(
        http::status::unsupported_media_type, "text/plain; charset=utf-8",
        "The " + std::string(service_name) + " accepts SOAP 1.1 as text/xml and SOAP 1.2 as application/soap+xml.");
    return false;
  }
  if (!request.media.charset_is_utf8()) {
    reply.fault(client_fault(ExceptionType::kInvalidRequest, "Requests must be encoded in UTF-8."));
    return false;
  }
  return true;
}

// EWS (MS-OXWSCORE): /EWS/Exchange.asmx and its WSDL. Every envelope from here on, faults
// included, carries t:ServerVersionInfo.
void route_ews(core::MailboxService& service, const facade::Request& request, const XmlLimits& limits,
               const Reply& reply) {
  reply.use_header(std::string(ews::server_version_header()), ews::shape_ews_fault);
  const std::string endpoint_url = service_url(request.origin, ews::kEwsPath);
  const auto method = request.http.method();
  const bool wsdl_path = ews::is_ews_wsdl_path(request.path);
  if (method == http::verb::get && (wsdl_path || is_wsdl_query(request.query))) {
    // As for UM: the WSDL describes the service, not a mailbox.
    reply.plain(http::status::ok, "text/xml; charset=utf-8", ews::ews_service_wsdl(endpoint_url));
    return;
  }
  if (wsdl_path) {
    answer_method_not_allowed("GET", "The EWS WSDL is read with GET.", reply);
    return;
  }
  if (method != http::verb::post) {
    answer_method_not_allowed(
        "POST",
        "Exchange Web Services take SOAP requests by POST; the WSDL is at " + std::string(ews::kEwsWsdlPath) + ".",
        reply);
    return;
  }
  if (!accept_soap_post(request, "EWS endpoint", reply)) {
    return;
  }
  ews::dispatch_ews(service, *request.caller.principal, request.http.body(), soap_action(request.http, request.media),
                    reply, limits, endpoint_url);
}

}  // namespace

void route_request(core::MailboxService& service, const facade::Request& request, const XmlLimits& limits,
                   const Reply& reply) {
  if (ews::is_ews_endpoint(request.path) || ews::is_ews_wsdl_path(request.path)) {
    route_ews(service, request, limits, reply);
    return;
  }
  const auto endpoint = match_um_endpoint(request.path);
  if (!endpoint) {
    answer_wrong_path(request.path, request.media, reply);
    return;
  }
  const auto method = request.http.method();
  if (method == http::verb::get && is_wsdl_query(request.query)) {
    // The WSDL describes the service, not a mailbox, so it is served without credentials.
    answer_wsdl(request.origin, *endpoint, reply);
    return;
  }
  if (method != http::verb::post) {
    answer_method_not_allowed("POST",
                              "The UM web service takes SOAP requests by POST; its WSDL is at " +
                                  std::string(canonical_path(*endpoint)) + "?wsdl.",
                              reply);
    return;
  }
  if (!accept_soap_post(request, "UM web service", reply)) {
    return;
  }
  dispatch_soap(service, *request.caller.principal, request.http.body(), soap_action(request.http, request.media),
                reply, limits);
}

}  // namespace oofgate::soap
