// TIMER0-3 (DW_apb_timers) model: reset values, user-defined and free-running counting computed
// from simulated time, interrupt edges at the exact wrap tick, mask / EOI / TIMERS_EOI, disable,
// LOADCOUNT changes at the next reload, PWM periods, clock changes and per-timer clocks, and
// temporally decoupled reads. Every scenario runs in the testbench thread (MmioTestbench.h).
#include <gtest/gtest.h>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/timer/TimerBlock.h"
#include "periph/timer/timer_regs.h"

using namespace periph_test;
using namespace wtm::periph::timer;
using sc_core::SC_NS;
using sc_core::SC_US;
using wtm::periph::TimerBlock;

int sc_main(int, char**) { return 0; }

namespace {

constexpr uint32_t kStride = T1_LOADCOUNT - LOADCOUNT;
constexpr uint32_t kUserMode = 0x2;  // CONTROL.MODE
constexpr uint32_t kEnable = 0x1;
constexpr uint32_t kMask = 0x4;
constexpr uint32_t kPwm = 0x8;

struct Bench {
  wtm::ClockDomain clock{"timclk", 1e6};    // 1 us ticks
  wtm::ClockDomain other{"otherclk", 2e6};  // for per-timer clocks
  TimerBlock timers{"timers", clock};
  sc_core::sc_signal<bool> irq[4];
  MmioTestbench tb{"tb", timers};
  Bench() {
    for (unsigned n = 0; n < 4; ++n) timers.irq[n].bind(irq[n]);
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    b.clock.setFrequency(1e6);
    b.other.setFrequency(2e6);
    for (unsigned n = 0; n < 4; ++n) b.timers.setTimerClock(n, b.clock);
    b.timers.reset();
  })) << "scenario blocked";
}

// Waits until the next whole microsecond so tick arithmetic in a test is exact.
void alignToTick(MmioTestbench& tb) {
  const uint64_t ps = sc_core::sc_time_stamp().value();
  const uint64_t us = 1000000;  // ps
  tb.wait(sc_time(static_cast<double>(us - ps % us), sc_core::SC_PS));
}

uint32_t reg(unsigned n, uint32_t r) { return n * kStride + r; }

}  // namespace

TEST(TimerBlock, ResetValues) {
  runScenario([](MmioTestbench& tb) {
    for (unsigned n = 0; n < 4; ++n) {
      EXPECT_EQ(tb.read(reg(n, LOADCOUNT)), 0u);
      EXPECT_EQ(tb.read(reg(n, CURRENTVALUE)), 0u);
      EXPECT_EQ(tb.read(reg(n, CONTROL)), 0u);
      EXPECT_EQ(tb.read(reg(n, INTSTATUS)), 0u);
      EXPECT_EQ(tb.read(LOADCOUNT2 + 4 * n), 0u);
      EXPECT_FALSE(bench().irq[n].read());
    }
    EXPECT_EQ(tb.read(TIMERS_INTSTATUS), 0u);
    EXPECT_EQ(tb.read(TIMERS_RAWINTSTATUS), 0u);
    EXPECT_NE(tb.read(TIMERS_COMP_VERSION), 0u);
  });
}

