#include "gateway/server/listener.h"

#include <algorithm>
#include <string>

#include <boost/asio/socket_base.hpp>

#include "gateway/server/session.h"

namespace oofgate::gateway {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using reuse_port = net::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

namespace {

template <class Stream>
void start_session(Socket socket, SessionContext& context, ConnectionLimit::Slot slot) {
  // The slot is returned when the session is destroyed, whichever thread drops it last.
  std::shared_ptr<Session<Stream>> session(new Session<Stream>(std::move(socket), context),
                                           [slot = std::move(slot)](Session<Stream>* ended) mutable {
                                             delete ended;
                                             slot.release();
                                           });
  session->start();
}

}  // namespace

Listener::Listener(net::io_context& io, SessionContext& context, AcceptShared shared)
    : io_(io), acceptor_(io), retry_timer_(io), context_(context), shared_(shared) {}

tcp::endpoint Listener::open(const tcp::endpoint& endpoint, boost::system::error_code& error) {
  acceptor_.open(endpoint.protocol(), error);
  if (!error) {
    acceptor_.set_option(net::socket_base::reuse_address(true), error);
  }
  if (!error) {
    acceptor_.set_option(reuse_port(true), error);
  }
  if (!error) {
    acceptor_.bind(endpoint, error);
  }
  if (!error) {
    acceptor_.listen(net::socket_base::max_listen_connections, error);
  }
  return error ? tcp::endpoint{} : acceptor_.local_endpoint(error);
}

void Listener::start() { accept(); }

void Listener::stop() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  retry_timer_.cancel();
}

void Listener::accept() {
  acceptor_.async_accept(io_, [self = shared_from_this()](boost::system::error_code error, Socket socket) {
    if (error == net::error::operation_aborted || !self->acceptor_.is_open()) {
      return;
    }
    if (error) {
      self->retry_later(error);
      return;
    }
    self->retry_delay_ = std::chrono::milliseconds(0);
    self->admit(std::move(socket));
    self->accept();
  });
}

// Accepting again at once after EMFILE/ENFILE/ENOBUFS/ENOMEM fails again at once: the pending
// connection stays queued, so the loop would spin at full CPU. Waiting lets sessions finish and
// free what is missing; the queued connections are taken when it is back.
void Listener::retry_later(const boost::system::error_code& error) {
  retry_delay_ = std::clamp(retry_delay_ * 2, kFirstRetryDelay, kLastRetryDelay);
  shared_.accept_errors.report("cannot accept connections: " + error.message() + " (" +
                               std::to_string(shared_.connections.open()) + " open); retrying in " +
                               std::to_string(retry_delay_.count()) + " ms");
  retry_timer_.expires_after(retry_delay_);
  retry_timer_.async_wait([self = shared_from_this()](boost::system::error_code wait_error) {
    if (!wait_error && self->acceptor_.is_open()) {
      self->accept();
    }
  });
}

// Beyond --max-connections a connection is accepted and closed at once rather than left in
// the backlog: the client learns immediately instead of waiting for a timeout, and the queue
// keeps moving, so a client arriving after a slot frees up gets in at once.
void Listener::admit(Socket socket) {
  auto slot = shared_.connections.try_acquire();
  if (!slot) {
    shared_.refused.report("connection refused: " + std::to_string(shared_.connections.max()) +
                           " connections open (--max-connections)");
    boost::system::error_code ignored;
    socket.close(ignored);
    return;
  }
  if (context_.tls() != nullptr) {
    start_session<TlsStream>(std::move(socket), context_, std::move(*slot));
  } else {
    start_session<PlainStream>(std::move(socket), context_, std::move(*slot));
  }
}

}  // namespace oofgate::gateway
