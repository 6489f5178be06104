#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "core/result.h"
#include "gateway/config/lock_handle.h"

namespace oofgate::gateway {

// One oofgate per TCP port. Our listeners bind with SO_REUSEPORT (one accept queue per I/O
// thread), and the kernel would let a second process of the same user join that group and take
// a share of the connections. So each process first binds an abstract Unix socket named after
// the port, "\0oofgate/listen/tcp:PORT": a second bind fails, and the kernel releases the name
// when the process dies, however it dies. Abstract names belong to the network namespace, as
// ports do, so containers with their own network each have their own.
//
// The name holds the port, not the address: 0.0.0.0:P covers 127.0.0.1:P, [::]:P covers both
// (dual stack), and the kernel gives a connection to the most specific bind, so an oofgate on
// 127.0.0.1:P would silently take the loopback traffic of one on 0.0.0.0:P. Two oofgates on
// two distinct specific addresses of one port are refused too, a deliberate simplification.
class ListenAddressLock {
 public:
  ListenAddressLock() = default;
  // Takes the port of `address` ("HOST:PORT", used in the error message). If another process
  // holds it, the error names the address and that process's PID.
  static core::Result<ListenAddressLock> acquire(std::uint16_t port, const std::string& address);

 private:
  explicit ListenAddressLock(LockHandle handle) : handle_(std::move(handle)) {}

  LockHandle handle_;
};

}  // namespace oofgate::gateway
