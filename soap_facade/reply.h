#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "facade_common/connection_executor.h"
#include "facade_common/reply_channel.h"
#include "soap_facade/fault.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/soap_facade.h"

namespace oofgate::soap {

// The one way a UM request gets its answer. Copies share one state (the shared ReplyChannel and
// the messages namespace the request used), so whichever path answers first (handler, store
// callback, catch-all) sends, in the namespace spelling the request chose.
class Reply {
 public:
  // `connection`: where store callbacks render their answer (nullptr: inline, in tests).
  Reply(Respond respond, SoapVersion version, facade::ConnectionExecutor* connection = nullptr);

  // 200 with a SOAP envelope around `body_content`.
  void success(std::string_view body_content) const;
  // A fault envelope, with the SOAP version's status unless `status` overrides it.
  void fault(const Fault& fault) const;
  void fault(const Fault& fault, http::status status) const;
  // The fault response fault() sends, for callers that add headers (401's WWW-Authenticate).
  HttpResponse make_fault(const Fault& fault, http::status status) const;
  // A response with no SOAP envelope (405, 415, WSDL).
  void plain(http::status status, std::string_view content_type, std::string body) const;
  void send(HttpResponse response) const;

  // EWS: every later envelope, faults included, carries `header_blocks` (t:ServerVersionInfo) in
  // its soap:Header, and every fault is first passed through `shape` (EWS detail instead of
  // UM's ExceptionType). Called once, before anything can answer.
  using FaultShaper = Fault (*)(const Fault& fault);
  void use_header(std::string header_blocks, FaultShaper shape) const {
    state_->header_blocks = std::move(header_blocks);
    state_->shape_fault = shape;
  }

  // Later answers use the messages namespace spelling the request used.
  void use_messages_ns(MessagesNs ns) const { state_->ns = ns; }
  MessagesNs messages_namespace() const { return state_->ns; }
  SoapVersion version() const { return version_; }
  bool sent() const { return state_->channel.sent(); }
  HttpResponse make(http::status status, std::string_view content_type, std::string body) const;

  const facade::ReplyChannel& channel() const { return state_->channel; }
  facade::ConnectionExecutor* connection() const { return connection_; }

 private:
  struct State {
    explicit State(Respond respond) : channel("soap_facade", std::string(), std::move(respond)) {}
    facade::ReplyChannel channel;
    std::atomic<MessagesNs> ns{MessagesNs::kHttp};
    std::string header_blocks;
    FaultShaper shape_fault = nullptr;
  };

  std::shared_ptr<State> state_;
  SoapVersion version_;
  facade::ConnectionExecutor* connection_;
};

// THE catch-all (facade::guarded) for the request thread and store callbacks alike: an exception
// is logged in full and answered with a generic Server fault, if nothing was sent yet.
template <typename Work>
void guarded(const Reply& reply, Work&& work) noexcept {
  facade::guarded(reply.channel(), std::forward<Work>(work), [&reply] {
    reply.fault(
        server_fault(ExceptionType::kInternalServerError, "An internal server error occurred. The operation failed."));
  });
}

}  // namespace oofgate::soap
