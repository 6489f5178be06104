#include "gateway/server/session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/detect_ssl.hpp>

#include "core/text/ascii.h"
#include "facade_common/log.h"
#include "gateway/http/host_field.h"
#include "gateway/observability/observability.h"
#include "gateway/server/body_budget.h"
#include "gateway/server/http_date.h"
#include "gateway/server/response_bytes.h"
#include "gateway/tls/reloadable_tls_context.h"

namespace oofgate::gateway {

namespace beast = boost::beast;
namespace net = boost::asio;

namespace {

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::size_t kReadChunk = 16 * 1024;

// True when `unparsed` holds a line feed without the carriage return before it. Beast's chunked
// body parser looks for CRLF and passes over a bare LF, so a chunk-size line, a last chunk or a
// trailer field ending in LF alone would wait for a CRLF that never comes, holding the client
// until the read timeout without an answer. While the parser needs more of a chunked body, what
// it leaves unparsed is always such framing (chunk data is consumed as it arrives), where RFC 9112
// §7.1 allows no LF but the one that ends a CRLF. (tests/hostile: the *_bare_lf cases.)
// Only from `checked` on: what was before it has been looked at (an LF at `checked` still sees
// the byte before it).
bool has_bare_line_feed(std::string_view unparsed, std::size_t checked) noexcept {
  for (std::size_t at = unparsed.find('\n', checked); at != std::string_view::npos; at = unparsed.find('\n', at + 1)) {
    if (at == 0 || unparsed[at - 1] != '\r') {
      return true;
    }
  }
  return false;
}

// Bodies in memory are held for a request's read and handling: milliseconds, so retry soon.
constexpr std::chrono::seconds kBodyRetryAfter{1};

void log_exception(std::string_view where, const std::exception* e) noexcept {
  try {
    facade::log_event("gateway", "", std::string(where) + ": " + (e != nullptr ? e->what() : "non-standard exception"));
  } catch (...) {
  }
}

std::size_t field_bytes(const http::fields::value_type& field) {
  return field.name_string().size() + field.value().size() + 4;  // ": " and CRLF
}

template <class Stream>
Stream make_stream(Socket socket, net::ssl::context* tls) {
  if constexpr (std::is_same_v<Stream, TlsStream>) {
    return Stream(std::move(socket), *tls);
  } else {
    return Stream(std::move(socket));
  }
}

}  // namespace

template <class Stream>
Session<Stream>::Session(Socket socket, SessionContext& context)
    : executor_(socket.get_executor()),
      tls_settings_(kEncrypted ? context.tls()->current() : nullptr),
      stream_(make_stream<Stream>(std::move(socket), tls_settings_.get())),
      buffer_(context.limits().header_limit + context.limits().trailer_limit + kReadChunk),
      context_(context) {}

template <class Stream>
Session<Stream>::~Session() {
  release_body();
  if (busy_ && !context_.draining()) {
    facade::log_event("gateway", "", "a connection closed before its request was answered");
  }
  if (context_.observability() != nullptr) {
    context_.observability()->connection_closed();
  }
  context_.remove(this);
}

template <class Stream>
void Session<Stream>::start() {
  context_.add(this, this->weak_from_this());
  if (context_.observability() != nullptr) {
    context_.observability()->connection_opened();
  }
  beast::error_code ignored;
  tcp().set_option(net::ip::tcp::no_delay(true), ignored);
  const auto peer = tcp().remote_endpoint(ignored);
  if (!ignored) {
    client_address_ = peer.address().to_string();
  }
  if constexpr (kEncrypted) {
    accept_tls();
  } else {
    read_request();
  }
}

template <class Stream>
void Session<Stream>::accept_tls() noexcept {
  if constexpr (kEncrypted) {
    try {
      // One deadline for the whole handshake, so a silent or slow client (a half ClientHello)
      // holds its connection no longer than a slow request would.
      set_deadline(context_.limits().read_timeout);
      beast::async_detect_ssl(tcp(), buffer_,
                              beast::bind_front_handler(&Session::on_tls_detected, this->shared_from_this()));
    } catch (const std::exception& e) {
      log_exception("starting a TLS handshake", &e);
      close();
    }
  }
}

template <class Stream>
void Session<Stream>::on_tls_detected(beast::error_code error, bool tls) noexcept {
  if constexpr (kEncrypted) {
    try {
      if (error) {
        close();
        return;
      }
      if (!tls) {
        refuse_plain_http();
        return;
      }
      // The bytes read to tell TLS from HTTP are the start of the ClientHello: hand them over.
      stream_.async_handshake(net::ssl::stream_base::server, buffer_.data(),
                              beast::bind_front_handler(&Session::on_handshake, this->shared_from_this()));
    } catch (const std::exception& e) {
      log_exception("a TLS handshake", &e);
      close();
    }
  }
}

template <class Stream>
void Session<Stream>::on_handshake(beast::error_code error, std::size_t used) noexcept {
  if (error) {
    // A failed handshake (an old TLS version, no common cipher, a bad certificate on the client's
    // side) concerns this connection only; there is no protocol left to answer in.
    close();
    return;
  }
  buffer_.consume(used);
  read_request();
}

// A client speaking plain HTTP to the HTTPS port gets a plain-text 400 in clear text (as nginx
// answers "plain HTTP request was sent to HTTPS port"), and the connection ends.
template <class Stream>
void Session<Stream>::refuse_plain_http() noexcept {
  try {
    HttpResponse response = plain_text(http::status::bad_request, "This port speaks HTTPS: use https:// URLs.");
    response.keep_alive(false);
    response.prepare_payload();
    write_response_bytes(response, http_date_now(), true, output_);
    buffer_.clear();
    net::async_write(tcp(), net::buffer(output_),
                     [self = this->shared_from_this()](beast::error_code error, std::size_t) noexcept {
                       if (error) {
                         self->close();
                         return;
                       }
                       self->linger_then_close();
                     });
  } catch (const std::exception& e) {
    log_exception("refusing plain HTTP on the TLS port", &e);
    close();
  }
}

template <class Stream>
void Session<Stream>::drain() {
  // A request whose bytes are still arriving (a body sent in pieces) is in flight too: it is read,
  // answered with Connection: close, and only then closed. Only a connection waiting for its next
  // request closes now.
  if (!busy_ && !message_started_) {
    close();
  }
}

template <class Stream>
bool Session<Stream>::running_here() const {
  return executor_.running_in_this_thread();
}

template <class Stream>
void Session<Stream>::post(std::function<void()> work) {
  net::post(executor_, [self = this->shared_from_this(), work = std::move(work)]() noexcept {
    try {
      work();
    } catch (const std::exception& e) {
      log_exception("work posted to a connection", &e);
    } catch (...) {
      log_exception("work posted to a connection", nullptr);
    }
  });
}

template <class Stream>
void Session<Stream>::read_request() noexcept {
  try {
    // Bytes already buffered are a pipelined request that arrived before the stop: answer it.
    if (context_.draining() && buffer_.size() == 0) {
      close();
      return;
    }
    // A fresh parser per request: limits apply per message, and reusing one is undefined.
    release_body();  // the last request's message goes with the parser it was parsed by
    parser_.emplace();
    framing_checked_ = 0;
    parser_->body_limit(context_.limits().body_limit);
    parser_->header_limit(context_.limits().header_limit);
    head_done_ = false;
    head_ = RequestHead{};
    // Waiting for a keep-alive request is the idle timeout; once it has started, the read timeout
    // is a deadline for the whole request, so a slow client cannot stretch it byte by byte.
    message_started_ = buffer_.size() > 0;
    set_deadline(message_started_ ? context_.limits().read_timeout : context_.limits().idle_timeout);
    parse_buffered();
  } catch (const std::exception& e) {
    log_exception("reading a request", &e);
    close();
  }
}

template <class Stream>
void Session<Stream>::parse_buffered() noexcept {
  try {
    beast::error_code error;
    while (buffer_.size() > 0 && !parser_->is_done()) {
      const std::size_t used = parser_->put(buffer_.data(), error);
      buffer_.consume(used);
      if (used != 0) {
        framing_checked_ = 0;  // the front moved: what is unparsed now was not looked at as such
      }
      if (error == http::error::need_more) {
        error = {};
        if (head_done_ && parser_->chunked()) {
          const std::string_view unparsed(static_cast<const char*>(buffer_.data().data()), buffer_.size());
          if (has_bare_line_feed(unparsed, framing_checked_)) {
            error = http::error::bad_line_ending;  // waiting would only end at the read timeout
          }
          framing_checked_ = unparsed.size();
        }
        break;
      }
      if (error) {
        break;
      }
      if (!head_done_ && parser_->is_header_done()) {
        head_done_ = true;
        if (!on_head()) {
          return;
        }
        if (parser_->get()[http::field::expect].size() != 0 && version_ == 11 &&
            core::iequals_ascii(core::trim(std::string_view(parser_->get()[http::field::expect]), core::kHttpSpace),
                                "100-continue") &&
            !parser_->is_done()) {
          // The client waits for this before sending its body (curl does for bodies over 1 KiB).
          net::async_write(stream_, net::buffer(kContinue),
                           [self = this->shared_from_this()](beast::error_code write_error, std::size_t) noexcept {
                             if (write_error) {
                               self->close();
                               return;
                             }
                             self->parse_buffered();
                           });
          return;
        }
      }
      if (used == 0) {
        break;
      }
    }
    if (error) {
      on_parse_error(error);
      return;
    }
    if (parser_->is_done()) {
      on_request();
      return;
    }
    read_more();
  } catch (const std::exception& e) {
    // Beast's parser throws on input it cannot represent (e.g. a field value over 64 KiB).
    log_exception("parsing a request", &e);
    refuse(nullptr, {facade::EdgeCondition::kMalformed, "The request could not be parsed."});
  } catch (...) {
    log_exception("parsing a request", nullptr);
    refuse(nullptr, {facade::EdgeCondition::kMalformed, "The request could not be parsed."});
  }
}

template <class Stream>
void Session<Stream>::read_more() {
  const std::size_t room = buffer_.max_size() - buffer_.size();
  if (room == 0) {
    // The parser needs more than the buffer holds: a head or trailer section over the limits.
    const RequestHead head = context_.dispatcher().inspect(parser_->get(), false);
    refuse(&head, {facade::EdgeCondition::kHeadersTooLarge, "The request's header or trailer fields are too large."});
    return;
  }
  stream_.async_read_some(buffer_.prepare(std::min(room, kReadChunk)),
                          beast::bind_front_handler(&Session::on_read_some, this->shared_from_this()));
}

template <class Stream>
void Session<Stream>::on_read_some(beast::error_code error, std::size_t bytes) noexcept {
  try {
    if (error) {
      // End of stream, timeout, reset or shutdown: nothing can be answered any more.
      close();
      return;
    }
    buffer_.commit(bytes);
    if (!message_started_ && bytes > 0) {
      message_started_ = true;
      set_deadline(context_.limits().read_timeout);
    }
    parse_buffered();
  } catch (const std::exception& e) {
    log_exception("reading a request", &e);
    close();
  }
}

template <class Stream>
std::optional<facade::EdgeRejection> Session<Stream>::framing_error(const HttpRequest& message) const {
  const SessionLimits& limits = context_.limits();
  if (message.target().size() > limits.url_limit) {
    return facade::EdgeRejection{facade::EdgeCondition::kUriTooLong,
                                 "The request target is longer than " + std::to_string(limits.url_limit) + " bytes."};
  }
  // RFC 9112 §3.2 and RFC 3986: a request target is visible ASCII; anything else is percent-encoded.
  for (const char c : message.target()) {
    if (c <= 0x20 || c >= 0x7F) {
      return facade::EdgeRejection{facade::EdgeCondition::kMalformed,
                                   "The request target holds a byte that must be percent-encoded."};
    }
  }
  std::size_t fields = 0;
  std::size_t hosts = 0;
  std::size_t transfer_encodings = 0;
  std::size_t content_lengths = 0;
  for (const auto& field : message) {
    ++fields;
    if (field.name() == http::field::host) {
      ++hosts;
    } else if (field.name() == http::field::transfer_encoding) {
      ++transfer_encodings;
    } else if (field.name() == http::field::content_length) {
      ++content_lengths;
    }
  }
  if (fields > limits.header_count) {
    return facade::EdgeRejection{
        facade::EdgeCondition::kHeadersTooLarge,
        "The request has more than " + std::to_string(limits.header_count) + " header fields."};
  }
  // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in HTTP/1.0, and a valid one.
  if (hosts > 1 || (hosts == 0 && message.version() >= 11)) {
    return facade::EdgeRejection{facade::EdgeCondition::kMalformed,
                                 "An HTTP/1.1 request needs exactly one Host header field."};
  }
  if (hosts == 1 && !is_valid_host_field(message[http::field::host])) {
    return facade::EdgeRejection{facade::EdgeCondition::kMalformed,
                                 "The Host header field is not a host name or address with an optional port."};
  }
  if (transfer_encodings > 0) {
    const auto coding = core::trim(std::string_view(message[http::field::transfer_encoding]), core::kHttpSpace);
    // RFC 9112 §6.1-6.3: only "chunked" is understood; with Content-Length, or in HTTP/1.0, the
    // framing is ambiguous (the classic request-smuggling shapes), so the connection must end.
    if (transfer_encodings > 1 || !core::iequals_ascii(coding, "chunked") || content_lengths > 0 ||
        message.version() < 11) {
      return facade::EdgeRejection{facade::EdgeCondition::kMalformed,
                                   "The only Transfer-Encoding accepted is chunked, alone, without Content-Length, "
                                   "in HTTP/1.1."};
    }
  }
  return std::nullopt;
}

template <class Stream>
bool Session<Stream>::on_head() {
  const HttpRequest& message = parser_->get();
  version_ = message.version();
  const bool has_body = parser_->chunked() || parser_->content_length().value_or(0) > 0;
  head_ = context_.dispatcher().inspect(message, has_body);
  header_fields_ = static_cast<std::size_t>(std::distance(message.begin(), message.end()));
  if (auto rejection = framing_error(message)) {
    refuse(&head_, std::move(*rejection));
    return false;
  }
  if (has_body && !reserve_body()) {
    refuse(&head_, {facade::EdgeCondition::kServerBusy,
                    "The server holds as many request bodies as it may at once; retry shortly.", kBodyRetryAfter});
    return false;
  }
  return true;
}

// What a body may take (its Content-Length, or the limit when chunked), reserved before it is read.
template <class Stream>
bool Session<Stream>::reserve_body() {
  BodyBudget* bodies = context_.bodies();
  if (bodies == nullptr) {
    return true;
  }
  const std::size_t limit = context_.limits().body_limit;
  const std::size_t bytes =
      parser_->chunked() ? limit : std::min<std::size_t>(parser_->content_length().value_or(0), limit);
  if (!bodies->try_reserve(bytes)) {
    return false;
  }
  body_reserved_ = bytes;
  return true;
}

template <class Stream>
void Session<Stream>::release_body() noexcept {
  if (body_reserved_ != 0) {
    context_.bodies()->release(body_reserved_);
    body_reserved_ = 0;
  }
}

template <class Stream>
void Session<Stream>::on_parse_error(beast::error_code error) {
  if (error == http::error::body_limit) {
    // The head is complete when the body is found too large (Content-Length or a chunk).
    head_ = context_.dispatcher().inspect(parser_->get(), true);
    refuse(&head_, {facade::EdgeCondition::kPayloadTooLarge,
                    "The request body is larger than " + std::to_string(context_.limits().body_limit) + " bytes."});
    return;
  }
  if (error == http::error::header_limit && parser_->get().target().empty()) {
    // The request line alone is over the limit: a target too long (RFC 9112 §3 suggests 414).
    // Route by the part of the target that did arrive, so Graph and SOAP clients get their protocol.
    const RequestHead head = head_of_partial_request_line();
    refuse(&head, {facade::EdgeCondition::kUriTooLong,
                   "The request target is longer than " + std::to_string(context_.limits().url_limit) + " bytes."});
    return;
  }
  if (error == http::error::header_limit) {
    const RequestHead head = context_.dispatcher().inspect(parser_->get(), false);
    refuse(&head,
           {facade::EdgeCondition::kHeadersTooLarge, "The request's header fields are larger than " +
                                                         std::to_string(context_.limits().header_limit) + " bytes."});
    return;
  }
  refuse(head_done_ ? &head_ : nullptr,
         {facade::EdgeCondition::kMalformed, "The request is not valid HTTP/1.1 (" + error.message() + ")."});
}

template <class Stream>
RequestHead Session<Stream>::head_of_partial_request_line() {
  const auto bytes = buffer_.data();
  const std::string_view line(static_cast<const char*>(bytes.data()), bytes.size());
  const auto space = line.find(' ');
  HttpRequest partial;
  if (space != std::string_view::npos) {
    const std::string_view target = line.substr(space + 1, line.find_first_of(" \r\n", space + 1) - space - 1);
    // Without the whole target, a path is known only up to its query ('?'); else by its prefix.
    partial.target(target.substr(0, std::min(target.size(), target.find('?'))));
  }
  return context_.dispatcher().inspect(partial, false);
}

// Trailer fields (RFC 9110 §6.5) are bounded with the head and then dropped: none of them may
// stand in for a header field (a trailing Authorization or Content-Type is never believed).
template <class Stream>
bool Session<Stream>::strip_trailers(HttpRequest& message) {
  auto it = message.begin();
  for (std::size_t i = 0; i < header_fields_ && it != message.end(); ++i) {
    ++it;
  }
  std::size_t trailer_bytes = 0;
  while (it != message.end()) {
    trailer_bytes += field_bytes(*it);
    it = message.erase(it);
  }
  return trailer_bytes <= context_.limits().trailer_limit;
}

template <class Stream>
void Session<Stream>::on_request() {
  HttpRequest& message = parser_->get();
  if (!strip_trailers(message)) {
    refuse(&head_,
           {facade::EdgeCondition::kHeadersTooLarge, "The request's trailer fields are larger than " +
                                                         std::to_string(context_.limits().trailer_limit) + " bytes."});
    return;
  }
  busy_ = true;
  clear_deadline();
  begin_record(&head_, message.body().size());
  head_request_ = message.method() == http::verb::head;
  keep_alive_ = message.keep_alive();
  context_.dispatcher().dispatch(
      head_, message, this, client_address_,
      [self = this->shared_from_this(),
       // Keeps the io_context running while a store thread still owes this answer.
       work = net::make_work_guard(executor_)](HttpResponse response) mutable {
        // Facades may answer from a store thread; the session's own thread writes.
        net::dispatch(self->executor_,
                      [self, response = std::move(response)]() mutable noexcept { self->send(std::move(response)); });
      },
      &trace_);
}

template <class Stream>
void Session<Stream>::refuse(const RequestHead* head, const facade::EdgeRejection& rejection) {
  // The rest of the stream cannot be trusted to be in sync: answer, then close.
  begin_record(head, 0);
  HttpResponse response = context_.dispatcher().reject(head, parser_->get(), rejection);
  keep_alive_ = false;
  busy_ = true;
  head_request_ = false;
  linger_on_close_ = true;
  send(std::move(response));
}

template <class Stream>
void Session<Stream>::send(HttpResponse response) noexcept {
  try {
    if (closed_) {
      return;
    }
    const bool keep_alive = keep_alive_ && !context_.draining();
    response.version(version_ == 10 ? 10 : 11);
    response.keep_alive(keep_alive);
    response.prepare_payload();
    status_ = response.result_int();
    write_response_bytes(response, http_date_now(), !head_request_, output_);
    set_deadline(context_.limits().write_timeout);
    net::async_write(stream_, net::buffer(output_),
                     beast::bind_front_handler(&Session::on_write, this->shared_from_this(), keep_alive));
  } catch (const std::exception& e) {
    log_exception("writing a response", &e);
    close();
  }
}

template <class Stream>
void Session<Stream>::on_write(bool keep_alive, beast::error_code error, std::size_t bytes) noexcept {
  busy_ = false;
  finish_record(bytes);
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
template <class Stream>
void Session<Stream>::linger_then_close() noexcept {
  try {
    if (discarded_ == 0) {
      beast::error_code ignored;
      tcp().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
      set_deadline(std::chrono::seconds(2));
    }
    // Raw TCP bytes, also over TLS: nothing read here is ever looked at.
    tcp().async_read_some(net::buffer(discard_),
                          [self = this->shared_from_this()](beast::error_code error, std::size_t n) noexcept {
                            constexpr std::size_t kMaxDiscardedBytes = 4 * 1024 * 1024;
                            self->discarded_ += n;
                            if (error || self->discarded_ > kMaxDiscardedBytes) {
                              self->close();
                              return;
                            }
                            self->linger_then_close();
                          });
  } catch (...) {
    close();
  }
}

template <class Stream>
void Session<Stream>::close() noexcept {
  closed_ = true;
  beast::error_code ignored;
  tcp().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  tcp().close(ignored);
}

// The deadline passed while the session waited (to read, to write, or for the next request):
// closing the socket ends the pending operation with an error, and its handler lets go of the
// session. Nothing can be answered any more: the client stopped reading or sending in time.
template <class Stream>
void Session<Stream>::expire_if_overdue(SteadyTime now) {
  if (!closed_ && now >= deadline_) {
    close();
  }
}

template <class Stream>
void Session<Stream>::begin_record(const RequestHead* head, std::size_t bytes_in) {
  recording_ = context_.observability() != nullptr;
  if (!recording_) {
    return;
  }
  trace_.clear();  // not replaced: its strings keep their capacity for this connection's next request
  if (head != nullptr && head->destination == Destination::kSoapFacade) {
    trace_.facade = "soap";
  } else if (head != nullptr && head->destination == Destination::kRestFacade) {
    trace_.facade = "graph";
  }
  started_ = std::chrono::steady_clock::now();
  bytes_in_ = bytes_in;
}

template <class Stream>
void Session<Stream>::finish_record(std::size_t bytes_out) noexcept {
  if (!recording_ || trace_.facade == kAdminFacade) {
    return;
  }
  recording_ = false;
  const auto finished = std::chrono::steady_clock::now();
  const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(finished - started_);
  context_.observability()->request_done(
      trace_, AccessFacts{client_address_, status_, duration, bytes_in_, bytes_out, finished});
}

// Both transports are compiled here, once.
template class Session<PlainStream>;
template class Session<TlsStream>;

}  // namespace oofgate::gateway
