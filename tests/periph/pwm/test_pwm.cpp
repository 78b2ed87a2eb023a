// PWM block model: the vendor driver's register sequences (PWM_Init, PWM_CH_Init,
// PWM_CH_SetParam, interrupt enable / pending clear), and the counter's overflow / underflow
// interrupts in the three count modes.
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/pwm/PwmBlock.h"
#include "periph/pwm/PwmWaveform.h"
#include "periph/pwm/pwm_regs.h"

using namespace periph_test;
using namespace wtm::periph::pwm;
using sc_core::SC_US;
using wtm::periph::PwmBlock;

int sc_main(int, char**) { return 0; }

namespace {

const sc_time kTick(1, SC_US);
constexpr uint32_t kOverflow = INT_SR_PND_OVERFLOW.mask(), kUnderflow = INT_SR_PND_UNDERFLOW.mask();

struct Edge {
  unsigned channel;
  bool level;
  sc_time at;
};

struct Bench {
  wtm::ClockDomain clock{"pwmclk", 1e6};
  PwmBlock pwm{"pwm", clock};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", pwm};
  std::vector<Edge> edges;  // every output change
  Bench() {
    pwm.irq.bind(irq);
    pwm.onOutputChange([this](unsigned ch, bool level, const sc_time& at) { edges.push_back({ch, level, at}); });
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    const uint64_t ps = sc_core::sc_time_stamp().value(), tick = kTick.value();
    b.tb.wait(sc_time(static_cast<double>(tick - ps % tick), sc_core::SC_PS));
    b.pwm.reset();
  })) << "scenario blocked";
}

// PWM_Init + PWM_CH_Init (channel 1, enabled) as the vendor example does.
void start(MmioTestbench& tb, uint32_t countMode, uint32_t max) {
  tb.write(CTL, CTL_CAP_SW.mask() | CTL_CNT_MODE.set(0, countMode) | CTL_MAX_VALUE.set(0, max));
  uint32_t ch = tb.read(CH_CTL) & ~(0x1Fu << 8);
  tb.write(CH_CTL, ch | ((CH_CTL_CH0_O_SW.mask() | CH_CTL_CH0_EN.mask()) << 8));
}

}  // namespace

TEST(PwmBlock, RegistersStoreWhatTheDriverWrites) {
  runScenario([](MmioTestbench& tb) {
    for (uint32_t r : {CTL, CH_CTL, CH0_INI, CH3_INI, CH0_RB_VAL, INT_SR_PND, PUL}) EXPECT_EQ(tb.read(r), 0u) << r;
    const uint32_t ini = CH0_INI_DEAD_ZONE.set(CH0_INI_COMP_VALUE.set(0, 500), 10);  // same layout in every CHn_INI
    tb.write(CH2_INI, ini);  // PWM_CH_SetParam: compare 500, dead zone 10
    EXPECT_EQ(tb.read(CH2_INI), ini);
    tb.write(CTL, 0xFFFFFFFF);
    EXPECT_EQ(tb.read(CTL), 0xFFFF0007u);
    tb.write(PUL, PUL_CH0_BKIN_RELEASE.mask());  // a pulse: reads back 0
    EXPECT_EQ(tb.read(PUL), 0u);
    EXPECT_FALSE(bench().pwm.counterRunning());  // no channel enabled
  });
}

TEST(PwmBlock, CountUpOverflowsEveryMaxPlusOneTicks) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(INT_MSK_SET, kOverflow);
    const sc_time t0 = sc_core::sc_time_stamp();
    start(tb, 0, 99);
    EXPECT_TRUE(b.pwm.counterRunning());
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - t0, kTick * 100.0);
    EXPECT_EQ(tb.read(INT_SR_PND), kOverflow);
    tb.write(INT_SR_PND, tb.read(INT_SR_PND) & ~kOverflow);  // PWM_IT_ClrStat
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - t0, kTick * 200.0);
    tb.write(INT_MSK_CLR, kOverflow);  // disabling hides the pending bit from the line
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(INT_SR_PND), kOverflow);
  });
}

