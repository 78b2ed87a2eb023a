// The outer frame of a tool's main(): a "merge" subcommand goes to `merge`, everything else to
// `run`; an InputError escaping either is a one-line bad-input error, any other exception an
// internal error, each with the tool's exit code.
#pragma once
#include <exception>
#include <iostream>
#include <string>

#include "common/InputError.h"

namespace wtm::tools {

template <typename Run, typename Merge>
int toolMain(const char* tool, int argc, char** argv, Run run, Merge merge, int badInputCode, int internalCode) {
  try {
    if (argc >= 2 && std::string(argv[1]) == "merge") return merge(argc, argv);
    return run(argc, argv);
  } catch (const InputError& e) {
    std::cerr << tool << ": " << e.what() << "\n";
    return badInputCode;
  } catch (const std::exception& e) {
    std::cerr << tool << ": internal error: " << e.what() << "\n";
    return internalCode;
  }
}

}  // namespace wtm::tools
