// wtm-regress exit codes (also listed in --help and docs/npu-model.md).
#pragma once

namespace wtm::regress {

enum ExitCode : int {
  kExitMatched = 0,       // every compared value exact (ideal) / non-ideal run completed
  kExitMismatch = 1,      // ideal mode: some value differs, or nothing could be compared
  kExitUsage = 2,         // bad command line
  kExitBadInput = 3,      // a file is missing, unreadable or corrupt (message: "FILE: cause")
  kExitInconsistent = 4,  // the folder's files contradict each other (listed; the run still completes)
  kExitInternal = 5,      // unexpected internal error (a bug: please report)
};

}  // namespace wtm::regress
