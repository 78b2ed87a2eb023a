// wtm-sweep exit codes and their --help lines (also in docs/sweep.md); the shared ones from
// tools/common/ToolExitCodes.h.
#pragma once

#include "ToolExitCodes.h"

namespace wtm::sweep {

enum ExitCode : int {
  kExitOk = tools::exit_code::kOk,
  kExitUsage = tools::exit_code::kUsage,
  kExitBadInput = tools::exit_code::kBadInput,
  kExitIdealDiffers = 4,
  kExitInternal = tools::exit_code::kInternal,
  kExitInterrupted = tools::exit_code::kInterrupted,
};

inline constexpr tools::exit_code::Meaning kExitCodeMeanings[] = {
    {kExitOk, "sweep complete"},
    {kExitUsage, "bad command line or knob value"},
    {kExitBadInput, tools::exit_code::kBadInputText},
    {kExitIdealDiffers, "sweep complete, but the ideal model disagrees with the recorded output traces"},
    {kExitInternal, tools::exit_code::kInternalText},
    {kExitInterrupted, tools::exit_code::kInterruptedText},
};

}  // namespace wtm::sweep
