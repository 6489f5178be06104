#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "soap_facade/fault.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/soap_facade.h"

namespace oofgate::soap {

// The one way a request gets its answer. Copies share state, so whichever path answers first
// (handler, store callback, catch-all) sends, and `Respond` runs exactly once.
class Reply {
 public:
  Reply(Respond respond, unsigned http_version, bool keep_alive, SoapVersion version);

  // 200 with a SOAP envelope around `body_content`.
  void success(std::string_view body_content) const;
  // A fault envelope, with the SOAP version's status unless `status` overrides it.
  void fault(const Fault& fault) const;
  void fault(const Fault& fault, http::status status) const;
  // A response with no SOAP envelope (405, 415, WSDL).
  void plain(http::status status, std::string_view content_type, std::string body) const;
  void send(HttpResponse response) const;

  // Later answers use the messages namespace spelling the request used.
  void use_messages_ns(MessagesNs ns) { ns_ = ns; }
  MessagesNs messages_namespace() const { return ns_; }
  SoapVersion version() const { return version_; }
  bool sent() const { return state_->sent.load(); }
  HttpResponse make(http::status status, std::string_view content_type, std::string body) const;

 private:
  struct State {
    explicit State(Respond r) : respond(std::move(r)) {}
    Respond respond;
    std::atomic<bool> sent{false};
  };

  std::shared_ptr<State> state_;
  unsigned http_version_;
  bool keep_alive_;
  SoapVersion version_;
  MessagesNs ns_ = MessagesNs::kHttp;
};

// THE catch-all at the facade's edge (the request thread and store callbacks alike): an
// exception is logged in full and answered with a generic Server fault, if nothing was sent yet.
template <typename Work>
void guarded(const Reply& reply, Work&& work) noexcept;

void answer_internal_error(const Reply& reply, std::string_view what) noexcept;

template <typename Work>
void guarded(const Reply& reply, Work&& work) noexcept {
  try {
    work();
  } catch (const std::exception& e) {
    answer_internal_error(reply, e.what());
  } catch (...) {
    answer_internal_error(reply, "non-standard exception");
  }
}

}  // namespace oofgate::soap
