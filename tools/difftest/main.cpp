// wtm-difftest: differential testing of the board's core against qemu-system-riscv32.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

#include <boost/program_options.hpp>

#include "DiffRunner.h"
#include "ExitCodes.h"
#include "common/OptionChecks.h"

namespace po = boost::program_options;
using namespace wtm::difftest;

int main(int argc, char** argv) {
  Toolchain tools;
  ProgramSpec spec;
  uint64_t firstSeed = 1;
  unsigned programs = 10;
  bool keepGoing = false;
  po::options_description desc(
      "wtm-difftest: random RV32IMAFC instruction sequences run on the virtual board and under\n"
      "qemu-system-riscv32 (the oracle); the architectural state (x, f, fcsr, memory hash) after\n"
      "every sequence must be identical. Each program is seeded and reproducible.\n\n"
      "Usage: wtm-difftest --board PATH [options]\n\n" +
      wtm::tools::exit_code::exitCodeHelp(kExitCodeMeanings) + "\nOptions");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("board", po::value<std::string>(&tools.board), "wtm2101-board executable")
      ("board-args", po::value<std::string>(&tools.boardArgs),
       "extra options for the board, e.g. \"--core fast\" (the fast core) or --lockstep (both cores compared too)")
      ("qemu", po::value<std::string>(&tools.qemu)->default_value("qemu-system-riscv32"), "QEMU executable")
      ("gcc", po::value<std::string>(&tools.gcc)->default_value("riscv64-unknown-elf-gcc"), "cross compiler")
      ("seed", po::value<uint64_t>(&firstSeed)->default_value(1), "seed of the first program")
      ("programs", po::value<unsigned>(&programs)->default_value(10), "number of programs (seeds seed, seed+1, ...)")
      ("sequences", po::value<unsigned>(&spec.sequences)->default_value(100), "sequences per program")
      ("length", po::value<unsigned>(&spec.bodyLength)->default_value(60), "random instructions per sequence")
      ("work-dir", po::value<std::string>(&tools.workDir), "where failing programs are kept (default: a temp dir)")
      ("keep-going", po::bool_switch(&keepGoing), "continue after a difference");
  // clang-format on
  po::variables_map vm;
  try {
    const auto parsed = po::parse_command_line(argc, argv, desc);
    wtm::rejectNegativeUnsigned(parsed);
    po::store(parsed, vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "wtm-difftest: " << e.what() << " (see --help)\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitIdentical;
  }
  if (tools.board.empty()) {
    std::cerr << "wtm-difftest: --board is required\n";
    return kExitUsage;
  }
  if (tools.workDir.empty())
    tools.workDir = (std::filesystem::temp_directory_path() / ("wtm-difftest-" + std::to_string(getpid()))).string();
  const bool tty = isatty(STDERR_FILENO);
  unsigned failures = 0, compared = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (unsigned p = 0; p < programs; ++p) {
    spec.seed = firstSeed + p;
    const DiffResult r = runOne(tools, spec);
    compared += r.sequencesCompared;
    if (!r.ok) {
      ++failures;
      if (tty) std::cerr << "\n";
      std::cerr << r.report << "kept in " << r.keptDir << "\n";
      if (!keepGoing) break;
    }
    if (tty) {
      const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const double eta = el / (p + 1) * (programs - p - 1);
      std::fprintf(stderr, "\r[%u/%u programs] %u sequences identical, %u differing, ETA %.0f s   ", p + 1, programs,
                   compared, failures, eta);
    }
  }
  if (tty) std::cerr << "\n";
  std::cout << "wtm-difftest: " << compared << " sequences compared, " << failures << " program(s) with differences\n";
  return failures ? kExitDiffers : kExitIdentical;
}
