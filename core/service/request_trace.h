#pragma once

#include <string>

namespace oofgate::core {

// What the operator's logs say about one request: who asked, through which facade and
// operation, for which mailbox. Filled by the gateway (subject, request ids) and the facade
// (operation, mailbox) as they learn each fact; protocol-neutral text, no HTTP.
struct RequestTrace {
  std::string subject;  // the authenticated caller's stable key; empty when anonymous
  std::string facade;   // "graph", "um", ...
  std::string operation;
  std::string mailbox;  // the mailbox id the request addressed, once authorized
  std::string request_id;
  std::string client_request_id;
  std::string auth_failure;  // which credentials failed ("basic", "bearer"); empty when none were given

  // Empties every field for the next request on the same connection. The strings keep their
  // capacity, so recording a request allocates nothing once a connection has recorded one (ids and
  // subjects are longer than a short string).
  void clear() noexcept;
};

// Makes `trace` the request on whose behalf writes started on this thread are made, for as long
// as the scope lives. The gateway opens one around each facade call, so every facade's writes
// (including operations added later) are attributed without each handler passing it on.
class RequestTraceScope {
 public:
  explicit RequestTraceScope(RequestTrace* trace) noexcept;
  ~RequestTraceScope();
  RequestTraceScope(const RequestTraceScope&) = delete;
  RequestTraceScope& operator=(const RequestTraceScope&) = delete;

  // The trace of the request running on this thread, or nullptr outside any request; facades
  // fill in the operation and mailbox as they learn them.
  static RequestTrace* current() noexcept;

 private:
  RequestTrace* previous_;
};

}  // namespace oofgate::core
