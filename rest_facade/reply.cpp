#include "rest_facade/reply.h"

#include "rest_facade/json/write_error.h"
#include "rest_facade/wire/wire_time.h"

namespace oofgate::rest {
namespace {

constexpr const char* kJsonContentType =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

// The headers every Graph response carries.
void add_graph_headers(facade::HttpResponse& response, const std::string& request_id,
                       const std::string& client_request_id) {
  response.set(http::field::content_type, kJsonContentType);
  response.set(http::field::cache_control, "private");
  response.set("request-id", request_id);
  response.set("client-request-id", client_request_id);
  response.set("OData-Version", "4.0");
}

}  // namespace

Reply::Reply(const core::Clock& clock, std::string request_id, std::string client_request_id, facade::Respond respond,
             CorsHeaders cors)
    : clock_(clock),
      client_request_id_(std::move(client_request_id)),
      channel_("rest_facade", std::move(request_id), std::move(respond)),
      cors_(std::move(cors)) {}

void Reply::send_json(http::status status, std::string body) {
  facade::HttpResponse response{status, 11};
  response.body() = std::move(body);
  send(std::move(response));
}

void Reply::send_error(const GraphError& error) {
  if (!error.log_detail.empty()) {
    channel_.log(error.code + ": " + error.log_detail);
  }
  send(render_graph_error(error, clock_, channel_.request_id(), client_request_id_, cors_));
}

void Reply::send(facade::HttpResponse response) {
  add_graph_headers(response, channel_.request_id(), client_request_id_);
  cors_.apply(response);
  // Released before the client can see the answer, so its next request finds the slot free.
  lease_.release();
  channel_.send(std::move(response));
}

facade::HttpResponse render_graph_error(const GraphError& error, const core::Clock& clock,
                                        const std::string& request_id, const std::string& client_request_id,
                                        const CorsHeaders& cors) {
  facade::HttpResponse response{error.status, 11};
  for (const auto& [name, value] : error.headers) {
    response.set(name, value);
  }
  response.body() = error_body(error, format_error_date(clock.now()), request_id, client_request_id);
  add_graph_headers(response, request_id, client_request_id);
  cors.apply(response);
  return response;
}

}  // namespace oofgate::rest
