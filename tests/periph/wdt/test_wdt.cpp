// Watchdog (DW_apb_wdt) model: reset values, timeout periods from TORR.TOP, interrupt mode with
// the reset at the second uncleared timeout, reset mode, kicks, EOI, the sticky enable and clock
// changes; the reset reaches the platform's handler with its simulated time.
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/wdt/WatchdogTimer.h"
#include "periph/wdt/wdt_regs.h"

using namespace periph_test;
using namespace wtm::periph::wdt;
using sc_core::SC_MS;
using sc_core::SC_US;
using wtm::periph::WatchdogTimer;

int sc_main(int, char**) { return 0; }

namespace {

constexpr uint32_t kKick = 0x76;
const sc_time kPeriod0(65536, SC_US);  // 2^16 cycles at 1 MHz (TOP = 0)

struct Bench {
  wtm::ClockDomain clock{"wdtclk", 1e6};
  wtm::ClockDomain fast{"fastclk", 4e6};  // another watchdog clock source
  WatchdogTimer wdt{"wdt", clock};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", wdt};
  std::vector<sc_time> resets;
  Bench() {
    wdt.irq.bind(irq);
    wdt.onSystemReset([this](const sc_time& at) { resets.push_back(at); });
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void alignToTick(MmioTestbench& tb) {
  const uint64_t ps = sc_core::sc_time_stamp().value(), us = 1000000;
  tb.wait(sc_time(static_cast<double>(us - ps % us), sc_core::SC_PS));
}

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    b.clock.setFrequency(1e6);
    b.wdt.setClock(b.clock);
    b.wdt.reset();
    b.resets.clear();
    alignToTick(b.tb);
  })) << "scenario blocked";
}

// wdt_config of the vendor examples: TOP, kick, enable.
void vendorStart(MmioTestbench& tb, uint32_t top) {
  tb.write(TORR, top << TORR_TOP.lsb);
  tb.write(CRR, kKick);
  tb.write(CR, tb.read(CR) | CR_WDT_EN.mask());
}

}  // namespace

TEST(WatchdogTimer, ResetValues) {
  runScenario([](MmioTestbench& tb) {
    EXPECT_EQ(tb.read(CR), CR_RMOD.mask());  // interrupt mode, disabled
    EXPECT_EQ(tb.read(TORR), 0u);
    EXPECT_EQ(tb.read(CCVR), 0xFFFFFFFFu);
    EXPECT_EQ(tb.read(STAT), 0u);
    const uint32_t p1 = tb.read(COMP_PARAMS_1);
    EXPECT_TRUE(COMP_PARAMS_1_DFLT_RMOD.test(p1));
    EXPECT_TRUE(COMP_PARAMS_1_USE_FIX_TOP.test(p1));
    EXPECT_EQ(COMP_PARAMS_1_CNT_WIDTH.get(p1), 16u);  // 32-bit counter
    EXPECT_EQ(tb.read(COMP_TYPE), 0x44570120u);
    EXPECT_FALSE(bench().irq.read());
  });
}

TEST(WatchdogTimer, InterruptAtTimeoutThenSystemResetIfNotCleared) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    vendorStart(tb, 0);
    EXPECT_EQ(tb.read(CCVR), 65535u);
    tb.wait(kPeriod0 - sc_time(1, SC_US));
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(CCVR), 0u);
    tb.wait(1, SC_US);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    EXPECT_EQ(tb.read(STAT), 1u);
    EXPECT_EQ(tb.read(CCVR), 65535u);  // reloaded
    EXPECT_TRUE(b.resets.empty());
    tb.wait(kPeriod0);
    tb.settle();
    ASSERT_EQ(b.resets.size(), 1u);
    EXPECT_EQ(b.resets[0] - start, kPeriod0 + kPeriod0);
    EXPECT_TRUE(b.wdt.resetOccurred());
    EXPECT_FALSE(b.irq.read());
    tb.wait(5 * kPeriod0);
    EXPECT_EQ(b.resets.size(), 1u);  // reported once; the watchdog stops
  });
}

