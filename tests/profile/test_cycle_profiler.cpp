// The profiler's call-stack rules on synthetic edge streams: what each cycle is charged to.
#include <gtest/gtest.h>

#include <algorithm>

#include "ProfileTestSupport.h"
#include "profile/ControlTransfer.h"

namespace profile_test {
namespace {

using wtm::profile::TransferKind;
using wtm::profile::transferKind;
using Stacks = std::map<std::string, uint64_t>;

CycleProfiler makeProfiler() {
  return CycleProfiler(testFunctions(), [](uint64_t address) { return address < 0x40010000 ? "UART0" : "GPIO"; });
}

TEST(TransferKind, TellsTheControlTransfersApart) {
  EXPECT_EQ(transferKind(kNop), TransferKind::Plain);
  EXPECT_EQ(transferKind(kBeq), TransferKind::Plain);
  EXPECT_EQ(transferKind(jal(kRa)), TransferKind::Call);
  EXPECT_EQ(transferKind(jal(kT0)), TransferKind::Call);  // millicode: jal t0, __riscv_save_0
  EXPECT_EQ(transferKind(jal(0)), TransferKind::Plain);   // j
  EXPECT_EQ(transferKind(jalr(kRa, kA5)), TransferKind::Call);
  EXPECT_EQ(transferKind(kRet), TransferKind::Return);
  EXPECT_EQ(transferKind(jalr(0, kT0)), TransferKind::Return);  // jr t0
  EXPECT_EQ(transferKind(jalr(0, kA5)), TransferKind::Plain);   // jr a5: a jump table or tail call
  EXPECT_EQ(transferKind(kMret), TransferKind::Mret);
  EXPECT_EQ(transferKind(kWfi), TransferKind::Plain);
  EXPECT_EQ(transferKind(kJalmnxti), TransferKind::Jalmnxti);
  EXPECT_EQ(transferKind(csr(2, kRa, 0x7ed, 0)), TransferKind::Jalmnxti);  // csrrs ra, mnxti, x0
  EXPECT_EQ(transferKind(csr(1, 0, 0x7ed, kRa)), TransferKind::Plain);     // csrw mnxti: no link
  EXPECT_EQ(transferKind(csr(3, kRa, 0x7ed, kRa)), TransferKind::Plain);   // csrrc
  EXPECT_EQ(transferKind(csr(1, kRa, 0x300, kRa)), TransferKind::Plain);   // mstatus
  EXPECT_EQ(transferKind(kCNop), TransferKind::Plain);
  EXPECT_EQ(transferKind(kCJal), TransferKind::Call);
  EXPECT_EQ(transferKind(kCJ), TransferKind::Plain);
  EXPECT_EQ(transferKind(cJr(kRa)), TransferKind::Return);
  EXPECT_EQ(transferKind(cJr(kT0)), TransferKind::Return);
  EXPECT_EQ(transferKind(cJr(kA5)), TransferKind::Plain);
  EXPECT_EQ(transferKind(cJalr(kA5)), TransferKind::Call);
  EXPECT_EQ(transferKind(kCMv), TransferKind::Plain);
  EXPECT_EQ(transferKind(0x9002), TransferKind::Plain);  // c.ebreak
}

TEST(CycleProfiler, StraightLineCodeGoesToItsFunction) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.idle(3);  // the pipeline filling before the first instruction retires
  for (uint32_t pc = 0x100; pc < 0x128; pc += 4) d.retire(pc, kNop, 2);
  d.idle(1);
  EXPECT_EQ(p.totalCycles(), 3u + 10 * 2 + 1);
  EXPECT_EQ(folded(p), (Stacks{{"[reset]", 3}, {"main", 21}}));
  const ProfileData data = p.data();
  EXPECT_EQ(data.instructions, 10u);
  EXPECT_EQ(totalsOf(data, "main").instructions, 10u);
  EXPECT_EQ(totalsOf(data, "main").entries, 1u);
}

// main calls foo twice, foo calls bar; every jump is followed by a 2-cycle refetch bubble,
// which belongs to the jumping function.
TEST(CycleProfiler, NestedCallsChargeExclusiveAndInclusiveCycles) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100);
  for (int i = 0; i < 2; ++i) {
    d.retire(0x104, jal(kRa)).idle(2);  // main: call foo
    d.retire(0x200).retire(0x204, jal(kRa)).idle(2);
    d.retire(0x300).retire(0x304, kRet).idle(2);
    d.retire(0x208).retire(0x20c, kRet).idle(2);
  }
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"main", 1 + 2 * 3 + 1}, {"main;foo", 2 * 8}, {"main;foo;bar", 2 * 4}}));
  const ProfileData data = p.data();
  EXPECT_EQ(p.totalCycles(), 32u);
  const FrameTotals main = totalsOf(data, "main");
  const FrameTotals foo = totalsOf(data, "foo");
  const FrameTotals bar = totalsOf(data, "bar");
  EXPECT_EQ(main.exclusive, 8u);
  EXPECT_EQ(main.inclusive, 32u);
  EXPECT_EQ(main.instructions, 4u);
  EXPECT_EQ(main.entries, 1u);
  EXPECT_EQ(foo.exclusive, 16u);
  EXPECT_EQ(foo.inclusive, 24u);
  EXPECT_EQ(foo.instructions, 8u);
  EXPECT_EQ(foo.entries, 2u);
  EXPECT_EQ(bar.exclusive, 8u);
  EXPECT_EQ(bar.inclusive, 8u);
  EXPECT_EQ(bar.entries, 2u);
}

