#pragma once

#include <memory>
#include <string>

#include <boost/beast/http.hpp>

#include "core/service/throttle.h"
#include "core/time/clock.h"
#include "facade_common/reply_channel.h"
#include "rest_facade/cors/cors_policy.h"
#include "rest_facade/graph_error.h"

namespace oofgate::rest {

namespace http = boost::beast::http;

// The one response of one Graph request: adds the headers every Graph response carries and
// answers through the shared ReplyChannel (send once, log the rest). Shared between the facade
// edge and a pending store callback.
class Reply {
 public:
  Reply(const core::Clock& clock, std::string request_id, std::string client_request_id, facade::Respond respond,
        CorsHeaders cors = {});

  void send_json(http::status status, std::string body);
  // Renders the Graph error envelope and logs the error's private detail, if any.
  void send_error(const GraphError& error);
  bool sent() const { return channel_.sent(); }
  // Keeps the request's throttle slot until the response is handed to the gateway.
  void hold(core::Throttle::Lease lease) { lease_ = std::move(lease); }

  const facade::ReplyChannel& channel() const { return channel_; }

 private:
  void send(facade::HttpResponse response);

  const core::Clock& clock_;
  std::string client_request_id_;
  facade::ReplyChannel channel_;
  CorsHeaders cors_;
  core::Throttle::Lease lease_;
};

using ReplyPtr = std::shared_ptr<Reply>;

// The facade's edge (facade::guarded): runs `work`; an escaping exception is logged with the
// request id and answered with a generic 500, so internal text never reaches a client.
template <typename Work>
void run_at_edge(const ReplyPtr& reply, Work&& work) noexcept {
  facade::guarded(reply->channel(), std::forward<Work>(work),
                  [&reply] { reply->send_error(internal_error("exception at the facade edge")); });
}

// A Graph error envelope for a request the gateway refused before the facade saw it.
facade::HttpResponse render_graph_error(const GraphError& error, const core::Clock& clock,
                                        const std::string& request_id, const std::string& client_request_id,
                                        const CorsHeaders& cors = {});

}  // namespace oofgate::rest
