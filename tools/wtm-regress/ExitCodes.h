// wtm-regress exit codes (also listed in --help and docs/npu-model.md); the shared ones from
// tools/common/ToolExitCodes.h.
#pragma once

#include "ToolExitCodes.h"

namespace wtm::regress {

enum ExitCode : int {
  kExitMatched = tools::exit_code::kOk,  // every compared value exact (ideal) / non-ideal run completed
  kExitMismatch = 1,                     // ideal mode: some value differs, or nothing could be compared
  kExitUsage = tools::exit_code::kUsage,
  kExitBadInput = tools::exit_code::kBadInput,
  kExitInconsistent = 4,  // the folder's files contradict each other (listed; the run still completes)
  kExitInternal = tools::exit_code::kInternal,
};

}  // namespace wtm::regress
