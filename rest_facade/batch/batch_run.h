#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "facade_common/request.h"
#include "rest_facade/batch/batch_request.h"
#include "rest_facade/reply.h"

namespace oofgate::rest {

// Runs one request exactly as if it had arrived alone (the facade's own handle()).
using ItemDispatcher = std::function<void(const facade::Request& request, facade::Respond respond)>;

// Runs the items of a checked $batch through `dispatch`, each with the envelope's caller: items
// whose dependencies are done start at once (so independent items run concurrently, a PATCH
// waiting for its commit holds back only its dependants), an item whose dependency failed (not
// 2xx) is answered 424 without running, and the envelope (200, one response per item) goes out
// through `reply` when the last item is done. Never blocks: items answer through callbacks.
void run_batch(std::vector<BatchItem> items, const facade::Request& envelope, ReplyPtr reply, ItemDispatcher dispatch,
               const core::Clock& clock);

}  // namespace oofgate::rest
