#pragma once

#include <atomic>
#include <exception>
#include <string>
#include <string_view>

#include "facade_common/http_types.h"

namespace oofgate::facade {

// The one way a request gets its one answer, in every facade: the handler, a store callback and
// the catch-all share it, whichever answers first sends, and a second answer is logged (never
// silently dropped, never sent). Thread-safe; never throws.
class ReplyChannel {
 public:
  ReplyChannel(std::string_view component, std::string request_id, Respond respond);

  void send(HttpResponse response) noexcept;
  bool sent() const noexcept { return sent_.load(); }
  // One log line for this request: "<component> request-id=<id>: <detail>".
  void log(std::string_view detail) const noexcept;
  const std::string& request_id() const { return request_id_; }

 private:
  std::string_view component_;
  std::string request_id_;
  Respond respond_;
  std::atomic<bool> sent_{false};
};

// THE catch-all shape every facade uses at its edge and in its store callbacks: runs `work`; an
// escaping exception is logged and, unless an answer already went out, `answer_internal_error`
// sends the protocol's generic 500 (internal text never reaches a client).
template <typename Work, typename AnswerInternalError>
void guarded(const ReplyChannel& channel, Work&& work, AnswerInternalError&& answer_internal_error) noexcept {
  const auto fail = [&](const char* what) noexcept {
    try {
      channel.log(std::string(channel.sent() ? "exception after the response was sent: " : "unhandled exception: ") +
                  what);
      if (!channel.sent()) {
        answer_internal_error();
      }
    } catch (...) {
      // Out of memory on the failure path: the gateway answers a request nobody answered.
    }
  };
  try {
    work();
  } catch (const std::exception& e) {
    fail(e.what());
  } catch (...) {
    fail("non-standard exception");
  }
}

}  // namespace oofgate::facade
