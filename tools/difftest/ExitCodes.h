// wtm-difftest exit codes and their --help lines, on the shared ones of
// tools/common/ToolExitCodes.h.
#pragma once

#include "ToolExitCodes.h"

namespace wtm::difftest {

enum ExitCode : int {
  kExitIdentical = tools::exit_code::kOk,
  kExitDiffers = 1,
  kExitUsage = tools::exit_code::kUsage,
};

// A program that does not assemble or that qemu does not finish is reported as a difference.
inline constexpr tools::exit_code::Meaning kExitCodeMeanings[] = {
    {kExitIdentical, "all identical"},
    {kExitDiffers, "a difference or a program that failed to assemble or run (reported; its files kept)"},
    {kExitUsage, tools::exit_code::kUsageText},
};

}  // namespace wtm::difftest