TEST(TimerBlock, UserDefinedModeCountsDownAndInterruptsEveryLoadPlusOneTicks) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 999);
    tb.write(CONTROL, kUserMode | kEnable);
    EXPECT_EQ(tb.read(CURRENTVALUE), 999u);
    tb.wait(500, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), 499u);
    tb.wait(499, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), 0u);
    EXPECT_FALSE(bench().irq[0].read());
    EXPECT_EQ(tb.read(INTSTATUS), 0u);
    tb.wait(1, SC_US);  // the wrap: 1000 ticks after the enable
    tb.settle();
    EXPECT_TRUE(bench().irq[0].read());
    EXPECT_EQ(tb.read(CURRENTVALUE), 999u);
    EXPECT_EQ(tb.read(INTSTATUS), 1u);
    EXPECT_EQ(tb.read(TIMERS_INTSTATUS), 1u);
    EXPECT_EQ(tb.read(TIMERS_RAWINTSTATUS), 1u);
    tb.wait(300, SC_US);
    EXPECT_TRUE(bench().irq[0].read());  // a level until EOI
    EXPECT_EQ(tb.read(EOI), 0u);
    tb.settle();
    EXPECT_FALSE(bench().irq[0].read());
    EXPECT_EQ(tb.read(INTSTATUS), 0u);
    EXPECT_EQ(tb.read(CURRENTVALUE), 699u);
    // The next wrap, at 2000 ticks, raises it again.
    tb.wait(699, SC_US);
    tb.settle();
    EXPECT_FALSE(bench().irq[0].read());
    tb.wait(1, SC_US);
    tb.settle();
    EXPECT_TRUE(bench().irq[0].read());
  });
}

TEST(TimerBlock, InterruptEdgeComesAtTheWrapTimeExactly) {
  runScenario([](MmioTestbench& tb) {
    tb.write(LOADCOUNT, 49);
    tb.write(CONTROL, kUserMode | kEnable);
    const sc_time start = sc_core::sc_time_stamp();
    tb.wait(bench().irq[0].posedge_event());
    const sc_time first = sc_core::sc_time_stamp() - start;
    // Within one tick of 50 us (the enable need not sit on a tick edge).
    EXPECT_GT(first, sc_time(49, SC_US));
    EXPECT_LE(first, sc_time(50, SC_US));
    tb.read(EOI);
    const sc_time t1 = sc_core::sc_time_stamp();
    tb.wait(bench().irq[0].posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - t1, sc_time(50, SC_US));  // wrap to wrap: exactly 50 ticks
  });
}

TEST(TimerBlock, MaskedInterruptIsRawOnlyUntilUnmasked) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 9);
    tb.write(CONTROL, kUserMode | kMask | kEnable);
    tb.wait(15, SC_US);
    tb.settle();
    EXPECT_FALSE(bench().irq[0].read());
    EXPECT_EQ(tb.read(INTSTATUS), 0u);
    EXPECT_EQ(tb.read(TIMERS_INTSTATUS), 0u);
    EXPECT_EQ(tb.read(TIMERS_RAWINTSTATUS), 1u);
    tb.write(CONTROL, kUserMode | kEnable);  // unmask, as TIMER_Set_Interrupt_Enable_Cmd does
    tb.settle();
    EXPECT_TRUE(bench().irq[0].read());
    EXPECT_EQ(tb.read(CURRENTVALUE), 4u);  // unmasking does not restart the count
  });
}

TEST(TimerBlock, FreeRunningModeReloadsTheFullCounter) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 10);
    tb.write(CONTROL, kEnable);  // MODE = 0
    tb.wait(11, SC_US);
    tb.settle();
    EXPECT_TRUE(bench().irq[0].read());
    EXPECT_EQ(tb.read(CURRENTVALUE), TimerBlock::kCounterMask);
    tb.wait(5, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), TimerBlock::kCounterMask - 5);
  });
}

TEST(TimerBlock, LoadCountChangeAppliesAtTheNextReload) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 99);
    tb.write(CONTROL, kUserMode | kEnable);
    tb.wait(40, SC_US);
    tb.write(LOADCOUNT, 19);
    EXPECT_EQ(tb.read(LOADCOUNT), 19u);
    EXPECT_EQ(tb.read(CURRENTVALUE), 59u);  // the running period is not cut short
    tb.wait(60, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), 19u);  // reloaded with the new value
    tb.read(EOI);
    tb.wait(20, SC_US);
    tb.settle();
    EXPECT_TRUE(bench().irq[0].read());
    EXPECT_EQ(tb.read(CURRENTVALUE), 19u);
  });
}

