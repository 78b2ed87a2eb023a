#include "SweepRunner.h"

#include <exception>
#include <mutex>
#include <thread>

namespace wtm::sweep {

std::vector<std::uint64_t> seedsFor(const npu::WhatIfConfig& config, std::uint64_t seedBase, unsigned seeds) {
  std::vector<std::uint64_t> out;
  const unsigned n = config.isRandom() ? seeds : 1;
  for (unsigned k = 0; k < n; ++k) out.push_back(seedBase + k);
  return out;
}

std::size_t runSweep(const npu::WhatIfEvaluator& evaluator, const npu::WhatIfRun& ideal,
                     const std::vector<SweepJob>& jobs, const SweepRunOptions& options) {
  std::atomic<std::size_t> next{0};
  std::size_t completed = 0;
  std::mutex mutex;
  std::exception_ptr failure;
  auto worker = [&] {
    for (;;) {
      if (options.stop && options.stop->load()) return;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (failure) return;
      }
      const std::size_t k = next.fetch_add(1);
      if (k >= jobs.size()) return;
      try {
        const SweepJob& job = jobs[k];
        const npu::WhatIfRun run = evaluator.run(job.config, job.seed);
        SweepRow row;
        row.point = job.point;
        row.seed = job.seed;
        row.config = job.config;
        row.fits = run.fits;
        row.metrics = npu::compareWithIdeal(evaluator, ideal, run, options.labels);
        std::lock_guard<std::mutex> lock(mutex);
        ++completed;
        if (options.onRow) options.onRow(row);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        return;
      }
    }
  };
  const unsigned n = std::max(1u, std::min<unsigned>(options.threads, unsigned(jobs.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return completed;
}

}  // namespace wtm::sweep