TEST(PwmBlock, CountDownUnderflowsAndUpDownDoesBoth) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(INT_MSK_SET, kOverflow | kUnderflow);
    const sc_time t0 = sc_core::sc_time_stamp();
    start(tb, 1, 49);
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - t0, kTick * 50.0);
    EXPECT_EQ(tb.read(INT_SR_PND), kUnderflow);
    tb.write(INT_SR_PND, 0);
    // Up-down from now: overflow at the top (50 ticks), underflow at the bottom (100 ticks).
    const sc_time t1 = sc_core::sc_time_stamp();
    tb.write(CTL, CTL_CAP_SW.mask() | CTL_CNT_MODE.set(0, 2) | CTL_MAX_VALUE.set(0, 50));
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - t1, kTick * 50.0);
    EXPECT_EQ(tb.read(INT_SR_PND), kOverflow);
    tb.write(INT_SR_PND, 0);
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(sc_core::sc_time_stamp() - t1, kTick * 100.0);
    EXPECT_EQ(tb.read(INT_SR_PND), kUnderflow);
  });
}

TEST(PwmBlock, CaptureModeDoesNotCount) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(INT_MSK_SET, kOverflow);
    tb.write(CTL, CTL_MAX_VALUE.set(0, 9));  // CAP_SW = 0
    tb.write(CH_CTL, CH_CTL_CH0_EN.mask());
    tb.wait(kTick * 100.0);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(INT_SR_PND), 0u);
    EXPECT_EQ(tb.read(CH0_RB_VAL), 0u);
  });
}

// An overflow nobody has taken in yet (its interrupt is disabled, so no event wakes the model)
// shows in a debug read of INT_SR_PND, and the firmware's later reads and the line agree.
TEST(PwmBlock, DebugReadsShowPendingCounterEvents) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    start(tb, 0, 99);
    tb.wait(kTick * 150.0);
    expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(INT_SR_PND), kOverflow);
      EXPECT_EQ(tb.debugRead(CTL), CTL_CAP_SW.mask() | CTL_MAX_VALUE.set(0, 99));
    });
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(INT_SR_PND), kOverflow);
    tb.write(INT_SR_PND, 0);
    EXPECT_EQ(tb.debugRead(INT_SR_PND), 0u);
    tb.write(INT_MSK_SET, kOverflow);
    tb.wait(kTick * 50.0);  // the next overflow, at 200 ticks
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    EXPECT_EQ(tb.debugRead(INT_SR_PND), kOverflow);
    EXPECT_EQ(tb.read(INT_SR_PND), kOverflow);
  });
}

TEST(PwmWaveform, ActiveAboveTheCompareValueWithTheRisingEdgeDelayedByTheDeadZone) {
  using wtm::periph::pwmPeriod;
  // The vendor example: up, MAX 9999, compare 1989, dead zone 10: high 8000 of 10000.
  auto p = pwmPeriod(0, 9999, 1989, 10);
  EXPECT_EQ(p.length, 10000u);
  EXPECT_EQ(p.fall - p.rise, 8000u);
  EXPECT_FALSE(p.active(1999));
  EXPECT_TRUE(p.active(2000));
  EXPECT_TRUE(p.active(9999));
  // Down: counter MAX - k is above the compare value at the start of the period.
  p = pwmPeriod(1, 99, 19, 5);
  EXPECT_EQ(p.length, 100u);
  EXPECT_EQ(p.rise, 5u);
  EXPECT_EQ(p.fall, 80u);
  // Centre: 0..MAX..0, active around the top.
  p = pwmPeriod(2, 50, 9, 0);
  EXPECT_EQ(p.length, 100u);
  EXPECT_EQ(p.rise, 10u);
  EXPECT_EQ(p.fall, 91u);
  // Never active: compare at the top, or a dead zone longer than the pulse.
  EXPECT_TRUE(pwmPeriod(0, 99, 99, 0).empty());
  EXPECT_TRUE(pwmPeriod(0, 99, 50, 60).empty());
  EXPECT_EQ(pwmPeriod(2, 0, 0, 0).length, 0u);
}

