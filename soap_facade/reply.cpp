#include "soap_facade/reply.h"

#include "soap_facade/envelope_writer.h"

namespace oofgate::soap {

Reply::Reply(Respond respond, SoapVersion version, facade::ConnectionExecutor* connection)
    : state_(std::make_shared<State>(std::move(respond))), version_(version), connection_(connection) {}

void Reply::success(std::string_view body_content) const {
  send(make(http::status::ok, soap_content_type(version_),
            success_envelope(version_, body_content, state_->header_blocks)));
}

void Reply::fault(const Fault& fault) const { this->fault(fault, fault_status(version_, fault)); }

void Reply::fault(const Fault& fault, http::status status) const { send(make_fault(fault, status)); }

HttpResponse Reply::make_fault(const Fault& fault, http::status status) const {
  const Fault& shaped = state_->shape_fault != nullptr ? state_->shape_fault(fault) : fault;
  return make(status, soap_content_type(version_),
              fault_envelope(version_, messages_namespace(), shaped, state_->header_blocks));
}

void Reply::plain(http::status status, std::string_view content_type, std::string body) const {
  send(make(status, content_type, std::move(body)));
}

HttpResponse Reply::make(http::status status, std::string_view content_type, std::string body) const {
  HttpResponse response{status, 11};
  response.set(http::field::content_type, content_type);
  response.body() = std::move(body);
  return response;
}

void Reply::send(HttpResponse response) const { state_->channel.send(std::move(response)); }

}  // namespace oofgate::soap
