#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "gateway/server/coarse_clock.h"

namespace oofgate::gateway {

class RequestDispatcher;
class ReloadableTlsContext;
class Observability;
class BodyBudget;

// What a graceful stop needs of a connection, whatever its transport (plain TCP or TLS).
class Connection {
 public:
  // Called on the connection's thread: close now if idle, else after the answer in flight.
  virtual void drain() = 0;
  // Called on the connection's thread: close now if the deadline of what it waits for has passed.
  virtual void expire_if_overdue(SteadyTime now) = 0;

 protected:
  ~Connection() = default;
};

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
  std::size_t body_memory = 256 * 1024 * 1024;  // request bodies held at once by the whole process, bytes
};

// What the sessions of one I/O thread share: the dispatcher, the limits, the TLS settings, and
// the set of live sessions (so a graceful stop can close the idle ones).
class SessionContext {
 public:
  // `tls`: the process's TLS settings, or nullptr to serve plain HTTP.
  SessionContext(RequestDispatcher& dispatcher, SessionLimits limits, ReloadableTlsContext* tls = nullptr)
      : dispatcher_(dispatcher), limits_(limits), tls_(tls) {}

  RequestDispatcher& dispatcher() { return dispatcher_; }
  const SessionLimits& limits() const { return limits_; }
  ReloadableTlsContext* tls() const { return tls_; }
  bool draining() const { return draining_; }
  // Where answered requests and open connections are recorded; nullptr: nowhere.
  Observability* observability() const { return observability_; }
  void set_observability(Observability* observability) { observability_ = observability; }
  // The process's budget for request bodies in memory; nullptr: no budget (tests).
  BodyBudget* bodies() const { return bodies_; }
  void set_bodies(BodyBudget* bodies) { bodies_ = bodies; }

  void add(Connection* session, std::weak_ptr<Connection> handle);
  void remove(Connection* session);
  std::size_t live_sessions();
  // Runs on the I/O thread: no new requests; idle sessions close now, busy ones after replying.
  void drain();
  // Runs on the I/O thread: closes every session whose deadline is before `now`.
  void expire_overdue(SteadyTime now);

 private:
  RequestDispatcher& dispatcher_;
  SessionLimits limits_;
  ReloadableTlsContext* tls_;
  bool draining_ = false;
  Observability* observability_ = nullptr;
  BodyBudget* bodies_ = nullptr;
  // Sessions may be destroyed off the I/O thread during shutdown, so the set has a lock.
  std::mutex sessions_mutex_;
  template <class Visit>
  void visit_live(Visit visit);

  std::unordered_map<Connection*, std::weak_ptr<Connection>> sessions_;
  std::vector<std::shared_ptr<Connection>> visiting_;  // reused by drain() and expire_overdue()
};

}  // namespace oofgate::gateway
