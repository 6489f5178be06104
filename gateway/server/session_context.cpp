#include "gateway/server/session_context.h"

#include <vector>

namespace oofgate::gateway {

void SessionContext::add(Connection* session, std::weak_ptr<Connection> handle) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.emplace(session, std::move(handle));
}

void SessionContext::remove(Connection* session) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.erase(session);
}

std::size_t SessionContext::live_sessions() {
  std::lock_guard lock(sessions_mutex_);
  return sessions_.size();
}

void SessionContext::drain() {
  draining_ = true;
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(sessions_mutex_);
    for (auto& [raw, handle] : sessions_) {
      if (auto session = handle.lock()) {
        live.push_back(std::move(session));
      }
    }
  }
  for (auto& session : live) {
    session->drain();
  }
}

}  // namespace oofgate::gateway
