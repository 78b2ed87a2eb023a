#include "Hart.h"

#include "../CoreCsrs.h"
#include "CsrLayout.h"

namespace wtm::riscv::iss {

Hart::Hart() { reset(); }

void Hart::reset() {
  ArchState fresh;  // the register files are not reset: regs_ keeps the x registers
  std::memcpy(fresh.f, s_.f, sizeof fresh.f);
  fresh.mmiscCtl = param::MMISC_CTL_RESET;
  s_ = fresh;
  mcycleBase_ = mcycleSince_ = 0;
  deferred_ = 1;  // the first fetch: the RTL's pipeline starts empty
  sleeping_ = false;
  irqMask_ = false;
  instretStep_ = 1;
  updateIrqArmed();
}

bool Hart::csrValue(unsigned n, uint32_t& v, uint64_t cycles) const {
  const uint64_t mcycle = mcycleAt(cycles);
  switch (n) {
    case csr::fflags: v = s_.fflags; break;
    case csr::frm: v = s_.frm; break;
    case csr::fcsr: v = (uint32_t{s_.frm} << 5) | s_.fflags; break;
    case csr::mstatus: v = mstatusValue(s_); break;
    case csr::misa: v = param::MISA_VALUE; break;
    case csr::mie: v = s_.mieBits; break;
    case csr::mtvec: v = s_.mtvec; break;
    case csr::mcountinhibit: v = s_.mcountinhibit; break;
    case csr::mscratch: v = s_.mscratch; break;
    case csr::mepc: v = s_.mepc; break;
    case csr::mcause: v = mcauseValue(s_, eclicMode()); break;
    case csr::mtval: v = s_.mtval; break;
    case csr::mip: v = 0; break;
    case csr::mcycle:
    case csr::cycle: v = static_cast<uint32_t>(mcycle); break;
    case csr::mcycleh:
    case csr::cycleh: v = static_cast<uint32_t>(mcycle >> 32); break;
    case csr::minstret:
    case csr::instret: v = static_cast<uint32_t>(s_.minstret); break;
    case csr::minstreth:
    case csr::instreth: v = static_cast<uint32_t>(s_.minstret >> 32); break;
    case csr::mvendorid: v = param::MVENDORID_VALUE; break;
    case csr::marchid: v = param::MARCHID_VALUE; break;
    case csr::mimpid: v = param::MIMPID_VALUE; break;
    case csr::mhartid: v = 0; break;
    case csr::mtvt: v = s_.mtvt; break;
    case csr::mnxti: v = 0; break;  // software vectoring through mnxti: unused by the Nuclei glue
    case csr::mintstatus: v = uint32_t{s_.mil} << 24; break;
    case csr::mnvec: v = (s_.mmiscCtl & 0x200u) ? trapBase() : 0u; break;
    case csr::msubm: v = msubmValue(s_); break;
    case csr::mmisc_ctl: v = s_.mmiscCtl; break;
    case csr::mtvt2: v = s_.mtvt2; break;
    case csr::jalmnxti:
    case csr::pushmsubm:
    case csr::pushmcause:
    case csr::pushmepc: v = 0; break;
    case csr::wfe: v = s_.wfe; break;
    case csr::sleepvalue: v = s_.sleepValue; break;
    case csr::txevt: v = s_.txevt; break;
    case csr::ucode: v = s_.ucodeOv; break;
    default: return false;
  }
  return true;
}

void Hart::csrWrite(unsigned n, uint32_t v, uint64_t cycleBefore, bool countedEdge) {
  // mcycle as the writing edge leaves it (that edge counted under the old mcountinhibit).
  const uint64_t edgeEnd = cycleBefore + (countedEdge ? 1 : 0);
  uint64_t mcycle = mcycleAt(edgeEnd);
  mcycleBase_ = mcycle;
  mcycleSince_ = edgeEnd;
  switch (n) {
    case csr::mstatus: setMstatus(s_, v); break;
    case csr::fflags:
      s_.fflags = v & 31u;
      s_.fs = 3;
      break;
    case csr::frm:
      s_.frm = v & 7u;
      s_.fs = 3;
      break;
    case csr::fcsr:
      s_.fflags = v & 31u;
      s_.frm = (v >> 5) & 7u;
      s_.fs = 3;
      break;
    case csr::mie: s_.mieBits = v & 0x888u; break;
    case csr::mtvec: s_.mtvec = (v & 3u) == 2u ? (v & ~3u) : v; break;
    case csr::mcountinhibit:
      s_.mcountinhibit = static_cast<uint8_t>(v & 5u);
      instretStep_ = (s_.mcountinhibit & 4u) ? 0 : 1;
      break;
    case csr::mscratch: s_.mscratch = v; break;
    case csr::mepc: s_.mepc = v & ~1u; break;
    case csr::mcause: setMcause(s_, v, eclicMode()); break;
    case csr::mtvt: s_.mtvt = v & ~63u; break;
    case csr::msubm: setMsubm(s_, v); break;
    case csr::mmisc_ctl: s_.mmiscCtl = v & 0x248u; break;
    case csr::mtvt2: s_.mtvt2 = v & ~2u; break;
    case csr::wfe: s_.wfe = v & 1u; break;
    case csr::sleepvalue: s_.sleepValue = v & 1u; break;
    case csr::txevt: s_.txevt = v & 1u; break;
    case csr::ucode: s_.ucodeOv = v & 1u; break;
    case csr::mtval: s_.mtval = v; break;
    case csr::mcycle: mcycleBase_ = (mcycle & ~uint64_t{0xFFFFFFFF}) | v; break;
    case csr::mcycleh: mcycleBase_ = (mcycle & 0xFFFFFFFFu) | (uint64_t{v} << 32); break;
    case csr::minstret: s_.minstret = (s_.minstret & ~uint64_t{0xFFFFFFFF}) | v; break;
    case csr::minstreth: s_.minstret = (s_.minstret & 0xFFFFFFFFu) | (uint64_t{v} << 32); break;
    default: break;  // read-only in effect (mip, mnxti, the action CSRs)
  }
}

bool Hart::readCsr(unsigned number, uint32_t& value, uint64_t cycles) const { return csrValue(number, value, cycles); }

bool Hart::writeCsr(unsigned number, uint32_t value, uint64_t cycles) {
  uint32_t unused = 0;
  if (!csrValue(number, unused, cycles)) return false;
  csrWrite(number, value, cycles, false);
  updateIrqArmed();
  return true;
}

void Hart::setPc(uint32_t pcValue) {
  s_.pc = pcValue & ~1u;
  sleeping_ = false;
  s_.resvValid = false;
  deferred_ = 0;
}

void Hart::dropCodePages() {
  pages_.clear();
  pageNumber_ = UINT32_MAX;
  codeHost_ = nullptr;
  codeSlots_ = nullptr;
  codeLimit_ = 0;
}

ArchState Hart::state(uint64_t cycles) const {
  ArchState st = s_;
  std::memcpy(st.x, regs_, sizeof st.x);
  st.x[0] = 0;
  st.mcycle = mcycleAt(cycles);
  return st;
}

void Hart::setState(const ArchState& st, uint64_t cycles) {
  s_ = st;
  std::memcpy(regs_, st.x, sizeof st.x);
  regs_[0] = 0;
  mcycleBase_ = st.mcycle;
  mcycleSince_ = cycles;
  sleeping_ = false;
  deferred_ = 0;
  instretStep_ = (s_.mcountinhibit & 4u) ? 0 : 1;
  updateIrqArmed();
}

PlannedAccess Hart::plannedAccess(uint32_t raw) const {
  PlannedAccess p;
  const Decoded d = decode(raw);
  const uint32_t base = regs_[d.rs1] + static_cast<uint32_t>(d.imm);
  switch (d.op) {
    case Op::Lb:
    case Op::Lbu: p = {true, base, 1, false, false}; break;
    case Op::Lh:
    case Op::Lhu: p = {true, base, 2, false, false}; break;
    case Op::Lw:
    case Op::Flw: p = {true, base, 4, false, false}; break;
    case Op::Sb: p = {true, base, 1, true, false}; break;
    case Op::Sh: p = {true, base, 2, true, false}; break;
    case Op::Sw:
    case Op::Fsw: p = {true, base, 4, true, false}; break;
    case Op::LrW: p = {true, regs_[d.rs1], 4, false, false}; break;
    case Op::ScW: p = {s_.resvValid && s_.resvAddr == regs_[d.rs1], regs_[d.rs1], 4, true, false}; break;
    case Op::AmoSwap:
    case Op::AmoAdd:
    case Op::AmoXor:
    case Op::AmoAnd:
    case Op::AmoOr:
    case Op::AmoMin:
    case Op::AmoMax:
    case Op::AmoMinu:
    case Op::AmoMaxu: p = {true, regs_[d.rs1], 4, true, true}; break;
    case Op::Csrrw:
    case Op::Csrrs:
    case Op::Csrrc:
      if ((static_cast<unsigned>(d.imm) == csr::pushmsubm || static_cast<unsigned>(d.imm) == csr::pushmcause ||
           static_cast<unsigned>(d.imm) == csr::pushmepc) &&
          (d.op == Op::Csrrw || d.rs1 != 0)) {
        const uint32_t src = d.aux ? d.rs1 : regs_[d.rs1];
        p = {true, regs_[2] + (src << 2), 4, true, false};
      }
      break;
    default: break;
  }
  return p;
}

}  // namespace wtm::riscv::iss