TEST(CycleProfiler, CompressedCallsAndReturns) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100, kCNop).retire(0x102, kCJal);      // main: c.jal foo
  d.retire(0x200, kCMv).retire(0x202, cJalr(kA5));  // foo: c.jalr a5 -> bar
  d.retire(0x300, kCNop).retire(0x302, cJr(kRa));   // bar: c.jr ra
  d.retire(0x204, kCNop).retire(0x206, cJr(kRa));   // foo: ret
  d.retire(0x104, kCNop);                           // main
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;foo", 4}, {"main;foo;bar", 2}}));
}

TEST(CycleProfiler, MillicodeCallsThroughT0) {
  CycleProfiler p(testFunctions(), nullptr);
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kT0));      // jal t0, bar (a __riscv_save_N)
  d.retire(0x300).retire(0x304, jalr(0, kT0));  // jr t0
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;bar", 2}}));
}

TEST(CycleProfiler, TailCallAndFallThroughReplaceTheTop) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));  // main calls foo
  d.retire(0x200).retire(0x204, jal(0));    // foo: j bar (tail call)
  d.retire(0x300).retire(0x304, kRet);      // bar returns to main
  d.retire(0x108).retire(0x10c, jal(kRa));  // main calls foo again
  d.retire(0x238).retire(0x23c);            // foo's last instruction falls through
  d.retire(0x240).retire(0x244, kRet);      // after_foo returns to main
  d.retire(0x110);
  EXPECT_EQ(folded(p), (Stacks{{"main", 5}, {"main;foo", 4}, {"main;bar", 2}, {"main;after_foo", 2}}));
  const ProfileData data = p.data();
  EXPECT_EQ(totalsOf(data, "bar").entries, 1u);
  EXPECT_EQ(totalsOf(data, "after_foo").entries, 1u);
  EXPECT_EQ(totalsOf(data, "foo").entries, 2u);
}

TEST(CycleProfiler, BranchesAndJumpsInsideAFunctionChangeNothing) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  for (int i = 0; i < 5; ++i) d.retire(0x100).retire(0x104, kBeq).retire(0x100, jal(0)).retire(0x120, kCJ);
  EXPECT_EQ(folded(p), (Stacks{{"main", 20}}));
  EXPECT_EQ(totalsOf(p.data(), "main").entries, 1u);
}

// fact(3) -> fact(2) -> fact(1): inclusive cycles count once, exclusive add up.
TEST(CycleProfiler, RecursionCountsInclusiveCyclesOnce) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x600).retire(0x604, jal(kRa));                          // fact(3)
  d.retire(0x600).retire(0x604, jal(kRa));                          // fact(2)
  d.retire(0x600).retire(0x604).retire(0x608).retire(0x60c, kRet);  // fact(1)
  d.retire(0x608).retire(0x60c, kRet);
  d.retire(0x608).retire(0x60c, kRet);
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;fact", 4}, {"main;fact;fact", 4}, {"main;fact;fact;fact", 4}}));
  const FrameTotals fact = totalsOf(p.data(), "fact");
  EXPECT_EQ(fact.exclusive, 12u);
  EXPECT_EQ(fact.inclusive, 12u);
  EXPECT_EQ(fact.entries, 3u);
  EXPECT_EQ(totalsOf(p.data(), "main").inclusive, 15u);
}

