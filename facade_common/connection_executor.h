#pragma once

#include <functional>
#include <utility>

namespace oofgate::facade {

// The thread that owns a request's connection. Store callbacks may arrive on the committer
// thread; facades hop back here before rendering, so the committer only commits.
class ConnectionExecutor {
 public:
  virtual bool running_here() const = 0;
  virtual void post(std::function<void()> work) = 0;

 protected:
  ~ConnectionExecutor() = default;
};

// Runs `work` on the connection's thread: inline when already there (a cached read) or when there
// is no connection (facade tests), else posted (a commit callback).
template <typename Work>
void run_on_connection(ConnectionExecutor* connection, Work&& work) {
  if (connection == nullptr || connection->running_here()) {
    work();
    return;
  }
  connection->post(std::function<void()>(std::forward<Work>(work)));
}

}  // namespace oofgate::facade
