#include "core/service/request_trace.h"

namespace oofgate::core {
namespace {

// Per thread, and only ever pointing at a trace that outlives the scope that set it.
thread_local RequestTrace* current_trace = nullptr;

}  // namespace

RequestTraceScope::RequestTraceScope(RequestTrace* trace) noexcept : previous_(current_trace) { current_trace = trace; }

RequestTraceScope::~RequestTraceScope() { current_trace = previous_; }

RequestTrace* RequestTraceScope::current() noexcept { return current_trace; }

}  // namespace oofgate::core