TEST(WatchdogTimer, ClearingTheInterruptKeepsItRunningWithoutKicks) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    vendorStart(tb, 0);
    const sc_time start = sc_core::sc_time_stamp();
    std::vector<sc_time> irqs;
    while (irqs.size() < 5) {  // the vendor WDG_IRQHandler: read WDT_EOI only
      tb.wait(b.irq.posedge_event());
      irqs.push_back(sc_core::sc_time_stamp() - start);
      EXPECT_EQ(tb.read(EOI), 0u);
      tb.settle();
      EXPECT_FALSE(b.irq.read());
    }
    for (size_t i = 0; i < irqs.size(); ++i) EXPECT_EQ(irqs[i], kPeriod0 * static_cast<double>(i + 1)) << i;
    EXPECT_TRUE(b.resets.empty());
  });
}

TEST(WatchdogTimer, KicksPreventTheTimeout) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    vendorStart(tb, 0);
    for (int i = 0; i < 10; ++i) {
      tb.wait(kPeriod0 / 2.0);
      tb.write(CRR, kKick);
    }
    tb.write(CRR, 0x75);  // wrong key: ignored
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(STAT), 0u);
    tb.wait(kPeriod0);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    tb.write(CRR, kKick);  // a kick also clears the interrupt
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_TRUE(b.resets.empty());
  });
}

TEST(WatchdogTimer, ResetModeResetsAtTheFirstTimeout) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    tb.write(CR, CR_WDT_EN.mask());  // RMOD = 0
    tb.wait(kPeriod0 + sc_time(1, SC_US));
    tb.settle();
    ASSERT_EQ(b.resets.size(), 1u);
    EXPECT_EQ(b.resets[0] - start, kPeriod0);
    EXPECT_FALSE(b.irq.read());
  });
}

TEST(WatchdogTimer, EnableIsStickyAndTopSelectsThePeriod) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    vendorStart(tb, 4);            // 2^20 cycles
    tb.write(CR, CR_RMOD.mask());  // WDT_EN = 0: cannot be disabled
    EXPECT_TRUE(CR_WDT_EN.test(tb.read(CR)));
    EXPECT_EQ(tb.read(CCVR), (1u << 20) - 1);
    tb.write(TORR, 0);  // applies at the next load
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - start, sc_time(1 << 20, SC_US));
    tb.write(CRR, kKick);
    EXPECT_EQ(tb.read(CCVR), 65535u);
  });
}

TEST(WatchdogTimer, AFasterClockShortensTheRemainingTime) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    vendorStart(tb, 0);
    tb.wait(kPeriod0 / 2.0);
    b.clock.setFrequency(2e6);  // the remaining 32768 cycles take 16.384 ms
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - start, sc_time(32768 + 16384, SC_US));
  });
}

TEST(WatchdogTimer, SetClockSwitchesToAnotherDomain) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    vendorStart(tb, 0);
    tb.wait(kPeriod0 / 2.0);
    b.wdt.setClock(b.fast);  // PMU WDTCLK_SEL changed: 32768 cycles left at 4 MHz
    EXPECT_EQ(&b.wdt.clock(), &b.fast);
    b.clock.setFrequency(3e6);  // the old domain no longer matters
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - start, sc_time(32768 + 8192, SC_US));
  });
}

// A debugger reads STAT, CCVR and EOI while the timeout interrupt is pending: EOI clears
// nothing, so the second timeout still resets the system at its time.
TEST(WatchdogTimer, DebugReadsOfEoiClearNothing) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    vendorStart(tb, 0);
    tb.wait(kPeriod0 + sc_time(100, SC_US));
    tb.settle();
    ASSERT_TRUE(b.irq.read());
    expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(STAT), 1u);
      EXPECT_EQ(tb.debugRead(EOI), 0u);
      EXPECT_EQ(tb.debugRead(STAT), 1u);
      EXPECT_EQ(tb.debugRead(CCVR), 65535u - 100u);
    });
    tb.settle();
    EXPECT_TRUE(b.irq.read()) << "a debug read of EOI cleared the interrupt";
    EXPECT_EQ(tb.read(STAT), 1u);
    EXPECT_EQ(tb.read(CCVR), 65535u - 100u);
    tb.wait(kPeriod0 - sc_time(101, SC_US));
    EXPECT_EQ(tb.debugRead(CCVR), 0u);
    EXPECT_TRUE(b.resets.empty());
    tb.wait(1, SC_US);
    tb.settle();
    ASSERT_EQ(b.resets.size(), 1u);  // not cleared: the second timeout resets the system
    EXPECT_EQ(b.resets[0] - start, kPeriod0 + kPeriod0);
  });
}
