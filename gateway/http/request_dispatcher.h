#pragma once

#include <string>
#include <string_view>

#include "core/directory/directory.h"
#include "facade_common/connection_executor.h"
#include "facade_common/edge_rejection.h"
#include "facade_common/http_types.h"
#include "facade_common/media_type.h"
#include "gateway/auth/credential_verifier.h"
#include "gateway/http/credentials.h"
#include "gateway/http/route_table.h"
#include "gateway/observability/observability.h"
#include "rest_facade/rest_facade.h"
#include "soap_facade/autodiscover/autodiscover_service.h"
#include "soap_facade/soap_facade.h"

namespace oofgate::gateway {

namespace http = boost::beast::http;
using facade::HttpRequest;
using facade::HttpResponse;
using facade::Respond;

// The facts the gateway takes from a request's head, once, before any body byte is read: which
// facade owns it, its media type, its path and query. Views point into the message.
struct RequestHead {
  Destination destination = Destination::kNotFound;
  facade::MediaType media;
  std::string_view path;
  std::string_view query;
};

// The gateway's request handler: routes by media type (then path), authenticates, and hands the
// request to the facade that speaks the client's protocol. Knows no XML or JSON.
class RequestDispatcher {
 public:
  // With a `verifier`, Basic passwords are checked on its pool, never on the calling (I/O)
  // thread; without one (facade tests, fuzzers) they are checked inline.
  // With `jwt`, bearer tokens that are not opaque tokens of the users file are verified as JWTs.
  RequestDispatcher(const core::Directory& directory, soap::SoapFacade& soap, rest::RestFacade& rest,
                    CredentialVerifier* verifier = nullptr, const JwtVerifier* jwt = nullptr)
      : directory_(directory), soap_(soap), rest_(rest), verifier_(verifier), jwt_(jwt) {}

  // The origin facades use for absolute URLs (facade::Request::origin); set before serving.
  void set_origin(std::string origin) { origin_ = std::move(origin); }
  // Health probes (and /metrics where `serve_metrics`) answered before any facade; `admin_only`:
  // nothing else is served (the --admin-listen listener). Set before serving; not owned.
  void set_observability(const Observability* observability, bool serve_metrics, bool admin_only = false) {
    observability_ = observability;
    serve_metrics_ = serve_metrics;
    admin_only_ = admin_only;
  }
  // Serves /autodiscover/...; without it those paths are 404. Set before serving.
  void set_autodiscover(soap::AutodiscoverService* autodiscover) { autodiscover_ = autodiscover; }

  RequestHead inspect(const HttpRequest& message, bool has_body) const;
  // A refusal in the protocol of whoever owns the request; plain text where nobody can be told
  // (`head` null: the head itself could not be read).
  HttpResponse reject(const RequestHead* head, const HttpRequest& message,
                      const facade::EdgeRejection& rejection) noexcept;
  // The complete request. Calls `respond` exactly once, possibly from a store thread; never throws.
  // `client_address` is the peer's IP, for the per-address failure limit.
  void dispatch(const RequestHead& head, const HttpRequest& request, facade::ConnectionExecutor* connection,
                std::string_view client_address, Respond respond, core::RequestTrace* trace = nullptr) noexcept;
  // inspect() then dispatch(), for tests and fuzzers that hold a whole message.
  void dispatch(const HttpRequest& request, Respond respond) noexcept;

 private:
  void hand_over(const RequestHead& head, const HttpRequest& request, facade::ConnectionExecutor* connection,
                 core::Caller caller, Respond respond, core::RequestTrace* trace) noexcept;
  void verify_then_hand_over(const RequestHead& head, const HttpRequest& request,
                             facade::ConnectionExecutor* connection, std::string_view client_address,
                             BasicCredentials credentials, Respond respond, core::RequestTrace* trace);

  const core::Directory& directory_;
  soap::SoapFacade& soap_;
  rest::RestFacade& rest_;
  CredentialVerifier* verifier_;
  const JwtVerifier* jwt_;
  std::string origin_;
  const Observability* observability_ = nullptr;
  bool serve_metrics_ = false;
  bool admin_only_ = false;
  soap::AutodiscoverService* autodiscover_ = nullptr;
};

// A plain-text response, for the gateway's own answers.
HttpResponse plain_text(http::status status, std::string_view text);

}  // namespace oofgate::gateway
