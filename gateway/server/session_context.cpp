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

template <class Visit>
void SessionContext::visit_live(Visit visit) {
  {
    std::lock_guard lock(sessions_mutex_);
    visiting_.clear();
    for (auto& [raw, handle] : sessions_) {
      if (auto session = handle.lock()) {
        visiting_.push_back(std::move(session));
      }
    }
  }
  // Outside the lock: a visited session may close, and its last owner may remove it.
  for (auto& session : visiting_) {
    visit(*session);
  }
  visiting_.clear();
}

void SessionContext::drain() {
  draining_ = true;
  visit_live([](Connection& session) { session.drain(); });
}

void SessionContext::expire_overdue(SteadyTime now) {
  visit_live([now](Connection& session) { session.expire_if_overdue(now); });
}

}  // namespace oofgate::gateway
