// How the core's state fields appear in its CSRs (mstatus, mcause in the ECLIC layout, msubm):
// one definition for the fast core's CSR reads and for moving state in and out of the RTL.
#pragma once
#include <cstdint>

#include "ArchState.h"

namespace wtm::riscv::iss {

inline bool eclicMode(const ArchState& s) { return (s.mtvec & 3u) == 3u; }

// SD, FS, MPP = M (3), MPIE, MIE.
inline uint32_t mstatusValue(const ArchState& s) {
  return (s.fs == 3 ? 0x80000000u : 0u) | (uint32_t{s.fs} << 13) | (3u << 11) | (uint32_t{s.mpie} << 7) |
         (uint32_t{s.mie} << 3);
}
inline void setMstatus(ArchState& s, uint32_t v) {
  s.mie = (v >> 3) & 1u;
  s.mpie = (v >> 7) & 1u;
  s.fs = static_cast<uint8_t>((v >> 13) & 3u);
}

// ECLIC mode: INTERRUPT, MINHV, MPP = M, MPIE (mstatus.MPIE), MPIL, EXCCODE; else INTERRUPT, EXCCODE.
inline uint32_t mcauseValue(const ArchState& s, bool eclic) {
  if (!eclic) return (uint32_t{s.mcauseIrq} << 31) | s.mcauseCode;
  return (uint32_t{s.mcauseIrq} << 31) | (uint32_t{s.minhv} << 30) | (3u << 28) | (uint32_t{s.mpie} << 27) |
         (uint32_t{s.mpil} << 16) | s.mcauseCode;
}
inline void setMcause(ArchState& s, uint32_t v, bool eclic) {
  s.mcauseIrq = v >> 31;
  s.mcauseCode = static_cast<uint16_t>(v & 0xFFFu);
  if (eclic) {
    s.minhv = (v >> 30) & 1u;
    s.mpie = (v >> 27) & 1u;  // one bit, seen in mcause and mstatus
    s.mpil = static_cast<uint8_t>(v >> 16);
  }
}

inline uint32_t msubmValue(const ArchState& s) { return (uint32_t{s.msubmPtyp} << 8) | (uint32_t{s.msubmTyp} << 6); }
inline void setMsubm(ArchState& s, uint32_t v) {
  s.msubmTyp = (v >> 6) & 3u;
  s.msubmPtyp = (v >> 8) & 3u;
}

}  // namespace wtm::riscv::iss
