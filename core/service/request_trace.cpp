#include "core/service/request_trace.h"

namespace oofgate::core {
namespace {

// Per thread, and only ever pointing at a trace that outlives the scope that set it.
thread_local RequestTrace* current_trace = nullptr;

}  // namespace

void RequestTrace::clear() noexcept {
  // A field added to the trace must be emptied here too, or one request's facts would reach the
  // next one's log line.
  static_assert(sizeof(RequestTrace) == 7 * sizeof(std::string), "every trace field is emptied below");
  for (std::string* field : {&subject, &facade, &operation, &mailbox, &request_id, &client_request_id, &auth_failure}) {
    field->clear();
  }
}

RequestTraceScope::RequestTraceScope(RequestTrace* trace) noexcept : previous_(current_trace) { current_trace = trace; }

RequestTraceScope::~RequestTraceScope() { current_trace = previous_; }

RequestTrace* RequestTraceScope::current() noexcept { return current_trace; }

}  // namespace oofgate::core
