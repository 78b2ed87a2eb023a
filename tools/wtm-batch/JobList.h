// The job list of wtm-batch: one command a line, words split at blanks, '...' and "..." keep
// blanks inside a word ("\"" and "\\" escape inside double quotes), '#' at the start of a word
// begins a comment, blank lines are skipped. Jobs are numbered from 0 in file order.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace wtm::batch {

struct Job {
  std::size_t index = 0;
  unsigned line = 0;
  std::vector<std::string> args;  // args[0]: the program
};

constexpr std::size_t kMaxJobs = 10000000;
constexpr std::size_t kMaxListBytes = std::size_t{256} << 20;

// Throws InputError "NAME:LINE: cause" (an unterminated quote, no jobs at all).
std::vector<Job> parseJobList(const std::string& text, const std::string& name);
std::vector<Job> readJobList(const std::string& path);

// The job's command as one line, each word quoted when it needs to be (for the CSV and logs).
std::string commandLine(const Job& job);

}  // namespace wtm::batch
