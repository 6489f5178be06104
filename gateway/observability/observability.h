#pragma once

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include "core/result.h"
#include "core/service/settings_audit.h"
#include "gateway/observability/batching_worker.h"
#include "gateway/observability/log_lines.h"
#include "gateway/observability/log_writer.h"
#include "gateway/observability/observability_options.h"
#include "gateway/observability/request_metrics.h"
#include "gateway/observability/store_metrics.h"

namespace oofgate::gateway {

// The facade name of requests the gateway answers itself (health, metrics): never logged or counted.
inline constexpr std::string_view kAdminFacade = "admin";

// Access log, audit log, metrics and readiness of one gateway process. Thread-safe; every
// recording call is cheap and never blocks (lines are queued to LogWriter threads).
class Observability final : public core::AuditSink {
 public:
  // Opens the log files (the OS reason when one cannot be opened for appending).
  static core::Result<std::unique_ptr<Observability>> create(const ObservabilityOptions& options);
  ~Observability() override;

  // One answered request (not for kAdminFacade requests).
  void request_done(const core::RequestTrace& trace, const AccessFacts& facts) noexcept;
  void connection_opened() noexcept;
  void connection_closed() noexcept;
  // Hands the write to the audit worker thread, which compares the states, counts a real change
  // and writes its audit line: the store's committer does none of that.
  void write_committed(core::CommittedWrite write) noexcept override;

  // For the JWT code: one more JWKS (re)load.
  prometheus::Counter& jwks_refreshes() { return *jwks_refreshes_; }
  // For the store: its commits' duration and batch size; nullptr with --metrics off.
  core::StoreObserver* store_observer() { return options_.metrics ? store_.get() : nullptr; }

  bool metrics_enabled() const { return options_.metrics; }
  // The Prometheus text exposition (format 0.0.4) of every metric.
  std::string scrape() const;

  // Readiness: the store's health (nullopt: answering; else a one-line reason) and whether the
  // listeners accept; /readyz is 200 only with both.
  void set_store_health(std::function<std::optional<std::string>()> probe) { store_health_ = std::move(probe); }
  void set_accepting(bool accepting) { accepting_.store(accepting, std::memory_order_relaxed); }
  std::optional<std::string> not_ready_reason() const;

 private:
  explicit Observability(ObservabilityOptions options);
  void audit(std::deque<core::CommittedWrite>& writes) noexcept;

  ObservabilityOptions options_;
  std::shared_ptr<LogWriter> access_log_;  // shared with audit_log_ when both go to one place
  std::shared_ptr<LogWriter> audit_log_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<RequestMetrics> requests_;
  std::shared_ptr<StoreMetrics> store_;
  prometheus::Gauge* open_connections_ = nullptr;
  prometheus::Counter* throttled_ = nullptr;
  prometheus::Family<prometheus::Counter>* auth_failures_ = nullptr;
  prometheus::Counter* jwks_refreshes_ = nullptr;
  prometheus::Counter* audited_changes_ = nullptr;
  // Stopped first by ~Observability (every handed-over write audited) while the logs it writes
  // to are still open.
  std::unique_ptr<BatchingWorker<core::CommittedWrite>> audit_worker_;
  std::function<std::optional<std::string>()> store_health_;
  std::atomic<bool> accepting_{false};
};

}  // namespace oofgate::gateway
