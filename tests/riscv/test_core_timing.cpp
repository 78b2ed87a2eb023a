// Cycle costs of each instruction class (docs/core-timing.md) on both cores, measured the way
// firmware would: the mcycle delta around a block of instructions.
#include <gtest/gtest.h>

#include "BothCores.h"
#include "Program.h"
#include "RvAsm.h"

using namespace rvasm;

namespace {

constexpr uint32_t kData = 0x8000;    // s1 points here
constexpr uint32_t kResult = kData;   // mcycle delta stored here
constexpr uint32_t kHandler = 0x400;  // trap handler used by the trap-cost test

// Program: setup; s1 = kData; t0 = mcycle; body; t1 = mcycle; [kData] = t1 - t0; j .
uint32_t measureOn(CoreKind kind, const std::vector<uint32_t>& setup, const Program& body, bool fastForward = true) {
  const std::unique_ptr<CoreHarness> harness = makeHarness(kind, fastForward);
  CoreHarness& h = *harness;
  Program p;
  p << setup << lui(s1, kData >> 12) << csrr(t0, MCYCLE);
  std::vector<uint8_t> bytes = p.bytes();
  bytes.insert(bytes.end(), body.bytes().begin(), body.bytes().end());
  Program tail;
  tail << csrr(t1, MCYCLE) << sub(t2, t1, t0) << sw(t2, s1, 0) << jal(zero, 0);
  bytes.insert(bytes.end(), tail.bytes().begin(), tail.bytes().end());
  h.loadBytes(0, bytes);
  EXPECT_TRUE(h.run()) << "program did not finish";
  return h.word(kResult);
}

Program repeat(uint32_t insn, int n) {
  Program p;
  for (int i = 0; i < n; ++i) p << insn;
  return p;
}

// Each measurement on a fresh core (two Verilated models must not be alive at once: their
// destructors deadlock in Verilator's scope registry).
class CoreTiming : public ::testing::TestWithParam<CoreKind> {
 protected:
  uint32_t measure(const std::vector<uint32_t>& setup, const Program& body, bool fastForward = true) {
    return measureOn(GetParam(), setup, body, fastForward);
  }
};

}  // namespace

INSTANTIATE_BOTH_CORES(CoreTiming);

TEST_P(CoreTiming, AluIsOneCycle) { EXPECT_EQ(measure({}, repeat(addi(a0, a0, 1), 10)), 1u + 10u); }

TEST_P(CoreTiming, LoadIsTwoCycles) { EXPECT_EQ(measure({}, repeat(lw(a1, s1, 4), 10)), 1u + 20u); }

TEST_P(CoreTiming, MisalignedLoadAndStoreCostOneMoreCycle) {
  // mmisc_ctl.MISALIGN is on out of reset: split into two beats, one extra cycle each.
  EXPECT_EQ(measure({}, repeat(lw(a1, s1, 5), 10)), 1u + 30u);
  EXPECT_EQ(measure({}, repeat(sw(a1, s1, 6), 10)), 1u + 20u);
}

TEST_P(CoreTiming, StoreIsOneCycle) { EXPECT_EQ(measure({}, repeat(sw(a1, s1, 4), 10)), 1u + 10u); }

TEST_P(CoreTiming, MulIsTwoCycles) {
  EXPECT_EQ(measure({li(a1, 7), li(a2, 9)}, repeat(mul(a0, a1, a2), 10)), 1u + 20u);
}

TEST_P(CoreTiming, DivIsThirtyFourCycles) {
  EXPECT_EQ(measure({li(a1, 700), li(a2, 9)}, repeat(div(a0, a1, a2), 5)), 1u + 5u * 34u);
}

TEST_P(CoreTiming, JalIsTwoCycles) { EXPECT_EQ(measure({}, repeat(jal(zero, 4), 10)), 1u + 20u); }

TEST_P(CoreTiming, JalrIsThreeCycles) {
  Program body;
  body << 0x00000717u /* auipc a4, 0 */ << jalr(zero, a4, 8);
  EXPECT_EQ(measure({}, body), 1u + 1u + 3u);
}

