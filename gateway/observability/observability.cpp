#include "gateway/observability/observability.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include <prometheus/text_serializer.h>

#include "facade_common/log_time.h"

namespace oofgate::gateway {
namespace {

// "stdout" or a file opened for appending (created 0640); "off": nullptr.
core::Result<std::shared_ptr<LogWriter>> open_log(std::string_view flag, const std::string& target) {
  if (target == "off") {
    return std::shared_ptr<LogWriter>();
  }
  if (target == "stdout") {
    return std::make_shared<LogWriter>(STDOUT_FILENO, false);
  }
  const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (fd < 0) {
    return core::Error{
        core::ErrorCode::kInvalidArgument,
        std::string(flag) + " " + target + ": cannot open for appending: " + std::generic_category().message(errno)};
  }
  return std::make_shared<LogWriter>(fd, true);
}

// Where a Graph or UM request's 401 came from, for the failures metric.
std::string_view auth_failure_reason(const core::RequestTrace& trace) {
  return trace.auth_failure.empty() ? std::string_view("no_credentials") : std::string_view(trace.auth_failure);
}

}  // namespace

Observability::Observability(ObservabilityOptions options)
    : options_(std::move(options)),
      registry_(std::make_shared<prometheus::Registry>()),
      requests_(std::make_shared<RequestMetrics>()),
      store_(std::make_shared<StoreMetrics>()) {
  open_connections_ = &prometheus::BuildGauge()
                           .Name("oofgate_open_connections")
                           .Help("Client connections open now (main listener).")
                           .Register(*registry_)
                           .Add({});
  throttled_ = &prometheus::BuildCounter()
                    .Name("oofgate_throttled_requests_total")
                    .Help("Requests answered 429 (throttled or too many sign-in failures).")
                    .Register(*registry_)
                    .Add({});
  auth_failures_ = &prometheus::BuildCounter()
                        .Name("oofgate_auth_failures_total")
                        .Help("Requests answered 401, by why the caller was not authenticated.")
                        .Register(*registry_);
  // Pre-created so the first failures of each kind cost no registry work on an I/O thread.
  for (const char* reason : {"no_credentials", "basic", "bearer"}) {
    auth_failures_->Add({{"reason", reason}});
  }
  jwks_refreshes_ = &prometheus::BuildCounter()
                         .Name("oofgate_jwks_refreshes_total")
                         .Help("JWKS key set loads and reloads.")
                         .Register(*registry_)
                         .Add({});
  audited_changes_ = &prometheus::BuildCounter()
                          .Name("oofgate_settings_changes_total")
                          .Help("Committed settings changes (one audit line each).")
                          .Register(*registry_)
                          .Add({});
}

Observability::~Observability() {
  if (audit_worker_) {
    audit_worker_->stop();
  }
}

core::Result<std::unique_ptr<Observability>> Observability::create(const ObservabilityOptions& options) {
  std::unique_ptr<Observability> observability(new Observability(options));
  auto access = open_log("--access-log", options.access_log);
  if (!access) {
    return access.error();
  }
  observability->access_log_ = std::move(access).value();
  if (options.audit_log == options.access_log) {
    observability->audit_log_ = observability->access_log_;  // one writer: lines never interleave
  } else {
    auto audit = open_log("--audit-log", options.audit_log);
    if (!audit) {
      return audit.error();
    }
    observability->audit_log_ = std::move(audit).value();
  }
  // At most this many committed writes (each with the state it replaced) wait to be audited.
  constexpr std::size_t kAuditQueue = 4096;
  observability->audit_worker_ = std::make_unique<BatchingWorker<core::CommittedWrite>>(
      kAuditQueue, LogWriter::kDefaultLinger,
      [raw = observability.get()](std::deque<core::CommittedWrite>& writes) { raw->audit(writes); });
  return observability;
}

void Observability::request_done(const core::RequestTrace& trace, const AccessFacts& facts) noexcept {
  try {
    if (options_.metrics) {
      const std::string_view facade = trace.facade.empty() ? std::string_view("none") : std::string_view(trace.facade);
      requests_->record(facade, trace.operation, facts.status, facts.duration);
      if (facts.status == 429) {
        throttled_->Increment();
      } else if (facts.status == 401) {
        auth_failures_->Add({{"reason", std::string(auth_failure_reason(trace))}}).Increment();
      }
    }
    if (access_log_) {
      const auto now = facade::wall_time_of(facts.finished);
      const AccessRecord record(trace, facts, now);
      access_log_->append_entry(&render_access_record, record.size(),
                                [&record](char* at) noexcept { record.write_to(at); });
    }
  } catch (...) {
    // Out of memory while recording: the record is lost, the request was answered.
  }
}

void Observability::connection_opened() noexcept { open_connections_->Increment(); }
void Observability::connection_closed() noexcept { open_connections_->Decrement(); }

void Observability::write_committed(core::CommittedWrite write) noexcept { audit_worker_->submit(std::move(write)); }

void Observability::audit(std::deque<core::CommittedWrite>& writes) noexcept {
  for (const auto& write : writes) {
    try {
      const core::SettingsChange change = core::describe_change(write);
      if (change.changes.empty()) {
        continue;  // a no-op write: nothing to audit
      }
      audited_changes_->Increment();
      if (audit_log_) {
        const auto now = std::chrono::system_clock::now();
        audit_log_->append([&](std::string& out) { append_audit_log_line(out, change, now); });
      }
    } catch (...) {
      // Out of memory while auditing: this line is lost, the write was committed and answered.
    }
  }
}

std::string Observability::scrape() const {
  auto families = registry_->Collect();
  for (auto& family : requests_->collect()) {
    families.push_back(std::move(family));
  }
  for (auto& family : store_->collect()) {
    families.push_back(std::move(family));
  }
  prometheus::MetricFamily dropped{"oofgate_log_lines_dropped_total",
                                   "Access and audit log lines dropped because the log writer fell behind.",
                                   prometheus::MetricType::Counter,
                                   {}};
  prometheus::ClientMetric metric;
  metric.counter.value = static_cast<double>((access_log_ ? access_log_->dropped() : 0) +
                                             (audit_log_ && audit_log_ != access_log_ ? audit_log_->dropped() : 0) +
                                             audit_worker_->dropped());
  dropped.metric.push_back(metric);
  families.push_back(std::move(dropped));
  return prometheus::TextSerializer().Serialize(families);
}

std::optional<std::string> Observability::not_ready_reason() const {
  if (!accepting_.load(std::memory_order_relaxed)) {
    return "not accepting connections (starting or shutting down)";
  }
  if (store_health_) {
    return store_health_();
  }
  return std::nullopt;
}

}  // namespace oofgate::gateway
