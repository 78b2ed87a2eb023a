// The lockstep checker on its own: it follows what an RTL reports (accesses, retirements,
// states) with the fast core and must find every kind of disagreement.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "LockstepChecker.h"
#include "Program.h"
#include "RvAsm.h"

using namespace rvasm;
using wtm::riscv::ArchState;
using wtm::riscv::DmiWindow;
using wtm::riscv::LockstepChecker;

namespace {

// A RAM at 0 holding the program; instruction fetch reads it directly, as the board's DMI does.
class Memory {
 public:
  explicit Memory(const Program& p) : ram_(4096, 0) {
    std::memcpy(ram_.data(), p.bytes().data(), p.bytes().size());
    window_.start = 0;
    window_.end = ram_.size() - 1;
    window_.base = ram_.data();
    window_.readable = window_.writable = true;
  }
  LockstepChecker checker() {
    return LockstepChecker(
        [this](uint64_t a, unsigned len, bool) { return a + len <= ram_.size() ? &window_ : nullptr; },
        [](uint32_t, unsigned, uint32_t&) { return false; });
  }

 private:
  std::vector<uint8_t> ram_;
  DmiWindow window_;
};

// The state the RTL would report out of reset, before its first instruction.
ArchState resetState() {
  ArchState s;
  s.mmiscCtl = 0x40;
  s.mcycle = 1;  // the first fetch
  return s;
}

// A scripted RTL: its state, and the report for it after one more instruction retired.
struct ScriptedRtl {
  ArchState state = resetState();
  uint64_t cycles = 1;
  // An instruction retired in `cost` cycles, leaving the pc at `pc` (the caller set the rest).
  std::string retire(LockstepChecker& c, uint32_t pc, uint64_t cost = 1) {
    c.stepDue();
    state.pc = pc;
    state.minstret += 1;
    cycles += cost;
    state.mcycle = cycles;
    return c.check(state, cycles);
  }
};

}  // namespace

TEST(LockstepChecker, AgreesWithACorrectRtlAndCatchesAWrongRegister) {
  Program p;
  p << li(a0, 5) << addi(a0, a0, 7) << jal(zero, 0);
  Memory mem(p);
  LockstepChecker c = mem.checker();
  ScriptedRtl rtl;
  EXPECT_EQ(c.check(rtl.state, 1), "");  // the first boundary: the reset states agree
  rtl.state.x[a0] = 5;
  EXPECT_EQ(rtl.retire(c, 4), "");
  rtl.state.x[a0] = 13;  // this "RTL" computed 5 + 7 = 13
  const std::string report = rtl.retire(c, 8);
  EXPECT_NE(report.find("diverged after 2 instructions"), std::string::npos) << report;
  EXPECT_NE(report.find("a0: 0x0000000d vs 0x0000000c"), std::string::npos) << report;
  EXPECT_NE(report.find("0x00000004  0x00750513"), std::string::npos) << report;  // the trace tail
}

TEST(LockstepChecker, ReplaysLoadDataAndComparesStores) {
  Program p;
  p << lui(s1, 1) << lw(a1, s1, 0) << sw(a1, s1, 8) << jal(zero, 0);
  Memory mem(p);
  LockstepChecker c = mem.checker();
  ScriptedRtl rtl;
  ASSERT_EQ(c.check(rtl.state, 1), "");
  rtl.state.x[s1] = 0x1000;
  ASSERT_EQ(rtl.retire(c, 4), "");
  // The RTL's load read 0xCAFE (from a peripheral, say): the fast core must get that value.
  c.access(0x1000, 4, false, 0xCAFE, false, 0);
  rtl.state.x[a1] = 0xCAFE;
  ASSERT_EQ(rtl.retire(c, 8, 2), "");
  // The RTL stored a different value than the fast core would.
  c.access(0x1008, 4, true, 0xBEEF, false, 0);
  const std::string report = rtl.retire(c, 12);
  EXPECT_NE(report.find("memory access differs: RTL write of 4 bytes at 0x00001008 (0x0000beef), fast core write "
                        "of 4 bytes at 0x00001008 (0x0000cafe)"),
            std::string::npos)
      << report;
}

TEST(LockstepChecker, AnAccessOnlyTheRtlMadeIsADivergence) {
  Program p;
  p << li(a0, 1) << jal(zero, 0);
  Memory mem(p);
  LockstepChecker c = mem.checker();
  ScriptedRtl rtl;
  ASSERT_EQ(c.check(rtl.state, 1), "");
  c.access(0x40000000, 4, false, 0, false, 2);
  rtl.state.x[a0] = 1;
  EXPECT_NE(rtl.retire(c, 4).find("the RTL made a read at 0x40000000 that the fast core did not make"),
            std::string::npos);
}

TEST(LockstepChecker, ADifferentCycleCountIsADivergence) {
  Program p;
  p << li(a0, 1) << jal(zero, 0);
  Memory mem(p);
  LockstepChecker c = mem.checker();
  ScriptedRtl rtl;
  ASSERT_EQ(c.check(rtl.state, 1), "");
  rtl.state.x[a0] = 1;
  const std::string report = rtl.retire(c, 4, 2);  // the RTL took two cycles for an addi
  EXPECT_NE(report.find("mcycle: 0x00000003 vs 0x00000002"), std::string::npos) << report;
  EXPECT_NE(report.find("cycles run: 3 vs 2"), std::string::npos) << report;
}

TEST(LockstepChecker, TheInterruptTheRtlTookIsTakenByTheFastCoreToo) {
  // ECLIC mode, MIE on, then an interrupt request of level 1 is seen at the next boundary.
  Program p;
  p << li(t0, 3) << csrw(0x305 /* mtvec */, t0) << csrsi(0x300 /* mstatus */, 8) << addi(a0, a0, 1) << jal(zero, 0);
  Memory mem(p);
  LockstepChecker c = mem.checker();
  ScriptedRtl rtl;
  ASSERT_EQ(c.check(rtl.state, 1), "");
  rtl.state.x[t0] = 3;
  ASSERT_EQ(rtl.retire(c, 4), "");
  rtl.state.mtvec = 3;
  ASSERT_EQ(rtl.retire(c, 8), "");
  rtl.state.mie = true;
  ASSERT_EQ(rtl.retire(c, 12), "");
  // At pc 12 the RTL saw interrupt 19, level 1, non-vectored, and took it (3 cycles, nothing retired).
  wtm::riscv::InterruptRequest r;
  r.valid = true;
  r.id = 19;
  r.level = 1;
  c.decision(r);
  c.stepDue();
  rtl.state.mepc = 12;
  rtl.state.mcauseIrq = true;
  rtl.state.mcauseCode = 19;
  rtl.state.mil = 1;
  rtl.state.mpie = true;
  rtl.state.mie = false;
  rtl.state.msubmTyp = 1;
  rtl.state.pc = 0;  // mtvt2 off: the trap base
  rtl.cycles += 3;
  rtl.state.mcycle = rtl.cycles;
  EXPECT_EQ(c.check(rtl.state, rtl.cycles), "");
}
