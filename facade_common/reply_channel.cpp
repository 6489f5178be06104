#include "facade_common/reply_channel.h"

#include "facade_common/log.h"

namespace oofgate::facade {

ReplyChannel::ReplyChannel(std::string_view component, std::string request_id, Respond respond)
    : component_(component), request_id_(std::move(request_id)), respond_(std::move(respond)) {}

void ReplyChannel::send(HttpResponse response) noexcept {
  if (sent_.exchange(true)) {
    log("a second response for one request was dropped");
    return;
  }
  try {
    respond_(std::move(response));
  } catch (const std::exception& e) {
    log(std::string("handing the response to the gateway failed: ") + e.what());
  } catch (...) {
    log("handing the response to the gateway failed");
  }
}

void ReplyChannel::log(std::string_view detail) const noexcept { log_event(component_, request_id_, detail); }

}  // namespace oofgate::facade
