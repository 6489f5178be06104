#pragma once

#include <array>
#include <vector>

#include <prometheus/metric_family.h>

#include "core/store/mailbox_store.h"
#include "gateway/observability/bucket_histogram.h"

namespace oofgate::gateway {

// The store's commits as Prometheus histograms: how long each commit took and how many writes
// it carried (group commit's batch size), for SQLite and PostgreSQL alike.
class StoreMetrics final : public core::StoreObserver {
 public:
  // A local fsync takes 0.1-1 ms, a PostgreSQL commit over a network a few ms.
  static constexpr std::array<double, 12> kCommitBounds = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                           0.01,   0.025,   0.05,   0.1,   0.25,   1.0};
  static constexpr std::array<double, 10> kBatchBounds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

  void batch_committed(std::chrono::microseconds duration, std::size_t writes) noexcept override;
  std::vector<prometheus::MetricFamily> collect() const;

 private:
  BucketHistogram<kCommitBounds.size()> commit_seconds_{kCommitBounds, 1e6};
  BucketHistogram<kBatchBounds.size()> batch_writes_{kBatchBounds, 1};
};

}  // namespace oofgate::gateway