// An interrupt in the middle of foo: the handler is pushed on top of main;foo, its own call
// nests under it, and mret goes back to foo.
TEST(CycleProfiler, InterruptInTheMiddleOfAFunction) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x200).retire(0x204).trap(3);  // taken after 0x204; the entry cycles are foo's
  d.retire(0x400).retire(0x404, jal(kRa));
  d.retire(0x300).retire(0x304, kRet);
  d.retire(0x408).retire(0x40c, kMret).idle(2);
  d.retire(0x208).retire(0x20c, kRet);
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;foo", 7}, {"main;foo;handler", 6}, {"main;foo;handler;bar", 2}}));
  EXPECT_EQ(totalsOf(p.data(), "handler").entries, 1u);
}

// mret pops back to the interrupted stack even when the handler left frames above itself.
TEST(CycleProfiler, MretIgnoresUnbalancedCallsOfTheHandler) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x200).trap();
  d.retire(0x400).retire(0x404, jal(kRa));  // handler calls bar, which never returns...
  d.retire(0x300).retire(0x304, jal(kRa));  // ...but calls fact...
  d.retire(0x600).retire(0x604, kMret);     // ...which ends the interrupt
  d.retire(0x204).retire(0x208, kRet);
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3},
                               {"main;foo", 4},
                               {"main;foo;handler", 2},
                               {"main;foo;handler;bar", 2},
                               {"main;foo;handler;bar;fact", 2}}));
}

// A ret in a trap handler's own frame (unbalanced) does not pop the interrupted function.
TEST(CycleProfiler, ReturnNeverPopsATrapFrame) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x200).trap();
  d.retire(0x400).retire(0x404, kRet);  // lands in bar: replaces the trap frame's function
  d.retire(0x300).retire(0x304, kMret);
  d.retire(0x204).retire(0x208, kRet);
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;foo", 4}, {"main;foo;handler", 2}, {"main;foo;bar", 2}}));
}

// The interrupt comes right after a call retired: the callee has not run yet. The call is
// decided after the mret, which goes to the callee's first instruction.
TEST(CycleProfiler, InterruptRightAfterACall) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa)).trap(2);
  d.retire(0x400).retire(0x404, kMret);
  d.retire(0x200).retire(0x204, kRet);
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"main", 5}, {"main;handler", 2}, {"main;foo", 2}}));
  EXPECT_EQ(totalsOf(p.data(), "foo").entries, 1u);
}

// Tail-chained interrupts: another one is taken right after the first one's mret retired.
TEST(CycleProfiler, BackToBackInterruptsAfterMret) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x200).trap();
  d.retire(0x400).retire(0x404, kMret).trap();  // the second one is taken before foo resumes
  d.retire(0x500).retire(0x504, kMret);
  d.retire(0x204).retire(0x208, kRet);
  d.retire(0x108);
  EXPECT_EQ(folded(p),
            (Stacks{{"main", 3}, {"main;foo", 4}, {"main;foo;handler", 3}, {"main;foo;handler;isr_entry", 2}}));
  // The second handler nests under the first one's frame: mret had not popped it yet when it was
  // taken. Both mrets then pop, and foo is back on top.
}

// Nested interrupts: a higher-level one preempts the handler.
TEST(CycleProfiler, NestedInterrupts) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).trap();
  d.retire(0x400).retire(0x404).trap();
  d.retire(0x500).retire(0x504, kMret);
  d.retire(0x408).retire(0x40c, kMret);
  d.retire(0x104);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;handler", 5}, {"main;handler;isr_entry", 2}}));
}

// The ECLIC's common interrupt entry calls the handlers with jalmnxti; one that finds nothing
// pending falls through to the next instruction and is no call.
TEST(CycleProfiler, JalmnxtiCallsTheHandler) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).trap();
  d.retire(0x500).retire(0x504, kJalmnxti);  // -> handler
  d.retire(0x400).retire(0x404, kRet);
  d.retire(0x508).retire(0x50c, kJalmnxti);  // nothing pending: no call
  d.retire(0x510).retire(0x514, kMret);
  d.retire(0x104);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;isr_entry", 6}, {"main;isr_entry;handler", 2}}));
  EXPECT_EQ(totalsOf(p.data(), "handler").entries, 1u);
}

