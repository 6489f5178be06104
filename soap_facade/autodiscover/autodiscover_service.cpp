#include "soap_facade/autodiscover/autodiscover_service.h"

#include "core/text/ascii.h"
#include "facade_common/reply_channel.h"
#include "soap_facade/autodiscover/autodiscover_json.h"
#include "soap_facade/autodiscover/autodiscover_paths.h"
#include "soap_facade/autodiscover/pox_response.h"
#include "soap_facade/autodiscover/typed_response.h"

namespace oofgate::soap {
namespace {

namespace http = boost::beast::http;

facade::HttpResponse xml_response(http::status status, std::string body) {
  return typed_response(status, "text/xml; charset=utf-8", std::move(body));
}

facade::HttpResponse unauthenticated() {
  facade::HttpResponse response{http::status::unauthorized, 11};
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.insert(http::field::www_authenticate, R"(Basic realm="oofgate")");
  response.insert(http::field::www_authenticate, R"(Bearer realm="oofgate")");
  response.body() = "Authentication is required: send HTTP Basic credentials or a bearer token.\n";
  return response;
}

}  // namespace

AutodiscoverService::AutodiscoverService(const core::Directory& directory, const core::Clock& clock, XmlLimits limits)
    : directory_(directory), clock_(clock), limits_(limits) {}

void AutodiscoverService::handle(const facade::Request& request, facade::Respond respond) noexcept {
  std::optional<facade::ReplyChannel> channel;
  try {
    channel.emplace("autodiscover", "", std::move(respond));
  } catch (...) {
    return;  // out of memory before a channel existed: the gateway answers the request nobody answered
  }
  facade::guarded(
      *channel,
      [&] {
        if (autodiscover_endpoint(request.path) == AutodiscoverEndpoint::kJson) {
          if (request.http.method() != http::verb::get && request.http.method() != http::verb::head) {
            facade::HttpResponse response{http::status::method_not_allowed, 11};
            response.set(http::field::allow, "GET, HEAD");
            channel->send(std::move(response));
            return;
          }
          channel->send(answer_autodiscover_json(request.query, request.origin));
          return;
        }
        channel->send(answer_pox(request));
      },
      [&] {
        channel->send(xml_response(http::status::ok, pox_error("http", PoxErrorCode::kInternalError, clock_.now())));
      });
}

facade::HttpResponse AutodiscoverService::answer_pox(const facade::Request& request) const {
  // Authenticate before saying anything about an address (discovery reference §1.6).
  if (!request.caller.authenticated()) {
    return unauthenticated();
  }
  if (request.http.method() != http::verb::post) {
    facade::HttpResponse response{http::status::method_not_allowed, 11};
    response.set(http::field::allow, "POST");
    return response;
  }
  auto parsed = read_pox_request(request.http.body(), limits_);
  if (auto* code = std::get_if<PoxErrorCode>(&parsed)) {
    return xml_response(http::status::ok, pox_error("http", *code, clock_.now()));
  }
  const auto& pox = std::get<PoxRequest>(parsed);
  const auto& principal = *request.caller.principal;
  const core::User* user = nullptr;
  if (principal.kind == core::PrincipalKind::kApplication) {
    user = directory_.find_user(pox.email_address);
  } else if (principal.user != nullptr && core::iequals_ascii(principal.user->user_principal_name, pox.email_address)) {
    user = principal.user;
  }
  if (user == nullptr) {
    // Another user's address reads as unknown: a caller learns nothing about other mailboxes.
    return xml_response(http::status::ok, pox_error(pox.scheme, PoxErrorCode::kAddressNotFound, clock_.now()));
  }
  return xml_response(http::status::ok, pox_settings(pox.scheme, *user, discovered_urls(request.origin)));
}

facade::HttpResponse AutodiscoverService::render_rejection(const facade::EdgeRejection& rejection) const noexcept {
  try {
    auto response = xml_response(rejection.status(), pox_error("http", PoxErrorCode::kInvalidRequest, clock_.now()));
    if (rejection.retry_after.count() > 0) {
      response.set(http::field::retry_after, std::to_string(rejection.retry_after.count()));
    }
    return response;
  } catch (...) {
    return facade::HttpResponse{rejection.status(), 11};
  }
}

}  // namespace oofgate::soap
