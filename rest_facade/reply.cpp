#include "rest_facade/reply.h"

#include <iostream>

#include "rest_facade/json/write_error.h"
#include "rest_facade/wire/wire_time.h"

namespace oofgate::rest {
namespace {

constexpr const char* kJsonContentType =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

}  // namespace

Reply::Reply(const core::Clock& clock, unsigned http_version, bool keep_alive, std::string request_id,
             std::string client_request_id, Sink sink)
    : clock_(clock),
      http_version_(http_version),
      keep_alive_(keep_alive),
      request_id_(std::move(request_id)),
      client_request_id_(std::move(client_request_id)),
      sink_(std::move(sink)) {}

void Reply::send_json(http::status status, std::string body) {
  http::response<http::string_body> response{status, http_version_};
  response.body() = std::move(body);
  send(std::move(response));
}

void Reply::send_error(const GraphError& error) {
  if (!error.log_detail.empty()) {
    log_facade_error(request_id_, error.code + ": " + error.log_detail);
  }
  http::response<http::string_body> response{error.status, http_version_};
  for (const auto& [name, value] : error.headers) {
    response.set(name, value);
  }
  response.body() = error_body(error, format_error_date(clock_.now()), request_id_, client_request_id_);
  send(std::move(response));
}

void Reply::send(http::response<http::string_body> response) {
  if (sent_.exchange(true)) {
    log_facade_error(request_id_, "a second response for one request was dropped");
    return;
  }
  response.set(http::field::content_type, kJsonContentType);
  response.set(http::field::cache_control, "private");
  response.set("request-id", request_id_);
  response.set("client-request-id", client_request_id_);
  response.set("OData-Version", "4.0");
  response.keep_alive(keep_alive_);
  response.prepare_payload();
  // Released before the client can see the answer, so its next request finds the slot free.
  lease_.release();
  sink_(std::move(response));
}

void run_at_edge(const ReplyPtr& reply, const std::function<void()>& work) {
  try {
    work();
  } catch (const std::exception& e) {
    if (!reply->sent()) {
      reply->send_error(internal_error(e.what()));
    } else {
      log_facade_error(reply->request_id(), std::string("after the response was sent: ") + e.what());
    }
  } catch (...) {
    if (!reply->sent()) {
      reply->send_error(internal_error("unknown exception"));
    }
  }
}

void log_facade_error(const std::string& request_id, const std::string& detail) {
  std::clog << "rest_facade request-id=" << request_id << ": " << detail << '\n';
}

}  // namespace oofgate::rest
