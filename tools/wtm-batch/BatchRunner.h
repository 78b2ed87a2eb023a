// Runs the jobs of a list as child processes, a few at a time: each with its standard output and
// error in LOGDIR/job-N.out / .err and no standard input, killed (with its process group) after
// the time-out. What a job leaves (its exit code, the last lines of its output, the "name : value"
// statistics lines a tool prints on stderr, host-dependent ones left out) becomes its result.
#pragma once
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "JobList.h"

namespace wtm::batch {

struct JobResult {
  std::size_t index = 0;
  int exitCode = 0;        // 128 + signal when killed by one; 124 on time-out; 127 when it could not start
  std::string stdoutTail;  // the last non-empty line of its standard output
  std::string stderrTail;  // the last non-empty line of its standard error that is not a statistic
  std::string stats;       // "name=value" of its statistics lines, joined by " | "
};

struct BatchOptions {
  unsigned parallel = 1;
  double timeoutSeconds = 0;  // 0: none
  std::string logDir;
  const std::atomic<bool>* stop = nullptr;         // no new job starts once set
  std::function<void(const JobResult&)> onResult;  // called as each job ends, in end order
};

// Returns the number of jobs that ran to their end (or time-out).
std::size_t runJobs(const std::vector<const Job*>& jobs, const BatchOptions& options);

// The statistics and tails of a job's logs (exposed for tests).
JobResult summarize(std::size_t index, int exitCode, const std::string& out, const std::string& err);

}  // namespace wtm::batch
