// wtm-batch's results.csv: one row per job, in job order, with only what does not depend on the
// host (no times), so a batch reproduces byte for byte:
//   job,line,exit,stdout_tail,stderr_tail,stats,command
// Fields are quoted as RFC 4180 says when they hold a comma, a quote or a line break.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "BatchRunner.h"
#include "JobList.h"

namespace wtm::batch {

struct ResultRow {
  std::size_t job = 0;
  unsigned line = 0;
  int exitCode = 0;
  std::string stdoutTail, stderrTail, stats, command;
};

constexpr const char* kResultsHeader = "job,line,exit,stdout_tail,stderr_tail,stats,command";

ResultRow rowFor(const Job& job, const JobResult& result);
std::string csvLine(const ResultRow& row);
// The rows of `path` by job index (empty when the file does not exist). InputError for another
// header or a malformed row.
std::map<std::size_t, ResultRow> readResults(const std::string& path);
// Writes the rows in job order.
void writeResults(const std::string& path, const std::map<std::size_t, ResultRow>& rows);

}  // namespace wtm::batch
