// Nuclei interrupt handling on both cores: ECLIC-mode entry (non-vectored through mtvt2,
// vectored through mtvt), mcause fields and mirrors, levels and preemption, jalmnxti with tail
// chaining, push CSRs, mret restoring the level, and the Nuclei CSRs the startup code writes.
#include <gtest/gtest.h>

#include "BothCores.h"
#include "Program.h"
#include "RvAsm.h"

using namespace rvasm;

namespace {

constexpr uint32_t kData = 0x8000;
constexpr uint32_t kExc = 0x400;      // exception entry (mtvec base, 64-byte aligned)
constexpr uint32_t kIrq = 0x500;      // non-vectored common entry (mtvt2)
constexpr uint32_t kTable = 0x600;    // mtvt
constexpr uint32_t kHandler = 0x800;  // handler reached through the table

// Startup in ECLIC mode, as the vendor startup does it.
Program eclicStartup() {
  Program p;
  p << lui(s1, kData >> 12) << li32(t0, kExc | 3) << csrw(MTVEC, t0) << li32(t0, kTable) << csrw(MTVT, t0)
    << li32(t0, kIrq | 1) << csrw(MTVT2, t0) << li32(sp, 0x9000);
  return p;
}

void setTableEntry(CoreHarness& h, unsigned id, uint32_t target) { h.load(kTable + 4 * id, {target}); }

using CoreEclic = CoreTest;

}  // namespace

INSTANTIATE_BOTH_CORES(CoreEclic);

TEST_P(CoreEclic, NonVectoredInterruptEntersThroughMtvt2WithNucleiMcause) {
  Program p = eclicStartup();
  p << csrsi(MSTATUS, 8);
  for (int i = 0; i < 20; ++i) p << addi(a0, a0, 1);
  p << jal(zero, 0);
  Program isr;  // record mcause, mepc, msubm, mintstatus, then stop
  isr << csrr(t1, MCAUSE) << sw(t1, s1, 0) << csrr(t1, MEPC) << sw(t1, s1, 4) << csrr(t1, MSUBM) << sw(t1, s1, 8)
      << csrr(t1, MINTSTATUS) << sw(t1, s1, 12) << csrr(t1, MSTATUS) << sw(t1, s1, 16) << jal(zero, 0);
  h.loadBytes(0, p.bytes());
  h.loadBytes(kIrq, isr.bytes());
  h.runCycles(30);  // startup done, MIE on
  h.irqValid = true;
  h.irqId = 23;
  h.irqLevel = 0x1F;
  ASSERT_TRUE(h.run());
  const uint32_t mcause = h.word(kData);
  EXPECT_EQ(mcause & 0x80000FFFu, 0x80000017u);  // interrupt, id 23
  EXPECT_EQ((mcause >> 28) & 3u, 3u);            // MPP = M
  EXPECT_EQ((mcause >> 27) & 1u, 1u);            // MPIE = old MIE
  EXPECT_EQ((mcause >> 16) & 0xFFu, 0u);         // MPIL = previous level 0
  EXPECT_EQ((mcause >> 30) & 1u, 0u);            // MINHV clear
  EXPECT_GE(h.word(kData + 4), 0x20u);           // mepc inside the addi run
  EXPECT_EQ((h.word(kData + 8) >> 6) & 3u, 1u);  // msubm.TYP = interrupt
  EXPECT_EQ(h.word(kData + 12) >> 24, 0x1Fu);    // mintstatus.MIL = the level taken
  EXPECT_EQ(h.word(kData + 16) & 8u, 0u);        // MIE cleared on entry
  EXPECT_TRUE(h.claims.empty());                 // non-vectored: stays pending until jalmnxti claims it
}

TEST_P(CoreEclic, VectoredInterruptJumpsThroughTheTable) {
  Program p = eclicStartup();
  p << csrsi(MSTATUS, 8);
  for (int i = 0; i < 20; ++i) p << addi(a0, a0, 1);
  p << jal(zero, 0);
  Program handler;
  handler << csrr(t1, MCAUSE) << sw(t1, s1, 0) << li(t2, 0x5A) << sw(t2, s1, 4) << jal(zero, 0);
  h.loadBytes(0, p.bytes());
  h.loadBytes(kHandler, handler.bytes());
  setTableEntry(h, 7, kHandler);
  h.runCycles(30);
  h.irqValid = true;
  h.irqId = 7;
  h.irqLevel = 0x40;
  h.irqShv = true;
  ASSERT_TRUE(h.run());
  EXPECT_EQ(h.word(kData + 4), 0x5Au);
  EXPECT_EQ(h.word(kData) & 0xC0000FFFu, 0x80000007u);  // MINHV cleared once the entry was read
}

