#include "gateway/observability/store_metrics.h"

namespace oofgate::gateway {
namespace {

template <std::size_t N>
prometheus::MetricFamily histogram_family(const char* name, const char* help, const BucketHistogram<N>& histogram) {
  prometheus::MetricFamily family{name, help, prometheus::MetricType::Histogram, {}};
  prometheus::ClientMetric metric;
  histogram.collect(metric);
  family.metric.push_back(std::move(metric));
  return family;
}

}  // namespace

void StoreMetrics::batch_committed(std::chrono::microseconds duration, std::size_t writes) noexcept {
  commit_seconds_.observe(static_cast<std::uint64_t>(duration.count()));
  batch_writes_.observe(writes);
}

std::vector<prometheus::MetricFamily> StoreMetrics::collect() const {
  std::vector<prometheus::MetricFamily> families;
  families.push_back(histogram_family("oofgate_store_commit_duration_seconds",
                                      "Store commits (one transaction, fsync included) by duration.", commit_seconds_));
  families.push_back(histogram_family("oofgate_store_commit_batch_writes",
                                      "Store commits by how many writes they carried (group commit).", batch_writes_));
  return families;
}

}  // namespace oofgate::gateway
