#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>

#include <prometheus/client_metric.h>

namespace oofgate::gateway {

// A Prometheus histogram recorded with two relaxed atomic adds and no lock (prometheus-cpp's own
// Histogram takes a mutex per observation, which every I/O thread would contend on). Values are
// recorded as integers in a fine unit (microseconds, writes) and exposed divided by `scale`
// (1e6: seconds), as Prometheus names its units.
template <std::size_t N>
class BucketHistogram {
 public:
  // `bounds` (upper bounds in the exposed unit, ascending) must outlive the histogram.
  BucketHistogram(const std::array<double, N>& bounds, double scale) : bounds_(bounds), scale_(scale) {}

  void observe(std::uint64_t value) noexcept {
    const double exposed = static_cast<double>(value) / scale_;
    std::size_t bucket = 0;
    while (bucket < N && exposed > bounds_[bucket]) {
      ++bucket;
    }
    buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
    sum_.fetch_add(value, std::memory_order_relaxed);
  }

  void collect(prometheus::ClientMetric& metric) const {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
      cumulative += buckets_[i].load(std::memory_order_relaxed);
      prometheus::ClientMetric::Bucket bucket;
      bucket.cumulative_count = cumulative;
      bucket.upper_bound = i < N ? bounds_[i] : std::numeric_limits<double>::infinity();
      metric.histogram.bucket.push_back(bucket);
    }
    metric.histogram.sample_count = cumulative;
    metric.histogram.sample_sum = static_cast<double>(sum_.load(std::memory_order_relaxed)) / scale_;
  }

 private:
  const std::array<double, N>& bounds_;
  double scale_;
  std::array<std::atomic<std::uint64_t>, N + 1> buckets_{};  // the last one is +Inf
  std::atomic<std::uint64_t> sum_{0};
};

}  // namespace oofgate::gateway