TEST_P(CoreEclic, LevelMustExceedTheCurrentLevelAndMieMustBeSet) {
  Program p = eclicStartup();
  for (int i = 0; i < 30; ++i) p << addi(a0, a0, 1);
  p << li(t1, 0x77) << sw(t1, s1, 0) << jal(zero, 0);
  Program isr;
  isr << li(t1, 0x11) << sw(t1, s1, 0) << jal(zero, 0);
  h.loadBytes(0, p.bytes());
  h.loadBytes(kIrq, isr.bytes());
  h.irqValid = true;
  h.irqId = 30;
  h.irqLevel = 0x80;
  ASSERT_TRUE(h.run());  // MIE never set: the program runs to its end
  EXPECT_EQ(h.word(kData), 0x77u);
  EXPECT_TRUE(h.claims.empty());
}

TEST_P(CoreEclic, HigherLevelPreemptsAndMretRestoresTheLevel) {
  // Vectored interrupts (claimed on entry) through a table entry that points at the ISR.
  h.irqShv = true;
  setTableEntry(h, 25, kIrq);
  setTableEntry(h, 26, kIrq);
  Program p = eclicStartup();
  p << csrsi(MSTATUS, 8);
  for (int i = 0; i < 40; ++i) p << addi(a0, a0, 1);
  p << csrr(t1, MINTSTATUS) << sw(t1, s1, 8) << jal(zero, 0);
  // A re-entrant ISR: saves mcause/mepc on the stack, enables interrupts (as jalmnxti would),
  // counts, restores and returns with mret.
  Program isr;
  isr << addi(sp, sp, -16) << csrr(t1, MCAUSE) << sw(t1, sp, 0) << csrr(t1, MEPC) << sw(t1, sp, 4) << csrsi(MSTATUS, 8);
  for (int i = 0; i < 10; ++i) isr << addi(a1, a1, 1);
  isr << csrci(MSTATUS, 8) << lw(t1, sp, 0) << csrw(MCAUSE, t1) << lw(t1, sp, 4) << csrw(MEPC, t1) << addi(sp, sp, 16)
      << mret;
  h.loadBytes(0, p.bytes());
  h.loadBytes(kIrq, isr.bytes());
  h.runCycles(30);
  h.irqValid = true;
  h.irqId = 25;
  h.irqLevel = 0x20;
  h.runCycles(10);  // taken, now in the ISR at level 0x20
  ASSERT_EQ(h.claims.size(), 1u);
  h.irqValid = true;
  h.irqId = 26;
  h.irqLevel = 0x20;  // same level: must not preempt
  h.runCycles(8);
  EXPECT_EQ(h.claims.size(), 1u);
  h.irqLevel = 0x30;  // higher: preempts once MIE is back on
  h.runCycles(4);
  ASSERT_EQ(h.claims.size(), 2u);
  EXPECT_EQ(h.claims[1], 26u);
  h.irqValid = false;
  ASSERT_TRUE(h.run(2000));
  EXPECT_EQ(h.word(kData + 8) >> 24, 0u);  // both mrets restored the level down to 0
}

