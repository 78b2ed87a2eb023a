// RTC (DW_apb_rtc) model: the counter runs from reset without CCR.EN, CLR loads it, matches with
// and without wrap, the interrupt level with mask and EOI, and clock changes.
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/rtc/RtcCounter.h"
#include "periph/rtc/rtc_regs.h"

using namespace periph_test;
using namespace wtm::periph::rtc;
using sc_core::SC_MS;
using sc_core::SC_US;
using wtm::periph::RtcCounter;

int sc_main(int, char**) { return 0; }

namespace {

const sc_time kTick(100, SC_US);  // 10 kHz

struct Bench {
  wtm::ClockDomain clock{"rtcclk", 10e3};
  RtcCounter rtc{"rtc", clock};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", rtc};
  Bench() { rtc.irq.bind(irq); }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    b.clock.setFrequency(10e3);
    const uint64_t ps = sc_core::sc_time_stamp().value(), tick = kTick.value();
    b.tb.wait(sc_time(static_cast<double>(tick - ps % tick), sc_core::SC_PS));  // on a tick edge
    b.rtc.reset();
  })) << "scenario blocked";
}

// rtc_config of the vendor rtc example (interrupt unmasked and enabled, wrap, load 0, match).
void vendorConfig(MmioTestbench& tb, uint32_t match) {
  tb.write(CCR, tb.read(CCR) & ~CCR_MASK.mask());
  tb.write(CCR, tb.read(CCR) | CCR_IEN.mask());
  tb.write(CCR, tb.read(CCR) | CCR_WEN.mask());
  tb.write(CLR, 0);
  tb.write(CMR, match);
}

}  // namespace

TEST(RtcCounter, ResetValuesAndACounterThatAlwaysRuns) {
  runScenario([](MmioTestbench& tb) {
    EXPECT_EQ(tb.read(CCR), 0u);
    EXPECT_EQ(tb.read(CMR), 0u);
    EXPECT_EQ(tb.read(STAT), 0u);
    EXPECT_EQ(tb.read(RSTAT), 0u);
    EXPECT_NE(tb.read(COMP_VERSION), 0u);
    EXPECT_EQ(tb.read(CCVR), 0u);
    tb.wait(kTick * 7.0);
    EXPECT_EQ(tb.read(CCVR), 7u);  // CCR.EN is 0, yet it counts
    tb.write(CLR, 1000);
    EXPECT_EQ(tb.read(CLR), 1000u);
    EXPECT_EQ(tb.read(CCVR), 1000u);
    tb.wait(kTick * 50.0);
    EXPECT_EQ(tb.read(CCVR), 1050u);
  });
}

TEST(RtcCounter, VendorSetupInterruptsEveryMatchPlusOneTicks) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    vendorConfig(tb, 10000);  // 1 s at 10 kHz
    std::vector<sc_time> irqs;
    while (irqs.size() < 3) {  // the vendor RTC_IRQHandler: read EOI
      tb.wait(b.irq.posedge_event());
      irqs.push_back(sc_core::sc_time_stamp() - start);
      EXPECT_EQ(tb.read(STAT), 1u);
      EXPECT_EQ(tb.read(CCVR), 10000u);
      EXPECT_EQ(tb.read(EOI), 0u);
      tb.settle();
      EXPECT_FALSE(b.irq.read());
    }
    EXPECT_EQ(irqs[0], kTick * 10000.0);
    EXPECT_EQ(irqs[1], kTick * 20001.0);  // counts 0..10000: 10001 ticks per match
    EXPECT_EQ(irqs[2], kTick * 30002.0);
    tb.wait(kTick);
    EXPECT_EQ(tb.read(CCVR), 0u);  // wrapped
  });
}

TEST(RtcCounter, WithoutWrapTheCounterRunsOnPastTheMatch) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(CMR, 20);
    tb.write(CCR, CCR_IEN.mask());
    tb.wait(kTick * 25.0);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    EXPECT_EQ(tb.read(CCVR), 25u);
    tb.read(EOI);
    tb.wait(kTick * 100.0);
    tb.settle();
    EXPECT_FALSE(b.irq.read());  // next match only after 2^32 ticks
  });
}

TEST(RtcCounter, MaskHidesTheInterruptAndDisabledInterruptsDoNotLatch) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(CMR, 5);
    tb.write(CCR, CCR_WEN.mask());  // IEN = 0
    tb.wait(kTick * 8.0);
    EXPECT_EQ(tb.read(RSTAT), 0u);
    tb.write(CCR, CCR_WEN.mask() | CCR_IEN.mask() | CCR_MASK.mask());
    tb.wait(kTick * 6.0);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(STAT), 0u);
    EXPECT_EQ(tb.read(RSTAT), 1u);
    tb.write(CCR, CCR_WEN.mask() | CCR_IEN.mask());
    tb.settle();
    EXPECT_TRUE(b.irq.read());
  });
}

TEST(RtcCounter, ClockChangeKeepsTheCount) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const sc_time start = sc_core::sc_time_stamp();
    vendorConfig(tb, 100);
    tb.wait(kTick * 40.0);
    b.clock.setFrequency(20e3);  // 60 ticks left at 50 us
    EXPECT_EQ(tb.read(CCVR), 40u);
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - start, kTick * 40.0 + sc_time(50, SC_US) * 60.0);
  });
}

// A debugger reads STAT, RSTAT and EOI while the match interrupt is pending: EOI clears nothing.
TEST(RtcCounter, DebugReadsOfEoiClearNothing) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    vendorConfig(tb, 9);
    tb.wait(kTick * 9.0);  // the match
    tb.settle();
    ASSERT_TRUE(b.irq.read());
    tb.wait(kTick * 3.0);
    expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(STAT), 1u);
      EXPECT_EQ(tb.debugRead(RSTAT), 1u);
      EXPECT_EQ(tb.debugRead(EOI), 0u);
      EXPECT_EQ(tb.debugRead(CCVR), 2u);  // wrapped to 0 on the tick after the match
    });
    tb.settle();
    EXPECT_TRUE(b.irq.read()) << "a debug read of EOI cleared the interrupt";
    EXPECT_EQ(tb.read(RSTAT), 1u);
    EXPECT_EQ(tb.read(CCVR), 2u);
    tb.read(EOI);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(RSTAT), 0u);
  });
}
