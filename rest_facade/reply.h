#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include <boost/beast/http.hpp>

#include "core/service/throttle.h"
#include "core/time/clock.h"
#include "rest_facade/graph_error.h"

namespace oofgate::rest {

namespace http = boost::beast::http;

// The one response of one request. Adds the headers every Graph response carries and sends at
// most once; shared between the facade edge and a pending store callback.
class Reply {
 public:
  using Sink = std::function<void(http::response<http::string_body>)>;

  Reply(const core::Clock& clock, unsigned http_version, bool keep_alive, std::string request_id,
        std::string client_request_id, Sink sink);

  void send_json(http::status status, std::string body);
  // Renders the Graph error envelope and logs the error's private detail, if any.
  void send_error(const GraphError& error);
  bool sent() const { return sent_.load(); }
  // Keeps the request's throttle slot until the response is handed to the gateway.
  void hold(core::Throttle::Lease lease) { lease_ = std::move(lease); }

  const std::string& request_id() const { return request_id_; }

 private:
  void send(http::response<http::string_body> response);

  const core::Clock& clock_;
  unsigned http_version_;
  bool keep_alive_;
  std::string request_id_;
  std::string client_request_id_;
  Sink sink_;
  std::atomic<bool> sent_{false};
  core::Throttle::Lease lease_;
};

using ReplyPtr = std::shared_ptr<Reply>;

// The facade's one catch-all: runs `work`; an escaping exception is logged with the request id
// and answered with a generic 500, so internal text never reaches a client.
void run_at_edge(const ReplyPtr& reply, const std::function<void()>& work);

// Writes one line to the gateway's log stream.
void log_facade_error(const std::string& request_id, const std::string& detail);

}  // namespace oofgate::rest
