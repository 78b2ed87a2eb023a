// Random RV32IMAFC test programs for differential testing against QEMU. A program is a list of
// sequences; each loads random values into every register and fcsr, runs random instructions
// (ALU, M, loads/stores/AMOs on a scratch area, forward branches and jumps, F arithmetic in every
// rounding mode, conversions, compares, fcsr accesses; the assembler compresses what it can),
// then prints x, f, fcsr and a hash of the scratch memory as one line of hex. Everything printed
// is independent of where the program is linked, so a board build and a QEMU build must print
// identical lines.
#pragma once
#include <cstdint>
#include <string>

namespace wtm::difftest {

struct ProgramSpec {
  uint64_t seed = 1;
  unsigned sequences = 100;
  unsigned bodyLength = 60;  // random instructions per sequence
};

// Assembly source (GNU as syntax). The target is chosen at assembly time with -DTARGET_BOARD or
// -DTARGET_QEMU (UART address and the way the program ends).
std::string generateProgram(const ProgramSpec& spec);

// Linker scripts for the two targets.
std::string boardLinkerScript();
std::string qemuLinkerScript();

}  // namespace wtm::difftest
