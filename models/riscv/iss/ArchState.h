// The architectural state of the WTM2101 core: what a program can observe and what moves between
// the two core implementations (the fast core and the RTL) when a run switches or runs in lockstep.
// Field for field the registers of rtl/wtm_core.sv.
#pragma once
#include <cstdint>
#include <string>

namespace wtm::riscv {

struct ArchState {
  uint32_t x[32] = {};
  uint32_t f[32] = {};
  uint32_t pc = 0;
  // mstatus
  bool mie = false, mpie = false;
  uint8_t fs = 0;  // FS: 0 off, 3 dirty
  uint8_t fflags = 0, frm = 0;
  uint32_t mtvec = 0, mscratch = 0, mepc = 0, mtval = 0, mieBits = 0;
  // mcause in fields (ECLIC layout: MINHV, MPIL; MPIE is mstatus.MPIE)
  bool mcauseIrq = false, minhv = false;
  uint8_t mpil = 0;
  uint16_t mcauseCode = 0;
  // Nuclei state
  uint8_t mil = 0;  // mintstatus.MIL
  uint8_t msubmTyp = 0, msubmPtyp = 0;
  uint32_t mtvt = 0, mtvt2 = 0, mmiscCtl = 0;
  bool wfe = false, sleepValue = false, txevt = false, ucodeOv = false;
  uint8_t mcountinhibit = 0;
  uint64_t mcycle = 0, minstret = 0;
  // LR/SC reservation
  bool resvValid = false;
  uint32_t resvAddr = 0;

  // Equal to `other` (counters compared only when `withCounters`); cheap, for every instruction.
  bool sameAs(const ArchState& other, bool withCounters) const;
  // The differences from `other`, one "name: this vs other" per line (empty: identical).
  // Counters are compared only when `withCounters`.
  std::string diff(const ArchState& other, bool withCounters) const;
  // Every register, for a report.
  std::string describe() const;
};

}  // namespace wtm::riscv
