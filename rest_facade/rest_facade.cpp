#include "rest_facade/rest_facade.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/text/ascii.h"
#include "rest_facade/batch/batch_request.h"
#include "rest_facade/batch/batch_run.h"
#include "rest_facade/edge_errors.h"
#include "rest_facade/reply.h"
#include "rest_facade/routing/route_table.h"

namespace oofgate::rest {
namespace {

constexpr std::size_t kMaxClientRequestIdLength = 128;

// The client's correlation id, if it sent one that is a plain token: echoed as client-request-id
// (otherwise our own request id is) and logged as what the client sent.
std::optional<std::string_view> plain_client_request_id(const facade::HttpRequest& request) {
  const auto it = request.find("client-request-id");
  if (it == request.end()) {
    return std::nullopt;
  }
  const std::string_view value(it->value().data(), it->value().size());
  if (value.empty() || value.size() > kMaxClientRequestIdLength) {
    return std::nullopt;
  }
  for (char c : value) {
    if (c < 0x21 || c > 0x7e) {
      return std::nullopt;
    }
  }
  return value;
}

// What the response's client-request-id header says: the client's id, or else our request id.
std::string echoed_client_request_id(std::optional<std::string_view> sent, const std::string& request_id) {
  return sent ? std::string(*sent) : request_id;
}

bool is_soap_path(std::string_view path) {
  constexpr std::string_view kAsmx = ".asmx";
  return path.size() >= kAsmx.size() && core::iequals_ascii(path.substr(path.size() - kAsmx.size()), kAsmx);
}

// RFC 6750 §3: quoted-string values without '"' or '\\'.
std::string challenge_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != '"' && c != '\\') {
      out.push_back(c);
    }
  }
  return out;
}

// Graph accepts only bearer tokens; anything else (including valid Basic credentials) is 401.
// With an identity provider configured, the challenge names it (never Microsoft's), and says why
// a token failed.
std::optional<GraphError> authentication_error(const core::Caller& caller, const std::string& issuer) {
  if (caller.scheme == core::CredentialScheme::kBearer && caller.authenticated()) {
    return std::nullopt;
  }
  const bool token_failed = caller.scheme == core::CredentialScheme::kBearer;
  GraphError error = unauthenticated_error(!token_failed ? std::string("Access token is empty.")
                                           : caller.failure.empty()
                                               ? std::string("CompactToken parsing failed with error code: 80049217")
                                               : caller.failure);
  if (!issuer.empty() || token_failed) {
    std::string challenge = R"(Bearer realm="")";
    if (!issuer.empty()) {
      challenge += ", authorization_uri=\"" + challenge_text(issuer) + "\"";
    }
    if (token_failed) {
      challenge += R"(, error="invalid_token", error_description=")" + challenge_text(error.message) + "\"";
    }
    for (auto& [name, value] : error.headers) {
      if (name == "WWW-Authenticate") {
        value = std::move(challenge);
        break;
      }
    }
  }
  return error;
}

// JSON batching: POST /{version}/$batch; the version root its items' relative urls live under.
std::optional<std::string_view> batch_version_root(const RequestTarget& target) {
  if (target.segments.size() != 2 || target.segments[1].text != "$batch") {
    return std::nullopt;
  }
  const auto& version = target.segments[0].text;
  if (core::iequals_ascii(version, "v1.0")) {
    return "/v1.0";
  }
  if (core::iequals_ascii(version, "beta")) {
    return "/beta";
  }
  return std::nullopt;
}

}  // namespace

RestFacade::RestFacade(core::MailboxService& service, core::ThrottleLimits limits, JsonLimits json_limits,
                       std::string issuer)
    : service_(service), throttle_(limits, service.clock()), json_limits_(json_limits), issuer_(std::move(issuer)) {}
RestFacade::~RestFacade() = default;

void RestFacade::handle(const facade::Request& request, facade::Respond respond) noexcept {
  ReplyPtr reply;
  try {
    // A CORS preflight carries no credentials: it is answered before authentication.
    if (auto preflight = is_soap_path(request.path) ? std::nullopt : cors_.answer_preflight(request.http)) {
      facade::ReplyChannel("rest_facade", request_ids_.next(), std::move(respond)).send(std::move(*preflight));
      return;
    }
    auto request_id = request_ids_.next();
    const auto sent_id = plain_client_request_id(request.http);
    // The access log's client_request_id is null when the client sent none, not our id twice.
    facade::trace_request_ids(request_id, sent_id.value_or(std::string_view{}));
    auto client_id = echoed_client_request_id(sent_id, request_id);
    reply = std::make_shared<Reply>(service_.clock(), std::move(request_id), std::move(client_id), std::move(respond),
                                    cors_.for_request(request.http));
  } catch (...) {
    return;  // out of memory before a reply existed: the gateway answers the request nobody answered
  }
  run_at_edge(reply, [&] {
    if (is_soap_path(request.path)) {
      reply->send_error(unsupported_media_type_error());
      return;
    }
    if (auto error = authentication_error(request.caller, issuer_)) {
      reply->send_error(*error);
      return;
    }
    const auto parsed = parse_request_target(
        facade::origin_form(std::string_view(request.http.target().data(), request.http.target().size())));
    if (auto repeated = parsed.repeated_query_option()) {
      reply->send_error(repeated_query_option_error(*repeated));
      return;
    }
    if (const auto root = batch_version_root(parsed)) {
      handle_batch(request, *root, reply);
      return;
    }
    auto found = find_route(route_table(), request.http.method(), parsed);
    if (auto* error = std::get_if<GraphError>(&found)) {
      reply->send_error(*error);
      return;
    }
    auto& route = std::get<RouteFound>(found);
    facade::trace_operation(route.operation);
    route.handler(RouteContext{service_, throttle_, json_limits_, request, *request.caller.principal, parsed,
                               std::move(route.match), reply});
  });
}

void RestFacade::handle_batch(const facade::Request& request, std::string_view version_root, const ReplyPtr& reply) {
  if (request.http.method() != http::verb::post) {
    reply->send_error(method_not_allowed_error("POST"));
    return;
  }
  auto items = read_batch(request.http.body(), version_root, json_limits_);
  if (auto* error = std::get_if<GraphError>(&items)) {
    reply->send_error(*error);
    return;
  }
  run_batch(
      std::move(std::get<std::vector<BatchItem>>(items)), request, reply,
      [this](const facade::Request& item, facade::Respond respond) { handle(item, std::move(respond)); },
      service_.clock());
}

facade::HttpResponse RestFacade::render_rejection(const facade::EdgeRejection& rejection,
                                                  const facade::HttpRequest& request) noexcept {
  try {
    auto request_id = request_ids_.next();
    auto client_id = echoed_client_request_id(plain_client_request_id(request), request_id);
    return render_graph_error(graph_error_for(rejection), service_.clock(), request_id, client_id,
                              cors_.for_request(request));
  } catch (...) {
    facade::HttpResponse response{rejection.status(), 11};
    return response;
  }
}

}  // namespace oofgate::rest
