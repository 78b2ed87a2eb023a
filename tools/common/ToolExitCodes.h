// Exit codes the command-line tools (wtm-regress, wtm-sweep, wtm-batch, wtm-difftest) share. Each
// tool's ExitCodes.h, next to its main.cpp, builds its ExitCode enum on these, adds its own 1 and 4,
// and pairs every code with its --help line, so a number is written once. README "Exit codes"
// lists them all.
#pragma once

#include "common/ExitCodeHelp.h"

namespace wtm::tools::exit_code {

constexpr int kOk = 0;
constexpr int kUsage = 2;          // bad command line
constexpr int kBadInput = 3;       // a file missing, unreadable or corrupt ("FILE: cause" on stderr)
constexpr int kInternal = 5;       // unexpected internal error (a bug: please report)
constexpr int kInterrupted = 130;  // Ctrl-C (SIGINT); a re-run resumes where the tool keeps results

// --help wording of the shared codes, for the tools that have nothing to add.
constexpr const char* kUsageText = "bad command line";
constexpr const char* kBadInputText =
    "bad input: a file missing, unreadable or corrupt (one line \"FILE: cause\" on stderr)";
constexpr const char* kInternalText = "internal error";
constexpr const char* kInterruptedText = "interrupted (Ctrl-C); the rows finished so far are kept and a re-run resumes";

// A tool's exit-code table and its --help block (models/common/ExitCodeHelp.h).
using Meaning = ::wtm::ExitCodeMeaning;
using ::wtm::exitCodeHelp;

}  // namespace wtm::tools::exit_code
