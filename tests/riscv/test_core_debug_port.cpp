// The RTL core's debug port alone (no SystemC): debug edges read and write registers, the pc and
// CSRs without being cycles; held exceptions; interrupts masked for a single step; the outputs
// the wrapper halts on.
#include <gtest/gtest.h>

#include <vector>

#include "RtlHarness.h"
#include "RvAsm.h"
#include "RtlDebugPort.h"

using namespace rvasm;
using Pkg = wtm::riscv::RtlPkg;

namespace {

// One access over the debug port; returns the value read (and dbg_ok through `ok`).
uint32_t debugEdge(RtlHarness& h, uint8_t op, uint32_t addr, uint32_t wdata, bool* ok = nullptr) {
  uint32_t value = 0;
  const bool good = wtm::riscv::rtlDebugAccess(h.rtl(), op, addr, wdata, value);
  if (ok) *ok = good;
  return value;
}
uint32_t readReg(RtlHarness& h, uint32_t addr, bool* ok = nullptr) {
  return debugEdge(h, Pkg::DBG_OP_READ, addr, 0, ok);
}
void writeReg(RtlHarness& h, uint32_t addr, uint32_t v) { debugEdge(h, Pkg::DBG_OP_WRITE, addr, v); }
uint32_t csr(unsigned n) { return Pkg::DBG_ADDR_CSR + n; }

}  // namespace

TEST(CoreDebugPort, ReadsAndWritesRegistersWithoutACycle) {
  RtlHarness h;
  h.load(0, {li(a0, 7), addi(a1, a0, 1), add(a2, a1, a1), jal(zero, 0)});
  for (int i = 0; i < 8; ++i) h.step();
  const uint64_t mcycle = h.rtl().cycle_count, minstret = h.rtl().instret_count;
  EXPECT_EQ(readReg(h, a0), 7u);
  EXPECT_EQ(readReg(h, a2), 16u);
  EXPECT_EQ(readReg(h, zero), 0u);
  writeReg(h, a3, 0xDEADBEEF);
  writeReg(h, zero, 5);  // x0 stays 0
  EXPECT_EQ(readReg(h, a3), 0xDEADBEEFu);
  EXPECT_EQ(readReg(h, zero), 0u);
  writeReg(h, Pkg::DBG_ADDR_FPR + 3, 0x3FC00000);
  EXPECT_EQ(readReg(h, Pkg::DBG_ADDR_FPR + 3), 0x3FC00000u);
  writeReg(h, csr(MSCRATCH), 0x1234);  // mscratch
  EXPECT_EQ(readReg(h, csr(MSCRATCH)), 0x1234u);
  bool ok = true;
  readReg(h, csr(0x7FF), &ok);  // no such CSR
  EXPECT_FALSE(ok);
  EXPECT_EQ(readReg(h, csr(0x301)), 0x40001125u);  // misa
  // none of this was a cycle or an instruction
  EXPECT_EQ(h.rtl().cycle_count, mcycle);
  EXPECT_EQ(h.rtl().instret_count, minstret);
}

TEST(CoreDebugPort, WritingThePcRefetchesFromThere) {
  RtlHarness h;
  h.load(0, {li(a0, 1), jal(zero, 0)});
  h.load(0x100, {li(a0, 42), jal(zero, 0)});
  for (int i = 0; i < 6; ++i) h.step();
  EXPECT_EQ(readReg(h, a0), 1u);
  writeReg(h, Pkg::DBG_ADDR_PC, 0x100);
  EXPECT_EQ(readReg(h, Pkg::DBG_ADDR_PC), 0x100u);
  EXPECT_EQ(h.rtl().current_pc, 0x100u);
  for (int i = 0; i < 6; ++i) h.step();
  EXPECT_EQ(readReg(h, a0), 42u);
}

TEST(CoreDebugPort, AHeldExceptionChangesNothingUntilReleased) {
  RtlHarness h;
  h.load(0, {li(a0, 0x200), csrw(MTVEC, a0), 0xFFFFFFFFu, jal(zero, 0)});
  h.load(0x200, {jal(zero, 0)});
  h.rtl().dbg_hold_traps = 1u << 2;  // illegal instruction
  bool held = false;
  for (int i = 0; i < 40 && !held; ++i) {
    h.step();
    held = h.rtl().event_valid && h.rtl().event_kind == Pkg::EVENT_TRAP_HELD;
  }
  ASSERT_TRUE(held);
  EXPECT_EQ(h.rtl().event_cause, 2u);
  EXPECT_EQ(h.rtl().event_pc, 8u);
  // Everything architectural, before and after another held edge: nothing moves.
  auto snapshot = [&] {
    std::vector<uint32_t> v;
    for (uint32_t r = 0; r < 32; ++r) v.push_back(readReg(h, r));
    for (uint32_t n : {0x300u, 0x341u, 0x342u, 0x343u, 0x7C4u, 0x346u, 0xB00u, 0xB02u}) v.push_back(readReg(h, csr(n)));
    v.push_back(readReg(h, Pkg::DBG_ADDR_PC));
    return v;
  };
  const std::vector<uint32_t> before = snapshot();
  h.step();
  EXPECT_EQ(h.rtl().event_kind, Pkg::EVENT_TRAP_HELD);
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(readReg(h, Pkg::DBG_ADDR_PC), 8u);
  EXPECT_EQ(readReg(h, csr(MCAUSE)), 0u);  // mcause untouched
  h.rtl().dbg_hold_traps = 0;
  h.step();
  EXPECT_EQ(h.rtl().event_kind, Pkg::EVENT_EXCEPTION);
  EXPECT_EQ(readReg(h, csr(MCAUSE)) & 0xFFFu, 2u);
}

TEST(CoreDebugPort, StepMaskHoldsAPendingInterruptBack) {
  RtlHarness h;
  // ECLIC mode, handler at 0x400 (non-vectored common entry), MIE on, then a run of addi.
  h.load(0, {li(a0, 0x403), csrw(MTVEC, a0), csrsi(MSTATUS, 8), addi(a1, a1, 1), addi(a1, a1, 1), addi(a1, a1, 1),
             jal(zero, 0)});
  h.load(0x400, {jal(zero, 0)});
  for (int i = 0; i < 8; ++i) h.step();
  h.irqValid = true;
  h.irqId = 19;
  h.irqLevel = 1;
  h.rtl().dbg_irq_mask = 1;
  for (int i = 0; i < 6; ++i) h.step();
  EXPECT_LT(h.rtl().current_pc, 0x400u);  // still in the program, not the handler
  EXPECT_GT(readReg(h, a1), 0u);
  h.rtl().dbg_irq_mask = 0;
  for (int i = 0; i < 8; ++i) h.step();
  EXPECT_EQ(h.rtl().current_pc, 0x400u);
}

TEST(CoreDebugPort, BoundaryAndNextInstructionOutputs) {
  RtlHarness h;
  h.load(0, {li(a0, 1), li(a1, 2), jal(zero, 0)});
  h.step();  // fetch
  EXPECT_TRUE(h.rtl().at_boundary);
  EXPECT_TRUE(h.rtl().insn_next);
  EXPECT_EQ(h.rtl().current_pc, 0u);
}
