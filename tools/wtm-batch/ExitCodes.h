// wtm-batch exit codes and their --help lines (docs/cluster.md tells 0 and 1); the shared ones from
// tools/common/ToolExitCodes.h.
#pragma once

#include "ToolExitCodes.h"

namespace wtm::batch {

enum ExitCode : int {
  kExitOk = tools::exit_code::kOk,
  kExitJobsFailed = 1,
  kExitUsage = tools::exit_code::kUsage,
  kExitBadInput = tools::exit_code::kBadInput,
  kExitInternal = tools::exit_code::kInternal,
  kExitInterrupted = tools::exit_code::kInterrupted,
};

inline constexpr tools::exit_code::Meaning kExitCodeMeanings[] = {
    {kExitOk, "every job ran and ended with an exit code in --ok-exits"},
    {kExitJobsFailed, "some job ended otherwise (the first ones are listed)"},
    {kExitUsage, tools::exit_code::kUsageText},
    {kExitBadInput, "bad input: LIST unreadable or malformed, a results file or shard that does not fit"},
    {kExitInternal, tools::exit_code::kInternalText},
    {kExitInterrupted, tools::exit_code::kInterruptedText},
};

}  // namespace wtm::batch