TEST(PwmBlock, OutputEdgesFollowTheCompareValueDeadZoneAndPolarity) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(CH1_INI, 19 | (10u << 16));
    b.edges.clear();
    const sc_time t0 = sc_core::sc_time_stamp();
    start(tb, 0, 99);  // channel 1 forward: high from tick 30 to the period end
    tb.wait(kTick * 250.0);
    // Level changes of channel 1 (entering PWM mode also reports every channel's level once).
    std::vector<Edge> ch1;
    bool level = false;
    for (const Edge& e : b.edges)
      if (e.channel == 1 && e.level != level) ch1.push_back(e), level = e.level;
    ASSERT_EQ(ch1.size(), 5u);
    const sc_time expected[] = {t0 + kTick * 30.0, t0 + kTick * 100.0, t0 + kTick * 130.0, t0 + kTick * 200.0,
                                t0 + kTick * 230.0};
    for (int i = 0; i < 5; ++i) {
      EXPECT_EQ(ch1[i].level, i % 2 == 0) << i;
      EXPECT_EQ(ch1[i].at, expected[i]) << i;
    }
    EXPECT_TRUE(b.pwm.outputLevel(1));  // at 250 ticks
    // Inverted output (O_SW = 0), initial level high: low while active.
    tb.write(CH_CTL, (CH_CTL_CH0_EN.mask() | CH_CTL_CH0_O_INIT.mask()) << 8);
    tb.wait(kTick * 10.0);
    EXPECT_FALSE(b.pwm.outputLevel(1));
    tb.write(CH_CTL, CH_CTL_CH0_O_INIT.mask() << 8);  // disabled: the initial level
    tb.wait(kTick);
    EXPECT_TRUE(b.pwm.outputLevel(1));
    const size_t n = b.edges.size();
    tb.wait(kTick * 300.0);
    EXPECT_EQ(b.edges.size(), n);  // a disabled channel does not toggle
  });
}

TEST(PwmBlock, BreakInHoldsTheInitialLevelUntilReleased) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(CH1_INI, 49);
    start(tb, 0, 99);  // high from 50 to 100
    tb.wait(kTick * 60.0);
    EXPECT_TRUE(b.pwm.outputLevel(1));
    b.pwm.breakInput(1, true);
    tb.wait(kTick);
    EXPECT_FALSE(b.pwm.outputLevel(1));  // O_INIT = 0
    EXPECT_EQ(tb.read(INT_SR_PND), INT_SR_PND_CH0_BKIN.mask() << 3);
    b.pwm.breakInput(1, false);
    const size_t n = b.edges.size();
    tb.wait(kTick * 300.0);
    EXPECT_EQ(b.edges.size(), n);                     // latched: the input going low does not release it
    tb.write(PUL, PUL_CH0_BKIN_RELEASE.mask() << 4);  // PWM_BK_Rel(PWM, PWM_CH1)
    tb.wait(kTick * 200.0);
    EXPECT_GT(b.edges.size(), n);
  });
}

TEST(PwmBlock, CaptureMeasuresThePeriodAndTheHighTimeInTicks) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(CTL, 0);                                                 // capture mode
    tb.write(CH_CTL, CH_CTL_CH0_EN.mask() | CH_CTL_CH0_I_SW.mask());  // channel 0, input forward
    b.pwm.captureInput(0, false);
    tb.wait(kTick * 5.0);
    b.pwm.captureInput(0, true);
    tb.wait(kTick * 30.0);
    b.pwm.captureInput(0, false);
    EXPECT_EQ(tb.read(CH0_RB_VAL), 30u);  // high time; no full period yet
    EXPECT_EQ(tb.read(INT_SR_PND), INT_SR_PND_CH0_I_H.mask());
    tb.wait(kTick * 70.0);
    b.pwm.captureInput(0, true);
    EXPECT_EQ(tb.read(CH0_RB_VAL), (100u << 16) | 30u);
    EXPECT_EQ(tb.read(INT_SR_PND), INT_SR_PND_CH0_I_H.mask() | INT_SR_PND_CH0_I_CYCLE.mask());
    // Inverted input: the low time is measured.
    tb.write(CH_CTL, CH_CTL_CH0_EN.mask());
    tb.wait(kTick * 40.0);
    b.pwm.captureInput(0, false);  // a rising edge of the inverted signal
    tb.wait(kTick * 25.0);
    b.pwm.captureInput(0, true);
    EXPECT_EQ(CH0_RB_VAL_H_WIDTH.get(tb.read(CH0_RB_VAL)), 25u);
  });
}