// Returns with nothing to return to (the profile started inside a call), mret without a trap:
// the outermost frame is replaced, never popped.
TEST(CycleProfiler, UnbalancedReturnsKeepTheRoot) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x200).retire(0x204, kRet);  // foo returns into main
  d.retire(0x108).retire(0x10c, kRet);  // main returns into _start
  d.retire(0x90).retire(0x94, kRet);    // _start returns into _start
  d.retire(0x90).retire(0x94, kMret);   // mret with no trap: a jump into main
  d.retire(0x100).retire(0x104, kRet);
  d.retire(0x100);
  EXPECT_EQ(folded(p), (Stacks{{"foo", 2}, {"main", 5}, {"_start", 4}}));
  EXPECT_EQ(p.totalCycles(), 11u);
}

TEST(CycleProfiler, DeepRecursionIsCappedAndUnwindsWithoutCrashing) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  const int depth = 1000;  // calls of fact: 1 + depth
  for (int i = 0; i < depth; ++i) d.retire(0x600).retire(0x604, jal(kRa));
  for (int i = 0; i <= depth; ++i) d.retire(0x608, kRet);
  d.retire(0x108);
  for (int i = 0; i < 10; ++i) d.retire(0x10c, kRet).retire(0x10c);  // more returns than calls
  const Stacks stacks = folded(p);
  EXPECT_EQ(sumOf(stacks), p.totalCycles());
  EXPECT_EQ(p.totalCycles(), 2u + 2 * depth + (depth + 1) + 1 + 20);
  size_t deepest = 0;
  for (const auto& [stack, cycles] : stacks)
    deepest = std::max<size_t>(deepest, std::count(stack.begin(), stack.end(), ';') + 1);
  EXPECT_EQ(deepest, CycleProfiler::kMaxDepth);
  EXPECT_EQ(totalsOf(p.data(), "fact").entries, static_cast<uint64_t>(depth + 1));
  EXPECT_EQ(stacks.at("main"), 2u + 1 + 20);  // unwound all the way back
}

// Stretches of code without a symbol lie between symbols: here [0x640, 0x9080) and
// [0x9090, 4 GiB), around rom_table.
TEST(CycleProfiler, UnknownCodeIsNamedAfterWhereItWasEntered) {
  std::vector<ProfileFunction> functions = testFunctions();
  functions.push_back({"rom_table", 0x9080, 0x10});
  CycleProfiler p(functions, nullptr);
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));  // call into code without a symbol
  d.retire(0x9000).retire(0x9004).retire(0x9008, kBeq);
  d.retire(0x9000).retire(0x9004, jal(0));        // a jump within the same stretch: same frame
  d.retire(0x9100).retire(0x9104, jalr(0, kA5));  // into the next stretch: replaces the top
  d.retire(0xa000).retire(0xa004, kRet);          // same stretch; returns to main
  d.retire(0x108).retire(0x10c, jal(kRa));        // the same entry again: the same frame
  d.retire(0x9000).retire(0x9004, kRet);
  d.retire(0x110);
  EXPECT_EQ(folded(p), (Stacks{{"main", 5}, {"main;[0x00009000]", 7}, {"main;[0x00009100]", 4}}));
  EXPECT_EQ(totalsOf(p.data(), "[0x00009000]").entries, 2u);
  EXPECT_EQ(totalsOf(p.data(), "[0x00009100]").entries, 1u);
}

TEST(CycleProfiler, UnknownFramesAreBounded) {
  CycleProfiler p(testFunctions(), nullptr);
  Driver d(p);
  const uint32_t calls = CycleProfiler::kMaxUnknownFrames + 100;
  for (uint32_t i = 0; i < calls; ++i) {
    d.retire(0x100).retire(0x104, jal(kRa));
    d.retire(0x100000 + 4 * i, kRet);
  }
  const ProfileData data = p.data();
  EXPECT_EQ(totalsOf(data, "[unknown]").entries, 100u);
  EXPECT_EQ(totalsOf(data, "[unknown]").exclusive, 100u);
  EXPECT_EQ(data.frames.size(), testFunctions().size() + 4 + CycleProfiler::kMaxUnknownFrames);
}

TEST(CycleProfiler, ProfileWithoutSymbolsStillHasCallStacks) {
  CycleProfiler p({}, nullptr);
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x200).retire(0x204, kRet);
  d.retire(0x108);
  EXPECT_EQ(folded(p), (Stacks{{"[0x00000100]", 3}, {"[0x00000100];[0x00000200]", 2}}));
}

