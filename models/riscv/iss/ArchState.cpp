#include "ArchState.h"

#include <cstdio>
#include <cstring>
#include <sstream>
#include <vector>

#include "common/Hex.h"

namespace wtm::riscv {

using wtm::hex32;

namespace {

// Calls f(name, value) for every field, in a fixed order.
template <class F>
void forEachField(const ArchState& s, bool withCounters, F&& f) {
  static const char* const kAbi[32] = {"zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
                                       "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
                                       "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
  f("pc", s.pc);
  for (int i = 1; i < 32; ++i) f(kAbi[i], s.x[i]);
  for (int i = 0; i < 32; ++i) f("f" + std::to_string(i), s.f[i]);
  f("mstatus.MIE", s.mie);
  f("mstatus.MPIE", s.mpie);
  f("mstatus.FS", s.fs);
  f("fflags", s.fflags);
  f("frm", s.frm);
  f("mtvec", s.mtvec);
  f("mscratch", s.mscratch);
  f("mepc", s.mepc);
  f("mtval", s.mtval);
  f("mie", s.mieBits);
  f("mcause.INTERRUPT", s.mcauseIrq);
  f("mcause.MINHV", s.minhv);
  f("mcause.MPIL", s.mpil);
  f("mcause.EXCCODE", s.mcauseCode);
  f("mintstatus.MIL", s.mil);
  f("msubm.TYP", s.msubmTyp);
  f("msubm.PTYP", s.msubmPtyp);
  f("mtvt", s.mtvt);
  f("mtvt2", s.mtvt2);
  f("mmisc_ctl", s.mmiscCtl);
  f("wfe", s.wfe);
  f("sleepvalue", s.sleepValue);
  f("txevt", s.txevt);
  f("ucode.OV", s.ucodeOv);
  f("mcountinhibit", s.mcountinhibit);
  f("reservation", s.resvValid);
  f("reservation address", s.resvAddr);
  if (withCounters) {
    f("mcycle", s.mcycle);
    f("minstret", s.minstret);
  }
}

}  // namespace

std::string ArchState::diff(const ArchState& o, bool withCounters) const {
  // A reservation address means nothing without a valid reservation.
  ArchState a = *this, b = o;
  if (!a.resvValid) a.resvAddr = 0;
  if (!b.resvValid) b.resvAddr = 0;
  std::vector<std::string> names;
  std::vector<uint64_t> mine, theirs;
  forEachField(a, withCounters, [&](const std::string& n, uint64_t v) {
    names.push_back(n);
    mine.push_back(v);
  });
  forEachField(b, withCounters, [&](const std::string&, uint64_t v) { theirs.push_back(v); });
  std::ostringstream out;
  for (size_t i = 0; i < mine.size(); ++i)
    if (mine[i] != theirs[i]) out << names[i] << ": " << hex32(mine[i]) << " vs " << hex32(theirs[i]) << "\n";
  return out.str();
}

bool ArchState::sameAs(const ArchState& o, bool withCounters) const {
  if (std::memcmp(x + 1, o.x + 1, sizeof(uint32_t) * 31) != 0 || std::memcmp(f, o.f, sizeof f) != 0) return false;
  if (withCounters && (mcycle != o.mcycle || minstret != o.minstret)) return false;
  if (resvValid != o.resvValid || (resvValid && resvAddr != o.resvAddr)) return false;
  return pc == o.pc && mie == o.mie && mpie == o.mpie && fs == o.fs && fflags == o.fflags && frm == o.frm &&
         mtvec == o.mtvec && mscratch == o.mscratch && mepc == o.mepc && mtval == o.mtval && mieBits == o.mieBits &&
         mcauseIrq == o.mcauseIrq && minhv == o.minhv && mpil == o.mpil && mcauseCode == o.mcauseCode && mil == o.mil &&
         msubmTyp == o.msubmTyp && msubmPtyp == o.msubmPtyp && mtvt == o.mtvt && mtvt2 == o.mtvt2 &&
         mmiscCtl == o.mmiscCtl && wfe == o.wfe && sleepValue == o.sleepValue && txevt == o.txevt &&
         ucodeOv == o.ucodeOv && mcountinhibit == o.mcountinhibit;
}

std::string ArchState::describe() const {
  std::ostringstream out;
  int n = 0;
  forEachField(*this, true, [&](const std::string& name, uint64_t v) {
    out << name << "=" << hex32(v) << ((++n % 6) ? "  " : "\n");
  });
  return out.str();
}

}  // namespace wtm::riscv
