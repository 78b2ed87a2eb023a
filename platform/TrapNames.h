// Human-readable names of RISC-V exception causes, for fault reports.
#pragma once
#include <cstdint>
#include <string>

#include "ExceptionCause.h"

namespace wtm::platform {

inline std::string trapName(uint32_t mcause) {
  if (mcause & 0x80000000u) return "interrupt " + std::to_string(mcause & 0xFFFu);
  using namespace riscv;
  switch (mcause & 0xFFFu) {
    case kInstructionMisaligned: return "instruction address misaligned";
    case kInstructionAccessFault: return "instruction access fault";
    case kIllegalInstruction: return "illegal instruction";
    case kBreakpoint: return "breakpoint (ebreak)";
    case kLoadMisaligned: return "load address misaligned";
    case kLoadAccessFault: return "load access fault";
    case kStoreMisaligned: return "store/AMO address misaligned";
    case kStoreAccessFault: return "store/AMO access fault";
    case kEcallFromM: return "environment call (ecall)";
    default: return "exception " + std::to_string(mcause & 0xFFFu);
  }
}

// Traps that mean the firmware went wrong (as opposed to ecall, a deliberate request).
inline bool isFaultCause(uint32_t mcause) {
  if (mcause & 0x80000000u) return false;
  const uint32_t c = mcause & 0xFFFu;
  return c <= riscv::kStoreAccessFault;  // misaligned, access faults, illegal instruction, ebreak
}

// isFaultCause as a mask of exception codes (bit n: mcause n).
inline uint32_t faultCauseMask() {
  uint32_t mask = 0;
  for (uint32_t c = 0; c < 32; ++c)
    if (isFaultCause(c)) mask |= 1u << c;
  return mask;
}

}  // namespace wtm::platform
