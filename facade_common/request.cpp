#include "facade_common/request.h"

#include "core/service/request_trace.h"

#include "core/text/ascii.h"

namespace oofgate::facade {

std::string_view origin_form(std::string_view target) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (target.size() >= scheme.size() && core::iequals_ascii(target.substr(0, scheme.size()), scheme)) {
      const auto path = target.find_first_of("/?", scheme.size());
      return path == std::string_view::npos ? std::string_view("/") : target.substr(path);
    }
  }
  return target;
}

void split_target(std::string_view target, std::string_view& path, std::string_view& query) {
  target = origin_form(target);
  const auto question = target.find('?');
  path = target.substr(0, question);
  query = question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
}

Request describe_request(const HttpRequest& http, core::Caller caller, ConnectionExecutor* connection) {
  const auto content_type = http[http::field::content_type];
  const std::string_view target(http.target().data(), http.target().size());
  Request request{http,
                  parse_media_type(std::string_view(content_type.data(), content_type.size())),
                  {},
                  {},
                  std::move(caller),
                  connection};
  split_target(target, request.path, request.query);
  return request;
}

void trace_operation(std::string_view operation) {
  if (auto* trace = core::RequestTraceScope::current()) {
    trace->operation.assign(operation);
  }
}

void trace_mailbox(std::string_view mailbox_id) {
  if (auto* trace = core::RequestTraceScope::current()) {
    trace->mailbox.assign(mailbox_id);
  }
}

void trace_request_ids(std::string_view request_id, std::string_view client_request_id) {
  if (auto* trace = core::RequestTraceScope::current()) {
    trace->request_id.assign(request_id);
    trace->client_request_id.assign(client_request_id);
  }
}

}  // namespace oofgate::facade
