// wtm-regress exit codes and their --help lines (also in docs/npu-model.md); the shared ones from
// tools/common/ToolExitCodes.h.
#pragma once

#include "ToolExitCodes.h"

namespace wtm::regress {

enum ExitCode : int {
  kExitMatched = tools::exit_code::kOk,
  kExitMismatch = 1,
  kExitUsage = tools::exit_code::kUsage,
  kExitBadInput = tools::exit_code::kBadInput,
  kExitInconsistent = 4,
  kExitInternal = tools::exit_code::kInternal,
};

inline constexpr tools::exit_code::Meaning kExitCodeMeanings[] = {
    {kExitMatched, "every compared value exact (ideal mode) / non-ideal run completed"},
    {kExitMismatch,
     "some value differs (ideal mode; also when the folder's files contradict each other), nothing\n"
     "could be compared, or --strict and a comparison was skipped"},
    {kExitUsage, tools::exit_code::kUsageText},
    {kExitBadInput, tools::exit_code::kBadInputText},
    {kExitInconsistent,
     "the folder's files contradict each other (listed; the comparison still runs and\n"
     "every value matched)"},
    {kExitInternal, tools::exit_code::kInternalText},
};

}  // namespace wtm::regress
