// Builds a random program for the board and for QEMU, runs both and compares their dumps.
#pragma once
#include <cstdint>
#include <string>

#include "RandomProgram.h"

namespace wtm::difftest {

struct Toolchain {
  std::string board;      // wtm2101-board executable
  std::string boardArgs;  // extra board options (--core fast, --lockstep)
  std::string qemu = "qemu-system-riscv32";
  std::string gcc = "riscv64-unknown-elf-gcc";
  std::string workDir;  // where programs and outputs are kept on failure
};

struct DiffResult {
  bool ok = false;
  unsigned sequencesCompared = 0;
  std::string report;   // first difference, with the registers that differ
  std::string keptDir;  // directory with the program and both outputs (on failure)
};

DiffResult runOne(const Toolchain& tools, const ProgramSpec& spec);

}  // namespace wtm::difftest