TEST(TimerBlock, LoadCountIsTwentyFourBitsWide) {
  runScenario([](MmioTestbench& tb) {
    tb.write(LOADCOUNT, 0xFFFFFFFF);
    EXPECT_EQ(tb.read(LOADCOUNT), 0xFFFFFFu);
    tb.write(CONTROL, 0xFF);
    EXPECT_EQ(tb.read(CONTROL), 0xFu);
  });
}

TEST(TimerBlock, DisableClearsTheInterruptAndFreezesTheCount) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 9);
    tb.write(CONTROL, kUserMode | kEnable);
    tb.wait(13, SC_US);
    tb.settle();
    EXPECT_TRUE(bench().irq[0].read());
    tb.write(CONTROL, kUserMode);
    tb.settle();
    EXPECT_FALSE(bench().irq[0].read());
    EXPECT_EQ(tb.read(TIMERS_RAWINTSTATUS), 0u);
    const uint32_t frozen = tb.read(CURRENTVALUE);
    EXPECT_EQ(frozen, 6u);
    tb.wait(100, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), frozen);
    tb.settle();
    EXPECT_FALSE(bench().irq[0].read());
    tb.write(CONTROL, kUserMode | kEnable);  // re-enable reloads LOADCOUNT
    EXPECT_EQ(tb.read(CURRENTVALUE), 9u);
  });
}

TEST(TimerBlock, TimersEoiClearsEveryTimer) {
  runScenario([](MmioTestbench& tb) {
    for (unsigned n = 0; n < 4; ++n) {
      tb.write(reg(n, LOADCOUNT), 4 + n);
      tb.write(reg(n, CONTROL), kUserMode | kEnable);
    }
    tb.wait(10, SC_US);
    tb.settle();
    EXPECT_EQ(tb.read(TIMERS_INTSTATUS), 0xFu);
    for (unsigned n = 0; n < 4; ++n) EXPECT_TRUE(bench().irq[n].read()) << n;
    EXPECT_EQ(tb.read(reg(2, EOI)), 0u);  // one timer's EOI touches only that timer
    EXPECT_EQ(tb.read(TIMERS_INTSTATUS), 0xBu);
    EXPECT_EQ(tb.read(TIMERS_EOI), 0u);
    tb.settle();
    EXPECT_EQ(tb.read(TIMERS_INTSTATUS), 0u);
    for (unsigned n = 0; n < 4; ++n) EXPECT_FALSE(bench().irq[n].read()) << n;
  });
}

TEST(TimerBlock, PwmModeAlternatesLoadCountAndLoadCount2) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 9);    // 10 ticks
    tb.write(LOADCOUNT2, 19);  // 20 ticks
    tb.write(CONTROL, kUserMode | kPwm | kEnable);
    tb.wait(10, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), 19u);  // first wrap: LOADCOUNT2 period
    tb.wait(20, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), 9u);  // second wrap: back to LOADCOUNT
    tb.wait(10, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), 19u);
    tb.wait(5, SC_US);
    EXPECT_EQ(tb.read(CURRENTVALUE), 14u);
  });
}

TEST(TimerBlock, ClockChangeKeepsTheTicksAlreadyCounted) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 999);
    tb.write(CONTROL, kUserMode | kEnable);
    const sc_time start = sc_core::sc_time_stamp();
    tb.wait(500, SC_US);
    bench().clock.setFrequency(2e6);  // the remaining 500 ticks take 250 us
    EXPECT_EQ(tb.read(CURRENTVALUE), 499u);
    tb.wait(bench().irq[0].posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - start, sc_time(750, SC_US));
  });
}

TEST(TimerBlock, EachTimerCanCountAtItsOwnClock) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    bench().timers.setTimerClock(1, bench().other);  // 2 MHz
    EXPECT_EQ(&bench().timers.timerClock(1), &bench().other);
    tb.write(reg(0, LOADCOUNT), 99);
    tb.write(reg(1, LOADCOUNT), 99);
    tb.write(reg(0, CONTROL), kUserMode | kEnable);
    tb.write(reg(1, CONTROL), kUserMode | kEnable);
    tb.wait(40, SC_US);
    EXPECT_EQ(tb.read(reg(0, CURRENTVALUE)), 59u);
    EXPECT_EQ(tb.read(reg(1, CURRENTVALUE)), 19u);
    tb.wait(10, SC_US);
    tb.settle();
    EXPECT_TRUE(bench().irq[1].read());
    EXPECT_FALSE(bench().irq[0].read());
  });
}

