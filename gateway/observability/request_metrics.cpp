#include "gateway/observability/request_metrics.h"

#include <unordered_map>

namespace oofgate::gateway {
namespace {

std::string series_key(std::string_view facade, std::string_view operation) {
  std::string key(facade);
  key += '\0';
  key += operation;
  return key;
}

}  // namespace

RequestMetrics::Series& RequestMetrics::series(std::string_view facade, std::string_view operation) {
  // Per thread: (this metrics object, facade, operation) -> its series, which never moves.
  thread_local std::unordered_map<std::string, Series*> cache;
  thread_local std::string key;
  const auto self = reinterpret_cast<std::uintptr_t>(this);
  key.assign(reinterpret_cast<const char*>(&self), sizeof self);  // reused: no allocation per request
  key += facade;
  key += '\0';
  key += operation;
  if (const auto it = cache.find(key); it != cache.end()) {
    return *it->second;
  }
  const std::lock_guard lock(mutex_);
  auto& slot = series_[series_key(facade, operation)];
  if (!slot) {
    slot = std::make_unique<Series>();
    slot->facade = facade;
    slot->operation = operation;
  }
  cache.emplace(key, slot.get());
  return *slot;
}

std::atomic<std::uint64_t>& RequestMetrics::counter(Series& series, unsigned status) {
  const std::lock_guard lock(mutex_);
  auto& slot = series.by_status[status];
  if (!slot) {
    slot = std::make_unique<std::atomic<std::uint64_t>>(0);
  }
  return *slot;
}

void RequestMetrics::record(std::string_view facade, std::string_view operation, unsigned status,
                            std::chrono::microseconds duration) {
  Series& found = series(facade, operation);
  // Per thread: the counter of (series, status), found under the lock only the first time.
  thread_local std::unordered_map<const void*, std::unordered_map<unsigned, std::atomic<std::uint64_t>*>> counters;
  auto& by_status = counters[&found];
  auto it = by_status.find(status);
  if (it == by_status.end()) {
    it = by_status.emplace(status, &counter(found, status)).first;
  }
  it->second->fetch_add(1, std::memory_order_relaxed);
  found.latency.observe(duration);
}

std::vector<prometheus::MetricFamily> RequestMetrics::collect() const {
  prometheus::MetricFamily requests{"oofgate_http_requests_total",
                                    "Requests answered, by facade, operation and HTTP status code.",
                                    prometheus::MetricType::Counter,
                                    {}};
  prometheus::MetricFamily latency{"oofgate_http_request_duration_seconds",
                                   "Time from a request's last byte read to its response written, by facade and "
                                   "operation.",
                                   prometheus::MetricType::Histogram,
                                   {}};
  const std::lock_guard lock(mutex_);
  for (const auto& [key, series] : series_) {
    for (const auto& [status, count] : series->by_status) {
      prometheus::ClientMetric metric;
      metric.label = {{"facade", series->facade}, {"operation", series->operation}, {"code", std::to_string(status)}};
      metric.counter.value = static_cast<double>(count->load(std::memory_order_relaxed));
      requests.metric.push_back(std::move(metric));
    }
    prometheus::ClientMetric metric;
    metric.label = {{"facade", series->facade}, {"operation", series->operation}};
    series->latency.collect(metric);
    latency.metric.push_back(std::move(metric));
  }
  return {std::move(requests), std::move(latency)};
}

}  // namespace oofgate::gateway
