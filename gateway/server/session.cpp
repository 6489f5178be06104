#include "gateway/server/session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/write.hpp>

#include "gateway/server/http_date.h"
#include "gateway/server/response_bytes.h"

namespace oofgate::gateway {

namespace beast = boost::beast;
namespace net = boost::asio;

Session::Session(net::ip::tcp::socket socket, SessionContext& context)
    : stream_(std::move(socket)), context_(context) {}

Session::~Session() { context_.remove(this); }

void Session::start() {
  context_.add(this, weak_from_this());
  stream_.socket().set_option(net::ip::tcp::no_delay(true));
  read_request();
}

void Session::drain() {
  if (!busy_) {
    close();
  }
}

void Session::read_request() {
  if (context_.draining()) {
    close();
    return;
  }
  // A fresh parser per request: limits apply per message, and reusing one is undefined.
  parser_.emplace();
  parser_->body_limit(context_.limits().body_limit);
  parser_->header_limit(context_.limits().header_limit);
  stream_.expires_after(context_.limits().read_timeout);
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
}

void Session::on_read(beast::error_code error, std::size_t) {
  if (error == http::error::end_of_stream || error == beast::error::timeout || error == net::error::operation_aborted ||
      error == net::error::connection_reset || error == net::error::eof) {
    close();
    return;
  }
  if (error) {
    // Limits and malformed requests get a plain answer, then the connection is closed, since
    // the rest of the stream cannot be trusted to be in sync.
    http::status status = http::status::bad_request;
    if (error == http::error::body_limit) {
      status = http::status::payload_too_large;
    } else if (error == http::error::header_limit) {
      status = http::status::request_header_fields_too_large;
    }
    HttpResponse response{status, 11};
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = std::string(http::obsolete_reason(status)) + "\n";
    response.keep_alive(false);
    busy_ = true;
    head_request_ = false;
    linger_on_close_ = true;
    send(std::move(response));
    return;
  }
  busy_ = true;
  stream_.expires_never();
  const HttpRequest& request = parser_->get();
  head_request_ = request.method() == http::verb::head;
  const bool keep_alive = request.keep_alive();
  const unsigned version = request.version();
  context_.dispatcher().dispatch(
      request, [self = shared_from_this(), keep_alive, version,
                // Keeps the io_context running while a store thread still owes this answer.
                work = net::make_work_guard(stream_.get_executor())](HttpResponse response) mutable {
        response.version(version);
        response.keep_alive(keep_alive);
        // Facades may answer from a store thread; the session's own thread writes.
        auto executor = self->stream_.get_executor();
        net::dispatch(executor, [self = std::move(self), response = std::move(response)]() mutable {
                        self->send(std::move(response));
                      });
      });
}

void Session::send(HttpResponse response) {
  if (context_.draining()) {
    response.keep_alive(false);
  }
  response.prepare_payload();
  const bool keep_alive = response.keep_alive();
  write_response_bytes(response, http_date_now(), !head_request_, output_);
  stream_.expires_after(context_.limits().write_timeout);
  net::async_write(stream_, net::buffer(output_),
                   beast::bind_front_handler(&Session::on_write, shared_from_this(), keep_alive));
}

void Session::on_write(bool keep_alive, beast::error_code error, std::size_t) {
  busy_ = false;
  if (error || !keep_alive) {
    if (!error && linger_on_close_) {
      linger_then_close();
      return;
    }
    close();
    return;
  }
  read_request();
}

// After refusing a request whose body is still arriving, closing at once would reset the
// connection and could destroy our answer before the client reads it; so stop sending, and
// discard what is still coming for a short while (as nginx's lingering_close does).
void Session::linger_then_close() {
  if (discarded_ == 0) {
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
  }
  stream_.async_read_some(net::buffer(discard_), [self = shared_from_this()](beast::error_code error, std::size_t n) {
    constexpr std::size_t kMaxDiscardedBytes = 4 * 1024 * 1024;
    self->discarded_ += n;
    if (error || self->discarded_ > kMaxDiscardedBytes) {
      self->close();
      return;
    }
    self->linger_then_close();
  });
}

void Session::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  stream_.socket().close(ignored);
}

}  // namespace oofgate::gateway
