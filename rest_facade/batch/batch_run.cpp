#include "rest_facade/batch/batch_run.h"

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <optional>

#include "rest_facade/batch/batch_response.h"

namespace oofgate::rest {
namespace {

namespace http = boost::beast::http;

bool succeeded(const facade::HttpResponse& response) { return response.result_int() / 100 == 2; }

GraphError failed_dependency_error(std::string_view id) {
  GraphError error;
  error.status = http::status::failed_dependency;
  error.code = "FailedDependency";
  error.message = "The request depends on request " + std::string(id) + ", which failed.";
  return error;
}

// One batch in flight; kept alive by the callbacks of its running items.
class BatchRun : public std::enable_shared_from_this<BatchRun> {
 public:
  BatchRun(std::vector<BatchItem> items, const facade::Request& envelope, ReplyPtr reply, ItemDispatcher dispatch,
           const core::Clock& clock)
      : caller_(envelope.caller),
        connection_(envelope.connection),
        origin_(envelope.origin),
        reply_(std::move(reply)),
        dispatch_(std::move(dispatch)),
        clock_(clock) {
    slots_.reserve(items.size());
    for (auto& item : items) {
      slots_.push_back(Slot{std::move(item), nullptr, nullptr, std::nullopt, false});
    }
  }

  void start() {
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].item.depends_on.empty()) {
        slots_[i].started = true;
        ready.push_back(i);
      }
    }
    for (auto i : ready) {
      launch(i);
    }
  }

 private:
  struct Slot {
    BatchItem item;
    std::unique_ptr<facade::HttpRequest> http;  // what the item's handler reads until it answers
    std::unique_ptr<facade::Request> facts;
    std::optional<facade::HttpResponse> response;
    bool started = false;
  };

  void launch(std::size_t index) noexcept {
    try {
      auto& slot = slots_[index];
      slot.http = std::make_unique<facade::HttpRequest>(slot.item.method, slot.item.target, 11);
      for (const auto& [name, value] : slot.item.headers) {
        slot.http->set(name, value);
      }
      slot.http->body() = std::move(slot.item.body);
      slot.http->prepare_payload();
      const auto content_type = (*slot.http)[http::field::content_type];
      std::string_view path;
      std::string_view query;
      facade::split_target(std::string_view(slot.http->target().data(), slot.http->target().size()), path, query);
      slot.facts = std::make_unique<facade::Request>(facade::Request{
          *slot.http, facade::parse_media_type(std::string_view(content_type.data(), content_type.size())), path, query,
          caller_, connection_, origin_});
      dispatch_(*slot.facts, [self = shared_from_this(), index](facade::HttpResponse response) {
        self->finish(index, std::move(response));
      });
    } catch (const std::exception& e) {
      fail_to_start(index, e.what());
    } catch (...) {
      fail_to_start(index, "non-standard exception");
    }
  }

  // The item's answer is a 500; only if even that cannot be built (out of memory) is the batch
  // left to the connection's timeout, logged, rather than the process ended.
  void fail_to_start(std::size_t index, const char* why) noexcept {
    try {
      reply_->channel().log(std::string("batch item could not start: ") + why);
      finish(index, render_error(internal_error("batch item could not start")));
    } catch (...) {
      std::fputs("oofgate: a batch item could not start nor fail\n", stderr);
    }
  }

  facade::HttpResponse render_error(const GraphError& error) const {
    return render_graph_error(error, clock_, reply_->channel().request_id(), reply_->channel().request_id());
  }

  // Records an item's answer, then starts (or fails with 424) the items that waited only for it.
  void finish(std::size_t index, facade::HttpResponse response) {
    std::vector<std::size_t> runnable;
    std::vector<std::pair<std::size_t, std::string>> failed;
    bool all_done = false;
    {
      std::lock_guard lock(mutex_);
      slots_[index].response = std::move(response);
      ++done_;
      all_done = done_ == slots_.size();
      for (std::size_t j = 0; j < slots_.size(); ++j) {
        auto& waiting = slots_[j];
        if (waiting.started) {
          continue;
        }
        const auto& depends_on = waiting.item.depends_on;
        if (!std::all_of(depends_on.begin(), depends_on.end(),
                         [this](std::size_t d) { return slots_[d].response.has_value(); })) {
          continue;
        }
        waiting.started = true;
        const auto failed_dependency = std::find_if(depends_on.begin(), depends_on.end(),
                                                    [this](std::size_t d) { return !succeeded(*slots_[d].response); });
        if (failed_dependency == depends_on.end()) {
          runnable.push_back(j);
        } else {
          failed.emplace_back(j, slots_[*failed_dependency].item.id);
        }
      }
    }
    for (const auto& [j, dependency] : failed) {
      finish(j, render_error(failed_dependency_error(dependency)));
    }
    for (auto j : runnable) {
      launch(j);
    }
    if (all_done) {
      send_envelope();
    }
  }

  void send_envelope() {
    run_at_edge(reply_, [this] {
      std::string items;
      for (const auto& slot : slots_) {
        if (!items.empty()) {
          items.push_back(',');
        }
        write_batch_item(items, slot.item.id, *slot.response);
      }
      reply_->send_json(http::status::ok, batch_envelope(items));
    });
  }

  core::Caller caller_;
  facade::ConnectionExecutor* connection_;
  std::string origin_;
  ReplyPtr reply_;
  ItemDispatcher dispatch_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::vector<Slot> slots_;
  std::size_t done_ = 0;
};

}  // namespace

void run_batch(std::vector<BatchItem> items, const facade::Request& envelope, ReplyPtr reply, ItemDispatcher dispatch,
               const core::Clock& clock) {
  auto run = std::make_shared<BatchRun>(std::move(items), envelope, std::move(reply), std::move(dispatch), clock);
  run->start();
}

}  // namespace oofgate::rest
