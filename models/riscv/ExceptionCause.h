// RISC-V exception codes (mcause with the interrupt bit clear) the core raises. The RTL's package
// declares them too (EXC_*); RiscvCore.cpp checks at compile time that both agree.
#pragma once
#include <cstdint>

namespace wtm::riscv {

enum ExceptionCause : uint32_t {
  kInstructionMisaligned = 0,
  kInstructionAccessFault = 1,
  kIllegalInstruction = 2,
  kBreakpoint = 3,
  kLoadMisaligned = 4,
  kLoadAccessFault = 5,
  kStoreMisaligned = 6,
  kStoreAccessFault = 7,
  kEcallFromM = 11,
};

}  // namespace wtm::riscv