TEST(CycleProfiler, SleepIsALeafUnderTheSleepingStack) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x200).retire(0x204, kWfi);
  p.slept(1000);
  d.idle(2).retire(0x208, kRet);
  d.retire(0x108, kWfi);
  p.slept(500);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;[wfi]", 500}, {"main;foo", 5}, {"main;foo;[wfi]", 1000}}));
  EXPECT_EQ(p.totalCycles(), 1508u);
  const ProfileData data = p.data();
  EXPECT_EQ(data.sleepCycles, 1500u);
  EXPECT_EQ(data.sleeps, 2u);
  EXPECT_EQ(totalsOf(data, "[wfi]").exclusive, 1500u);
  EXPECT_EQ(totalsOf(data, "foo").inclusive, 1005u);
}

TEST(CycleProfiler, MmioStallsMoveOutOfTheStacksOwnCycles) {
  int asked = 0;
  CycleProfiler p(testFunctions(), [&](uint64_t address) {
    ++asked;
    return address < 0x40010000 ? "UART0" : "GPIO";
  });
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa));
  d.retire(0x200).retire(0x204);  // lw from UART0, 6 stall cycles, reported before they pass
  p.mmioStall(0x40000004, 6);
  d.idle(6).retire(0x208);
  p.mmioStall(0x40000004, 6);  // the same register again, reported after
  d.idle(6).retire(0x20c);
  d.retire(0x210);
  p.mmioStall(0x40010000, 3);
  d.idle(3).retire(0x214, kRet);
  d.retire(0x108);
  EXPECT_EQ(asked, 2);  // once per address
  EXPECT_EQ(folded(p),
            (Stacks{{"main", 3}, {"main;foo", 6}, {"main;foo;[mmio UART0]", 12}, {"main;foo;[mmio GPIO]", 3}}));
  const ProfileData data = p.data();
  EXPECT_EQ(data.mmioStallCycles, 15u);
  EXPECT_EQ(data.mmioAccesses, 3u);
  EXPECT_EQ(data.mmioUnattributedCycles, 0u);
  EXPECT_EQ(totalsOf(data, "[mmio UART0]").entries, 2u);
  EXPECT_EQ(totalsOf(data, "foo").exclusive, 6u);
  EXPECT_EQ(totalsOf(data, "foo").inclusive, 21u);
}

TEST(CycleProfiler, MmioStallsNeverTakeMoreThanTheStackHas) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.retire(0x100, kNop, 4);
  p.mmioStall(0x40000000, 10);  // more than main's 4 cycles
  const ProfileData data = p.data();
  EXPECT_EQ(folded(p), (Stacks{{"main;[mmio UART0]", 4}}));
  EXPECT_EQ(data.mmioStallCycles, 4u);
  EXPECT_EQ(data.mmioUnattributedCycles, 6u);
  EXPECT_EQ(p.totalCycles(), 4u);
  d.retire(0x104, kNop, 20);  // the clamp applies when the profile is read: later cycles pay the rest
  EXPECT_EQ(folded(p), (Stacks{{"main", 14}, {"main;[mmio UART0]", 10}}));
}

TEST(CycleProfiler, EmptyRegionNamesStillGetAFrame) {
  CycleProfiler p(testFunctions(), [](uint64_t) { return std::string(); });
  Driver d(p);
  d.retire(0x100, kNop, 4);
  p.mmioStall(0x12345678, 1);
  EXPECT_EQ(folded(p), (Stacks{{"main", 3}, {"main;[mmio unknown region]", 1}}));
}

TEST(CycleProfiler, CyclesBeforeTheFirstInstructionAndTrapsBeforeIt) {
  CycleProfiler p = makeProfiler();
  Driver d(p);
  d.idle(5).trap(1);
  d.retire(0x400).retire(0x404, kMret);
  d.retire(0x100);
  EXPECT_EQ(folded(p), (Stacks{{"[reset]", 6}, {"[reset];handler", 2}, {"main", 1}}));
}

// Duplicate names (static functions of two files) get their addresses; aliases and overlaps
// resolve to one function per address.
TEST(CycleProfiler, DuplicateNamesAreTold) {
  CycleProfiler p({{"helper", 0x100, 0x10}, {"helper", 0x200, 0x10}}, nullptr);
  Driver d(p);
  d.retire(0x100).retire(0x104, jal(kRa)).retire(0x200);
  EXPECT_EQ(folded(p), (Stacks{{"helper@0x00000100", 2}, {"helper@0x00000100;helper@0x00000200", 1}}));
}

}  // namespace
}  // namespace profile_test
