// Exit codes the analysis tools (wtm-regress, wtm-sweep, wtm-batch) share; each tool adds its own
// meanings of 1 and 4 in its ExitCode enum, built on these. README "Exit codes" lists them all.
#pragma once

namespace wtm::tools::exit_code {

constexpr int kOk = 0;
constexpr int kUsage = 2;          // bad command line
constexpr int kBadInput = 3;       // a file missing, unreadable or corrupt ("FILE: cause" on stderr)
constexpr int kInternal = 5;       // unexpected internal error (a bug: please report)
constexpr int kInterrupted = 130;  // Ctrl-C (SIGINT); a re-run resumes where the tool keeps results

}  // namespace wtm::tools::exit_code
