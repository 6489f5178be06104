#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "core/service/blocking_work.h"

namespace oofgate::testing {

// A BlockingWork that holds jobs until the test runs or cancels them, or refuses them all, so
// tests decide exactly when "another thread" does its part.
class ScriptedWork final : public core::BlockingWork {
 public:
  struct Job {
    std::function<void()> run;
    std::function<void()> cancel;
  };

  bool submit(std::function<void()> run, std::function<void()> cancel) override {
    if (refuse) {
      return false;
    }
    jobs.push_back({std::move(run), std::move(cancel)});
    return true;
  }

  void run_all() {
    auto pending = std::move(jobs);
    jobs.clear();
    for (auto& job : pending) {
      job.run();
    }
  }

  bool refuse = false;
  std::vector<Job> jobs;
};

}  // namespace oofgate::testing