TEST(TimerBlock, DecoupledAccessesSeeTheCpusLocalTime) {
  runScenario([](MmioTestbench& tb) {
    alignToTick(tb);
    tb.write(LOADCOUNT, 99);
    tb.write(CONTROL, kUserMode | kEnable);
    // A CPU 30 us ahead of the kernel reads the counter and, past the wrap, the status.
    EXPECT_EQ(tb.read(CURRENTVALUE, 4, sc_time(30, SC_US)), 69u);
    EXPECT_EQ(tb.read(INTSTATUS, 4, sc_time(100, SC_US)), 1u);
    EXPECT_EQ(tb.read(EOI, 4, sc_time(100, SC_US)), 0u);
    EXPECT_EQ(tb.read(INTSTATUS, 4, sc_time(101, SC_US)), 0u);
    // The kernel catches up with the CPU's local time before the next scenario, as a CPU's time
    // never goes back (the model's time stays at the latest access, reset or not).
    tb.wait(101, SC_US);
  });
}

TEST(TimerBlock, UndefinedOffsetsAreLeftToTheBase) {
  runScenario([](MmioTestbench& tb) {
    uint32_t v = 0;
    EXPECT_EQ(tb.transport(false, 0x50, v, 4, SC_ZERO_TIME), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(v, 0u);
  });
}

// A debugger reads the interrupt status and the EOI registers of a timer whose interrupt is
// pending: it sees the status, the EOI reads clear nothing, and the line stays high until the
// firmware's own EOI read.
TEST(TimerBlock, DebugReadsOfEoiClearNothing) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    alignToTick(tb);
    tb.write(reg(1, LOADCOUNT), 99);
    tb.write(reg(1, CONTROL), kUserMode | kEnable);
    tb.wait(100, SC_US);  // the wrap
    tb.settle();
    ASSERT_TRUE(b.irq[1].read());
    tb.wait(10, SC_US);
    expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(reg(1, INTSTATUS)), 1u);
      EXPECT_EQ(tb.debugRead(reg(1, EOI)), 0u);
      EXPECT_EQ(tb.debugRead(TIMERS_EOI), 0u);
      EXPECT_EQ(tb.debugRead(TIMERS_INTSTATUS), 0x2u);
      EXPECT_EQ(tb.debugRead(TIMERS_RAWINTSTATUS), 0x2u);
      EXPECT_EQ(tb.debugRead(reg(1, CURRENTVALUE)), 89u);
    });
    tb.settle();
    EXPECT_TRUE(b.irq[1].read()) << "a debug read of EOI cleared the interrupt";
    EXPECT_EQ(tb.read(TIMERS_RAWINTSTATUS), 0x2u);
    EXPECT_EQ(tb.read(reg(1, CURRENTVALUE)), 89u);
    tb.read(reg(1, EOI));
    tb.settle();
    EXPECT_FALSE(b.irq[1].read());
    EXPECT_EQ(tb.read(TIMERS_RAWINTSTATUS), 0u);
    // A wrap that has happened but that no access has taken in yet shows in a debug read and is
    // still taken in (once, at its tick) by the model: the line rises at the wrap as before.
    tb.wait(89, SC_US);
    tb.settle();
    EXPECT_FALSE(b.irq[1].read());
    tb.wait(1, SC_US);
    EXPECT_EQ(tb.debugRead(TIMERS_RAWINTSTATUS), 0x2u);
    tb.settle();
    EXPECT_TRUE(b.irq[1].read());
    tb.write(reg(1, CONTROL), 0);
  });
}
