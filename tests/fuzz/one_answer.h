#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include <boost/beast/http.hpp>

#include "fuzz/finding.h"

namespace oofgate::fuzzing {

using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The answer of a facade or the dispatcher, which promise to call their respond callback exactly
// once, possibly from a store thread. A second call, a callback dropped without being called, or
// no answer within kPatience is a finding (a hung or doubly answered client).
class OneAnswer {
 public:
  static constexpr std::chrono::seconds kPatience{5};

  OneAnswer() : state_(std::make_shared<State>()) {}

  // The callback to hand to the code under test; it may outlive this object (a late second call
  // still reaches the shared state and is reported).
  std::function<void(HttpResponse)> callback() {
    return [state = state_, ticket = std::make_shared<Ticket>(state_)](HttpResponse response) {
      state->answer(std::move(response));
    };
  }

  HttpResponse wait() {
    std::unique_lock lock(state_->mutex);
    const bool settled =
        state_->changed.wait_for(lock, kPatience, [this] { return state_->response.has_value() || state_->dropped; });
    if (!settled) {
      abort_finding("answer", "respond was not called within 5 s");
    }
    if (!state_->response) {
      abort_finding("answer", "respond was destroyed without being called");
    }
    return std::move(*state_->response);
  }

 private:
  struct State {
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<HttpResponse> response;
    int calls = 0;
    bool dropped = false;

    void answer(HttpResponse response_in) {
      std::lock_guard lock(mutex);
      if (++calls > 1) {
        abort_finding("answer", "respond was called more than once");
      }
      response = std::move(response_in);
      changed.notify_all();
    }
  };
  // Destroyed with the last copy of the callback: tells wait() that no answer can come any more.
  struct Ticket {
    explicit Ticket(std::shared_ptr<State> state_in) : state(std::move(state_in)) {}
    ~Ticket() {
      std::lock_guard lock(state->mutex);
      state->dropped = true;
      state->changed.notify_all();
    }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    std::shared_ptr<State> state;
  };

  std::shared_ptr<State> state_;
};

// Runs `call` with a fresh callback and returns the one answer it produces.
template <typename Call>
HttpResponse answer_of(Call&& call) {
  OneAnswer answer;
  call(answer.callback());
  return answer.wait();
}

}  // namespace oofgate::fuzzing