TEST_P(CoreTiming, ForwardBranchNotTakenIsOneCycle) {
  EXPECT_EQ(measure({li(a2, 1)}, repeat(beq(a2, zero, 8), 10)), 1u + 10u);
}

TEST_P(CoreTiming, ForwardBranchTakenIsMispredicted) {
  EXPECT_EQ(measure({}, repeat(beq(zero, zero, 4), 10)), 1u + 30u);
}

TEST_P(CoreTiming, BackwardLoopIsPredictedTaken) {
  // 5 iterations: addi 5x1, bne taken backward 4x2, final bne not taken (mispredicted) 3.
  Program body;
  body << addi(a3, a3, -1) << bne(a3, zero, -4);
  EXPECT_EQ(measure({li(a3, 5)}, body), 1u + 5u + 8u + 3u);
}

TEST_P(CoreTiming, MisalignedJumpTargetCostsOneMoreCycle) {
  Program aligned;
  aligned << jal(zero, 8);
  aligned.half(0x0001).half(0x0001);  // two c.nop, skipped
  aligned << addi(a0, a0, 1);
  Program misaligned;
  misaligned << jal(zero, 6);
  misaligned.half(0x0001);        // c.nop, skipped
  misaligned << addi(a0, a0, 1);  // 32-bit instruction at a pc with bit 1 set
  EXPECT_EQ(measure({}, aligned), 1u + 2u + 1u);
  EXPECT_EQ(measure({}, misaligned), 1u + 2u + 1u + 1u);
}

TEST_P(CoreTiming, TrapEntryAndMretAreThreeCyclesEach) {
  // handler: mepc += 4; mret  => ecall 3 + csrr 1 + addi 1 + csrw 1 + mret 3
  const auto h = makeHarness(GetParam());
  Program p;
  p << li(a6, kHandler) << csrw(MTVEC, a6) << lui(s1, kData >> 12) << csrr(t0, MCYCLE) << ecall << csrr(t1, MCYCLE)
    << sub(t2, t1, t0) << sw(t2, s1, 0) << jal(zero, 0);
  Program handler;
  handler << csrr(a5, MEPC) << addi(a5, a5, 4) << csrw(MEPC, a5) << mret;
  h->loadBytes(0, p.bytes());
  h->loadBytes(kHandler, handler.bytes());
  ASSERT_TRUE(h->run());
  EXPECT_EQ(h->word(kResult), 1u + 3u + 1u + 1u + 1u + 3u);
  ASSERT_EQ(h->events.size(), 2u);  // the trap, then the final jump to itself
  EXPECT_EQ(h->events[0].kind, 1);
  EXPECT_EQ(h->events[0].cause, 11u);
}

TEST_P(CoreTiming, MmioLatencyBecomesStallCycles) {
  const auto h = makeHarness(GetParam());
  h->mmioLatency = 2;
  Program p;
  p << lui(a7, 0x40000) << lui(s1, kData >> 12) << csrr(t0, MCYCLE);
  for (int i = 0; i < 4; ++i) p << lw(a1, a7, 8);
  p << csrr(t1, MCYCLE) << sub(t2, t1, t0) << sw(t2, s1, 0) << sw(a1, s1, 4) << jal(zero, 0);
  h->loadBytes(0, p.bytes());
  ASSERT_TRUE(h->run());
  EXPECT_EQ(h->word(kResult), 1u + 4u * (2u + 2u));
  EXPECT_EQ(h->word(kData + 4), h->mmioReadValue + 8);
}

