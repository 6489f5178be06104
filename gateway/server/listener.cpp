#include "gateway/server/listener.h"

#include <boost/asio/socket_base.hpp>

#include "gateway/server/session.h"

namespace oofgate::gateway {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using reuse_port = net::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

Listener::Listener(net::io_context& io, SessionContext& context) : io_(io), acceptor_(io), context_(context) {}

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
}

void Listener::accept() {
  acceptor_.async_accept(io_, [self = shared_from_this()](boost::system::error_code error, tcp::socket socket) {
    if (error == net::error::operation_aborted || !self->acceptor_.is_open()) {
      return;
    }
    if (!error) {
      std::make_shared<Session>(std::move(socket), self->context_)->start();
    }
    self->accept();
  });
}

}  // namespace oofgate::gateway
