// The architectural state of the lockstep build of the RTL (Verilated with every register
// public), read directly from the model: no debug-port edges per instruction.
#pragma once
#include "Vwtm_core_lockstep.h"
#include "Vwtm_core_lockstep___024root.h"
#include "iss/ArchState.h"

namespace wtm::riscv {

inline ArchState lockstepRtlState(const Vwtm_core_lockstep& m) {
  const Vwtm_core_lockstep___024root& r = *m.rootp;
  ArchState s;
  for (unsigned i = 1; i < 32; ++i) s.x[i] = r.wtm_core__DOT__regs[i];
  for (unsigned i = 0; i < 32; ++i) s.f[i] = r.wtm_core__DOT__fregs[i];
  s.pc = m.current_pc;
  s.mie = r.wtm_core__DOT__mstatus_mie;
  s.mpie = r.wtm_core__DOT__mstatus_mpie;
  s.fs = r.wtm_core__DOT__mstatus_fs;
  s.fflags = r.wtm_core__DOT__fflags;
  s.frm = r.wtm_core__DOT__frm;
  s.mtvec = r.wtm_core__DOT__mtvec;
  s.mscratch = r.wtm_core__DOT__mscratch;
  s.mepc = r.wtm_core__DOT__mepc;
  s.mtval = r.wtm_core__DOT__mtval;
  s.mieBits = r.wtm_core__DOT__mie;
  s.mcauseIrq = r.wtm_core__DOT__mcause_irq;
  s.minhv = r.wtm_core__DOT__mcause_minhv;
  s.mpil = r.wtm_core__DOT__mcause_mpil;
  s.mcauseCode = r.wtm_core__DOT__mcause_code;
  s.mil = r.wtm_core__DOT__mil;
  s.msubmTyp = r.wtm_core__DOT__msubm_typ;
  s.msubmPtyp = r.wtm_core__DOT__msubm_ptyp;
  s.mtvt = r.wtm_core__DOT__mtvt;
  s.mtvt2 = r.wtm_core__DOT__mtvt2;
  s.mmiscCtl = r.wtm_core__DOT__mmisc_ctl;
  s.wfe = r.wtm_core__DOT__wfe_bit;
  s.sleepValue = r.wtm_core__DOT__sleepvalue_bit;
  s.txevt = r.wtm_core__DOT__txevt_bit;
  s.ucodeOv = r.wtm_core__DOT__ucode_ov;
  s.mcountinhibit = r.wtm_core__DOT__mcountinhibit;
  s.mcycle = r.wtm_core__DOT__mcycle;
  s.minstret = r.wtm_core__DOT__minstret;
  s.resvValid = r.wtm_core__DOT__resv_valid;
  s.resvAddr = r.wtm_core__DOT__resv_addr;
  return s;
}

}  // namespace wtm::riscv
