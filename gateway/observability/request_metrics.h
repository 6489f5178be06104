#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <prometheus/client_metric.h>
#include <prometheus/metric_family.h>

#include "gateway/observability/bucket_histogram.h"

namespace oofgate::gateway {

// Request latency: Prometheus' default buckets, which cover a fast API, in seconds.
class LatencyHistogram {
 public:
  static constexpr std::array<double, 12> kBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void observe(std::chrono::microseconds duration) noexcept {
    histogram_.observe(static_cast<std::uint64_t>(duration.count()));
  }
  void collect(prometheus::ClientMetric& metric) const { histogram_.collect(metric); }

 private:
  BucketHistogram<kBounds.size()> histogram_{kBounds, 1e6};
};

// Requests by facade, operation and status, and their latency by facade and operation. Series are
// created on first use under a lock, then found again through a per-thread cache, so recording a
// request costs a hash lookup and a few relaxed atomic adds.
class RequestMetrics {
 public:
  void record(std::string_view facade, std::string_view operation, unsigned status, std::chrono::microseconds duration);
  std::vector<prometheus::MetricFamily> collect() const;

 private:
  struct Series {
    std::string facade;
    std::string operation;
    std::map<unsigned, std::unique_ptr<std::atomic<std::uint64_t>>> by_status;  // guarded by mutex_
    LatencyHistogram latency;
  };

  Series& series(std::string_view facade, std::string_view operation);
  std::atomic<std::uint64_t>& counter(Series& series, unsigned status);

  mutable std::mutex mutex_;  // creation and collection only
  std::map<std::string, std::unique_ptr<Series>, std::less<>> series_;
};

}  // namespace oofgate::gateway
