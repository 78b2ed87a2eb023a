// Runs the (point, seed) jobs of a sweep on a pool of threads. Each job's result depends only on
// its configuration and seed, so the results are identical whatever the thread count or order.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "SweepResults.h"
#include "npu/whatif/WhatIfEvaluator.h"

namespace wtm::sweep {

struct SweepJob {
  std::size_t point = 0;
  std::uint64_t seed = 0;
  npu::WhatIfConfig config;
};

struct SweepRunOptions {
  unsigned threads = 1;
  const std::vector<int>* labels = nullptr;
  // Called once per finished job, serialised (never concurrently), in completion order.
  std::function<void(const SweepRow&)> onRow;
  // Set by the caller (e.g. on Ctrl-C): no new job starts; running ones finish and are reported.
  const std::atomic<bool>* stop = nullptr;
};

// The seeds a point is evaluated with: all `seeds` from `seedBase` when the point draws random
// numbers, only `seedBase` when it is deterministic (more seeds would repeat the same row).
std::vector<std::uint64_t> seedsFor(const npu::WhatIfConfig& config, std::uint64_t seedBase, unsigned seeds);

// Returns the number of jobs completed.
std::size_t runSweep(const npu::WhatIfEvaluator& evaluator, const npu::WhatIfRun& ideal,
                     const std::vector<SweepJob>& jobs, const SweepRunOptions& options);

}  // namespace wtm::sweep
