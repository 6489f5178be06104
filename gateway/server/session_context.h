#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace oofgate::gateway {

class RequestDispatcher;
class Session;

// Every bound on one connection's reading (see README "Limits").
struct SessionLimits {
  std::size_t body_limit = 1024 * 1024;
  std::uint32_t header_limit = 16 * 1024;  // request line and header fields, bytes
  std::size_t header_count = 100;          // header fields
  std::size_t trailer_limit = 4 * 1024;    // chunked trailer fields, bytes
  std::size_t url_limit = 8 * 1024;        // request target, bytes
  std::chrono::seconds read_timeout{30};   // from a request's first byte to its last
  std::chrono::seconds idle_timeout{60};   // keep-alive: waiting for the next request's first byte
  std::chrono::seconds write_timeout{30};
};

// What the sessions of one I/O thread share: the dispatcher, the limits, and the set of live
// sessions (so a graceful stop can close the idle ones).
class SessionContext {
 public:
  SessionContext(RequestDispatcher& dispatcher, SessionLimits limits) : dispatcher_(dispatcher), limits_(limits) {}

  RequestDispatcher& dispatcher() { return dispatcher_; }
  const SessionLimits& limits() const { return limits_; }
  bool draining() const { return draining_; }

  void add(Session* session, std::weak_ptr<Session> handle);
  void remove(Session* session);
  std::size_t live_sessions();
  // Runs on the I/O thread: no new requests; idle sessions close now, busy ones after replying.
  void drain();

 private:
  RequestDispatcher& dispatcher_;
  SessionLimits limits_;
  bool draining_ = false;
  // Sessions may be destroyed off the I/O thread during shutdown, so the set has a lock.
  std::mutex sessions_mutex_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
};

}  // namespace oofgate::gateway
