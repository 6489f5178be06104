#include "gateway/http/request_dispatcher.h"

#include <algorithm>

#include "facade_common/log.h"
#include "facade_common/request.h"
#include "gateway/http/credentials.h"
#include "gateway/observability/admin_endpoints.h"

namespace oofgate::gateway {
namespace {

constexpr std::string_view kNotFoundText =
    "Not found. oofgate serves the Microsoft Graph API under /v1.0 and /beta and the Exchange UM web service at "
    "/UnifiedMessaging/Service.asmx and /EWS/UM2007Legacy.asmx.";

}  // namespace

HttpResponse plain_text(http::status status, std::string_view text) {
  HttpResponse response{status, 11};
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.body().reserve(text.size() + 1);
  response.body().append(text);
  response.body().push_back('\n');
  return response;
}

RequestHead RequestDispatcher::inspect(const HttpRequest& message, bool has_body) const {
  RequestHead head;
  const auto content_type = message[http::field::content_type];
  head.media = facade::parse_media_type(std::string_view(content_type.data(), content_type.size()));
  facade::split_target(std::string_view(message.target().data(), message.target().size()), head.path, head.query);
  head.destination = route_request(head.media.kind, has_body, head.path);
  return head;
}

HttpResponse RequestDispatcher::reject(const RequestHead* head, const HttpRequest& message,
                                       const facade::EdgeRejection& rejection) noexcept {
  try {
    if (head != nullptr && head->destination == Destination::kRestFacade) {
      return rest_.render_rejection(rejection, message);
    }
    if (head != nullptr && head->destination == Destination::kSoapFacade) {
      return soap_.render_rejection(rejection, head->media, head->path);
    }
    if (head != nullptr && head->destination == Destination::kAutodiscover && autodiscover_ != nullptr) {
      return autodiscover_->render_rejection(rejection);
    }
    auto response = plain_text(rejection.status(), rejection.message);
    if (rejection.retry_after.count() > 0) {
      response.set(http::field::retry_after, std::to_string(rejection.retry_after.count()));
    }
    return response;
  } catch (...) {
    return HttpResponse{rejection.status(), 11};
  }
}

void RequestDispatcher::dispatch(const RequestHead& head, const HttpRequest& request,
                                 facade::ConnectionExecutor* connection, std::string_view client_address,
                                 Respond respond, core::RequestTrace* trace) noexcept {
  try {
    if (observability_ != nullptr) {
      if (auto answer = answer_admin_request(*observability_, request, head.path, serve_metrics_)) {
        if (trace != nullptr) {
          trace->facade = kAdminFacade;
        }
        respond(std::move(*answer));
        return;
      }
      if (admin_only_) {
        respond(plain_text(http::status::not_found, "Not found. This listener serves /healthz, /readyz and /metrics."));
        return;
      }
    }
    switch (head.destination) {
      case Destination::kAutodiscover:
        if (autodiscover_ == nullptr) {
          respond(plain_text(http::status::not_found, kNotFoundText));
          return;
        }
        [[fallthrough]];
      case Destination::kSoapFacade:
      case Destination::kRestFacade: {
        // Authorization is a single field (RFC 9110 §11.6.2): two of them are credentials of no
        // known scheme, refused like any other, never the first or the last one believed (which
        // one a proxy in front passed on or checked is anybody's guess).
        const auto header = request[http::field::authorization];
        auto presented = request.count(http::field::authorization) > 1
                             ? PresentedCredentials{core::CredentialScheme::kOther, {}, std::nullopt, false}
                             : parse_authorization(std::string_view(header.data(), header.size()));
        // Graph takes bearer tokens only: Basic on a Graph route is refused without running the
        // password hash, so Graph routes cannot be used to make the server hash.
        if (head.destination == Destination::kRestFacade && presented.scheme != core::CredentialScheme::kBearer) {
          hand_over(head, request, connection, core::Caller{presented.scheme, std::nullopt}, std::move(respond), trace);
          return;
        }
        if (presented.scheme == core::CredentialScheme::kBasic && presented.basic && verifier_ != nullptr) {
          verify_then_hand_over(head, request, connection, client_address, std::move(*presented.basic),
                                std::move(respond), trace);
          return;
        }
        hand_over(head, request, connection, authenticate(presented, directory_, jwt_), std::move(respond), trace);
        return;
      }
      case Destination::kUnsupportedMediaType:
        respond(plain_text(http::status::unsupported_media_type, kAcceptedMediaTypes));
        return;
      case Destination::kNotFound:
        respond(plain_text(http::status::not_found, kNotFoundText));
        return;
    }
  } catch (const std::exception& e) {
    // Only reachable before a facade took the request (facades never throw): answer it here.
    facade::log_event("gateway", "", std::string("dispatch failed: ") + e.what());
    if (respond) {
      try {
        respond(reject(&head, request, {facade::EdgeCondition::kInternalError, "An internal server error occurred."}));
      } catch (...) {
        facade::log_event("gateway", "", "could not answer a failed dispatch");
      }
    }
  } catch (...) {
    facade::log_event("gateway", "", "dispatch failed: non-standard exception");
  }
}

void RequestDispatcher::hand_over(const RequestHead& head, const HttpRequest& request,
                                  facade::ConnectionExecutor* connection, core::Caller caller, Respond respond,
                                  core::RequestTrace* trace) noexcept {
  if (trace != nullptr) {
    trace->facade = head.destination == Destination::kSoapFacade ? "soap" : "graph";
    if (caller.principal) {
      trace->subject = caller.principal->subject;
    } else if (caller.scheme == core::CredentialScheme::kBasic) {
      trace->auth_failure = "basic";
    } else if (caller.scheme == core::CredentialScheme::kBearer) {
      trace->auth_failure = "bearer";
    }
  }
  // Writes the facade starts are attributed to this request (audit log), on this thread.
  const core::RequestTraceScope scope(trace);
  const facade::Request facts{request, head.media, head.path, head.query, std::move(caller), connection, origin_};
  if (head.destination == Destination::kSoapFacade) {
    soap_.handle(facts, std::move(respond));
  } else if (head.destination == Destination::kAutodiscover) {
    autodiscover_->handle(facts, std::move(respond));
  } else {
    rest_.handle(facts, std::move(respond));
  }
}

// The verdict arrives on a pool thread (or inline); the facade then runs on the connection's
// thread again. The request stays valid meanwhile: the session keeps it until it is answered.
void RequestDispatcher::verify_then_hand_over(const RequestHead& head, const HttpRequest& request,
                                              facade::ConnectionExecutor* connection, std::string_view client_address,
                                              BasicCredentials credentials, Respond respond,
                                              core::RequestTrace* trace) {
  auto user_name = credentials.user_name;
  auto password = credentials.password;
  verifier_->verify_basic(
      std::move(user_name), std::move(password), std::string(client_address),
      [this, head, &request, connection, trace, respond = std::move(respond)](BasicOutcome outcome) mutable {
        facade::run_on_connection(connection, [this, head, &request, connection, trace, respond = std::move(respond),
                                               outcome]() mutable {
          switch (outcome.kind) {
            case BasicOutcome::Kind::kVerified:
              hand_over(head, request, connection, core::Caller{core::CredentialScheme::kBasic, outcome.principal},
                        std::move(respond), trace);
              return;
            case BasicOutcome::Kind::kRejected:
              hand_over(head, request, connection, core::Caller{core::CredentialScheme::kBasic, std::nullopt},
                        std::move(respond), trace);
              return;
            case BasicOutcome::Kind::kBusy:
              respond(reject(&head, request,
                             {facade::EdgeCondition::kServerBusy,
                              "The server is too busy to check credentials now. Try again shortly.",
                              std::max(outcome.retry_after, std::chrono::seconds(1))}));
              return;
            case BasicOutcome::Kind::kRateLimited:
              respond(reject(&head, request,
                             {facade::EdgeCondition::kTooManyFailures,
                              "Too many failed sign-ins from this address. Try again later.", outcome.retry_after}));
              return;
          }
        });
      });
}

void RequestDispatcher::dispatch(const HttpRequest& request, Respond respond) noexcept {
  RequestHead head;
  try {
    head = inspect(request, !request.body().empty() || request.chunked());
  } catch (...) {
    return;
  }
  dispatch(head, request, nullptr, "", std::move(respond));
}

}  // namespace oofgate::gateway
