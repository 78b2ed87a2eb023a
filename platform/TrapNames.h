// Human-readable names of RISC-V exception causes, for fault reports.
#pragma once
#include <cstdint>
#include <string>

namespace wtm::platform {

inline std::string trapName(uint32_t mcause) {
  if (mcause & 0x80000000u) return "interrupt " + std::to_string(mcause & 0xFFFu);
  switch (mcause & 0xFFFu) {
    case 0: return "instruction address misaligned";
    case 1: return "instruction access fault";
    case 2: return "illegal instruction";
    case 3: return "breakpoint (ebreak)";
    case 4: return "load address misaligned";
    case 5: return "load access fault";
    case 6: return "store/AMO address misaligned";
    case 7: return "store/AMO access fault";
    case 11: return "environment call (ecall)";
    default: return "exception " + std::to_string(mcause & 0xFFFu);
  }
}

// Traps that mean the firmware went wrong (as opposed to ecall, a deliberate request).
inline bool isFaultCause(uint32_t mcause) {
  if (mcause & 0x80000000u) return false;
  const uint32_t c = mcause & 0xFFFu;
  return c <= 7;
}

// isFaultCause as a mask of exception codes (bit n: mcause n).
inline uint32_t faultCauseMask() {
  uint32_t mask = 0;
  for (uint32_t c = 0; c < 32; ++c)
    if (isFaultCause(c)) mask |= 1u << c;
  return mask;
}

}  // namespace wtm::platform
