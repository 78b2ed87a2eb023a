// Command-line parsing shared by the tools: Boost.Program_options with the negative-number check
// of OptionChecks.h; a bad command line is one line "TOOL: cause (try --help)" on stderr.
#pragma once
#include <boost/program_options.hpp>
#include <iostream>

#include "common/OptionChecks.h"

namespace wtm::tools {

// Fills `vm`; false (after printing) when the command line is bad.
inline bool parseToolOptions(const char* tool, int argc, const char* const* argv,
                             const boost::program_options::options_description& options,
                             const boost::program_options::positional_options_description& positional,
                             boost::program_options::variables_map& vm) {
  namespace po = boost::program_options;
  try {
    const auto parsed = po::command_line_parser(argc, argv).options(options).positional(positional).run();
    rejectNegativeUnsigned(parsed);
    po::store(parsed, vm);
    po::notify(vm);
    return true;
  } catch (const po::error& e) {
    std::cerr << tool << ": " << e.what() << " (try --help)\n";
    return false;
  }
}

}  // namespace wtm::tools
