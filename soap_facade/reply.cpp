#include "soap_facade/reply.h"

#include "soap_facade/envelope_writer.h"
#include "soap_facade/log.h"

namespace oofgate::soap {

Reply::Reply(Respond respond, unsigned http_version, bool keep_alive, SoapVersion version)
    : state_(std::make_shared<State>(std::move(respond))),
      http_version_(http_version),
      keep_alive_(keep_alive),
      version_(version) {}

void Reply::success(std::string_view body_content) const {
  send(make(http::status::ok, soap_content_type(version_), success_envelope(version_, body_content)));
}

void Reply::fault(const Fault& fault) const { this->fault(fault, fault_status(version_, fault)); }

void Reply::fault(const Fault& fault, http::status status) const {
  send(make(status, soap_content_type(version_), fault_envelope(version_, ns_, fault)));
}

void Reply::plain(http::status status, std::string_view content_type, std::string body) const {
  send(make(status, content_type, std::move(body)));
}

HttpResponse Reply::make(http::status status, std::string_view content_type, std::string body) const {
  HttpResponse response{status, http_version_};
  response.set(http::field::content_type, content_type);
  response.keep_alive(keep_alive_);
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

void Reply::send(HttpResponse response) const {
  if (state_->sent.exchange(true)) {
    log_error("soap_facade: a second answer for one request was dropped");
    return;
  }
  state_->respond(std::move(response));
}

void answer_internal_error(const Reply& reply, std::string_view what) noexcept {
  try {
    std::string line = "soap_facade: unhandled exception: ";
    line += what;
    log_error(line);
    if (!reply.sent()) {
      reply.fault(server_fault(ExceptionType::kInternalServerError,
                               "An internal server error occurred. The operation failed."));
    }
  } catch (...) {
    // Nothing left to tell the client; the gateway's own timeout closes the connection.
  }
}

}  // namespace oofgate::soap
