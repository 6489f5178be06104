#include "core/store/commit_wakeup.h"

namespace oofgate::core {
namespace {

thread_local WakeDeferral* this_thread_deferral = nullptr;

}  // namespace

WakeDeferral* this_thread_wake_deferral() noexcept { return this_thread_deferral; }

void set_this_thread_wake_deferral(WakeDeferral* deferral) noexcept { this_thread_deferral = deferral; }

}  // namespace oofgate::core