TEST_P(CoreEclic, JalmnxtiClaimsJumpsAndChainsThenFallsThrough) {
  // Common entry like the vendor glue: push CSRs, jalmnxti, disable, restore, mret.
  Program p = eclicStartup();
  p << csrsi(MSTATUS, 8);
  for (int i = 0; i < 30; ++i) p << addi(a0, a0, 1);
  p << lw(t1, s1, 0x20) << sw(t1, s1, 0x40) << jal(zero, 0);
  Program glue;
  glue << addi(sp, sp, -80) << sw(ra, sp, 0) << csrrwi(zero, PUSHMCAUSE, 11) << csrrwi(zero, PUSHMEPC, 12)
       << csrrwi(zero, PUSHMSUBM, 13) << csrrw(ra, JALMNXTI, ra) << csrci(MSTATUS, 8) << sw(ra, s1, 0x24)
       << lw(t0, sp, 52) << csrw(MSUBM, t0) << lw(t0, sp, 48) << csrw(MEPC, t0) << lw(t0, sp, 44) << csrw(MCAUSE, t0)
       << lw(ra, sp, 0) << addi(sp, sp, 80) << mret;
  Program handler;  // counts its calls, records ra (the jalmnxti address) and returns
  handler << lw(t1, s1, 0x20) << addi(t1, t1, 1) << sw(t1, s1, 0x20) << sw(ra, s1, 0x28) << csrr(t1, MSTATUS)
          << sw(t1, s1, 0x2C) << jalr(zero, ra, 0);
  h.loadBytes(0, p.bytes());
  h.loadBytes(kIrq, glue.bytes());
  h.loadBytes(kHandler, handler.bytes());
  setTableEntry(h, 33, kHandler);
  setTableEntry(h, 34, kHandler);
  h.runCycles(30);
  h.irqValid = true;
  h.irqId = 33;
  h.irqLevel = 0x10;
  // Let the core take it; after the claim, offer a second one (tail chaining), then none.
  for (int i = 0; i < 200 && h.claims.size() < 1; ++i) h.step();
  h.irqId = 34;
  for (int i = 0; i < 400 && h.claims.size() < 3; ++i) {
    h.step();
    if (h.claims.size() >= 3) h.irqValid = false;
  }
  h.irqValid = false;
  ASSERT_TRUE(h.run(3000));
  // entry claim of 33, jalmnxti claim of 34 (33 was claimed by the entry: the request moved on), ...
  ASSERT_GE(h.claims.size(), 2u);
  EXPECT_EQ(h.claims[0], 33u);
  EXPECT_EQ(h.claims[1], 34u);
  EXPECT_GE(h.word(kData + 0x40), 1u);            // the handler ran
  EXPECT_EQ(h.word(kData + 0x28), kIrq + 5 * 4);  // ra = the jalmnxti instruction
  EXPECT_EQ(h.word(kData + 0x2C) & 8u, 8u);       // jalmnxti enabled interrupts
  EXPECT_EQ(h.word(kData + 0x24), 0u);            // final pass: nothing pending, rd = 0
  // push CSRs stored mcause at sp+44 of the frame (sp = 0x9000 - 80)
  EXPECT_EQ(h.word(0x9000 - 80 + 44) & 0x80000FFFu, 0x80000021u);
}

TEST_P(CoreEclic, NucleiCsrsReadBack) {
  Program p;
  p << lui(s1, kData >> 12) << li(t0, 0x1C0) << csrw(MTVT, t0) << csrr(t1, MTVT) << sw(t1, s1, 0) << li32(t0, 0x1235)
    << csrw(MTVT2, t0) << csrr(t1, MTVT2) << sw(t1, s1, 4) << li(t0, 0x240) << csrw(MSUBM, t0) << csrr(t1, MSUBM)
    << sw(t1, s1, 8) << li(t0, 0x200) << csrw(MMISC_CTL, t0) << csrr(t1, MMISC_CTL) << sw(t1, s1, 12) << li(t0, 1)
    << csrw(WFE, t0) << csrw(SLEEPVALUE, t0) << csrr(t1, WFE) << sw(t1, s1, 16) << csrr(t1, SLEEPVALUE)
    << sw(t1, s1, 20) << li32(t0, 0x443) << csrw(MTVEC, t0) << csrr(t1, MNVEC) << sw(t1, s1, 24) << csrr(t1, MINTSTATUS)
    << sw(t1, s1, 28) << jal(zero, 0);
  h.loadBytes(0, p.bytes());
  ASSERT_TRUE(h.run());
  ASSERT_EQ(h.events.size(), 1u) << "a CSR trapped";
  EXPECT_EQ(h.word(kData), 0x1C0u);
  EXPECT_EQ(h.word(kData + 4), 0x1235u);
  EXPECT_EQ(h.word(kData + 8), 0x240u);
  EXPECT_EQ(h.word(kData + 12), 0x200u);
  EXPECT_EQ(h.word(kData + 16), 1u);
  EXPECT_EQ(h.word(kData + 20), 1u);
  EXPECT_EQ(h.word(kData + 24), 0x440u);  // NMI_CAUSE_FFF: NMIs use the mtvec base
  EXPECT_EQ(h.word(kData + 28), 0u);
}

TEST_P(CoreEclic, WfiWakesOnARequestEvenWithInterruptsOff) {
  Program p = eclicStartup();
  p << wfi << li(t1, 9) << sw(t1, s1, 0) << jal(zero, 0);
  h.loadBytes(0, p.bytes());
  ASSERT_TRUE(h.run());
  ASSERT_TRUE(h.sleeping());
  h.irqValid = true;
  h.irqId = 41;
  h.irqLevel = 0xFF;
  ASSERT_TRUE(h.run());
  EXPECT_EQ(h.word(kData), 9u);
  EXPECT_TRUE(h.claims.empty());  // woken, not taken (MIE off)
}
