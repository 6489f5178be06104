#pragma once

#include <string_view>

#include "core/directory/caller.h"
#include "facade_common/connection_executor.h"
#include "facade_common/http_types.h"
#include "facade_common/media_type.h"

namespace oofgate::facade {

// One request as the gateway hands it to a facade: the facts it parsed once. Facades read the
// method, body and their own protocol's headers (SOAPAction, client-request-id, Host) from
// `http`, and never re-parse Content-Type or Authorization or touch version and keep-alive.
// Valid until the response is handed back; a store callback must copy what it needs.
struct Request {
  const HttpRequest& http;
  MediaType media;
  std::string_view path;   // as sent (still percent-encoded), without the query
  std::string_view query;  // after the '?', without it
  core::Caller caller;
  ConnectionExecutor* connection = nullptr;  // where store callbacks render; nullptr: inline
  // The service's own origin for the absolute URLs a facade writes ("https://mail.contoso.com"):
  // --public-url, else the scheme and listen address; never the Host header. Empty in facade tests.
  std::string_view origin = {};
};

// RFC 9112 §3.2.2: a server must accept the absolute-form ("http://host/path?query") too; this is
// its origin-form part ("/path?query"), a view into `target`.
std::string_view origin_form(std::string_view target);

// Splits the origin-form of a target into "path" and "query" (no allocation).
void split_target(std::string_view target, std::string_view& path, std::string_view& query);

// Record what a facade learned about the running request (its operation, the mailbox it was
// authorized for) on the request's trace, for the access log, metrics and audit; no-ops outside a
// request (facade tests). Operations come from the facade's declared tables, so labels stay few.
void trace_operation(std::string_view operation);
void trace_mailbox(std::string_view mailbox_id);
void trace_request_ids(std::string_view request_id, std::string_view client_request_id);

// Builds the facts from a complete message; the gateway and facade tests use it.
Request describe_request(const HttpRequest& http, core::Caller caller, ConnectionExecutor* connection = nullptr);

}  // namespace oofgate::facade