TEST_P(CoreTiming, AmoIsThreeCyclesAndLrScTwo) {
  const auto h = makeHarness(GetParam());
  Program p;
  p << lui(s1, kData >> 12) << li(a1, 3) << li(a2, 5) << sw(a2, s1, 0x10) << addi(a4, s1, 0x10) << csrr(t0, MCYCLE)
    << amoadd(a0, a1, a4) << csrr(t1, MCYCLE) << sub(t2, t1, t0) << sw(t2, s1, 0) << sw(a0, s1, 4);
  p << csrr(t0, MCYCLE) << lr(a5, a4) << sc(a6, a1, a4) << csrr(t1, MCYCLE) << sub(t2, t1, t0) << sw(t2, s1, 8)
    << sw(a6, s1, 12) << sc(a7, a2, a4) << sw(a7, s1, 0x14) << jal(zero, 0);
  h->loadBytes(0, p.bytes());
  ASSERT_TRUE(h->run());
  EXPECT_EQ(h->word(kData), 1u + 3u);           // amoadd
  EXPECT_EQ(h->word(kData + 4), 5u);            // old value returned
  EXPECT_EQ(h->word(kData + 8), 1u + 2u + 2u);  // lr + sc
  EXPECT_EQ(h->word(kData + 12), 0u);           // sc succeeded
  EXPECT_EQ(h->word(kData + 0x10), 3u);         // sc stored a1 = 3 over the amo result 8
  EXPECT_EQ(h->word(kData + 0x14), 1u);         // second sc without a reservation fails
}

TEST_P(CoreTiming, FastForwardGivesIdenticalCounts) {
  // The RTL skips the idle edges of a stall; the fast core charges whole instructions anyway.
  Program body;
  body << div(a0, a1, a2) << lw(a3, s1, 4) << mul(a0, a0, a1) << beq(zero, zero, 4) << div(a0, a0, a2);
  const std::vector<uint32_t> setup = {li(a1, 1000), li(a2, 7)};
  const uint32_t fast = measure(setup, body, true);
  const uint32_t slow = measure(setup, body, false);
  EXPECT_EQ(fast, slow);
  EXPECT_EQ(fast, 1u + 34u + 2u + 2u + 3u + 34u);
}

TEST_P(CoreTiming, CountersHonourMcountinhibit) {
  const auto h = makeHarness(GetParam());
  Program p;
  p << lui(s1, kData >> 12) << li(a1, 5) << csrw(MCOUNTINHIBIT, a1) << csrr(t0, MCYCLE) << csrr(a2, MINSTRET);
  for (int i = 0; i < 10; ++i) p << addi(a0, a0, 1);
  p << csrr(t1, MCYCLE) << csrr(a3, MINSTRET) << sub(t2, t1, t0) << sw(t2, s1, 0) << sub(a4, a3, a2) << sw(a4, s1, 4)
    << csrw(MCOUNTINHIBIT, zero) << csrr(a2, MINSTRET);
  for (int i = 0; i < 10; ++i) p << addi(a0, a0, 1);
  p << csrr(a3, MINSTRET) << sub(a4, a3, a2) << sw(a4, s1, 8) << jal(zero, 0);
  h->loadBytes(0, p.bytes());
  ASSERT_TRUE(h->run());
  EXPECT_EQ(h->word(kData), 0u);       // mcycle frozen
  EXPECT_EQ(h->word(kData + 4), 0u);   // minstret frozen
  EXPECT_EQ(h->word(kData + 8), 11u);  // 10 addi + the csrr that reads the end value
}

TEST_P(CoreTiming, TheInstructionThatInhibitsMinstretStillCountsItself) {
  // mcountinhibit.IR applies from the next instruction: the csrw that sets it retires counted,
  // the one that clears it retires uncounted.
  const auto h = makeHarness(GetParam());
  Program p;
  p << lui(s1, kData >> 12) << li(a1, 4) << csrr(a2, MINSTRET) << csrw(MCOUNTINHIBIT, a1) << csrr(a3, MINSTRET)
    << sub(a4, a3, a2) << sw(a4, s1, 0) << csrr(a2, MINSTRET) << csrw(MCOUNTINHIBIT, zero) << csrr(a3, MINSTRET)
    << sub(a4, a3, a2) << sw(a4, s1, 4) << jal(zero, 0);
  h->loadBytes(0, p.bytes());
  ASSERT_TRUE(h->run());
  EXPECT_EQ(h->word(kData), 2u);      // the csrr before it and the csrw itself
  EXPECT_EQ(h->word(kData + 4), 0u);  // nothing counted up to and including the clearing csrw
}
