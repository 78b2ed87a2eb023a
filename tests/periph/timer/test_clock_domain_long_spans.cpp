// Clock and tick arithmetic far into a run (up to 10 simulated days): more picoseconds than a
// double holds exactly. A tick's time must still round-trip (a timer once re-notified itself at
// the same instant for ever beyond 11 simulated hours) and the core's cycles stay exact.
#include <gtest/gtest.h>

#include "common/ClockDomain.h"
#include "common/TickClock.h"

using wtm::ClockDomain;
using wtm::TickClock;

TEST(TickClock, TicksRoundTripAfterDaysOfSimulatedTime) {
  ClockDomain clock("hclk", 24.576e6);
  TickClock ticks(clock);
  for (const uint64_t n : {uint64_t{1000}, uint64_t{24'576'000'000'000}, uint64_t{21'233'664'000'000}}) {
    const sc_core::sc_time t = ticks.timeOfTick(n);
    EXPECT_EQ(ticks.ticksAt(t), n) << n;
    EXPECT_EQ(ticks.ticksAt(t - sc_core::sc_time::from_value(1)), n - 1) << n;
    EXPECT_GT(ticks.timeOfTick(n + 1), t) << n;
  }
}

TEST(ClockDomain, CyclesOfLongSpansAreExact) {
  ClockDomain clock("hclk", 147.456e6);
  const uint64_t n = 1'000'000'000'000'000;  // about 78 simulated days at 147 MHz
  const sc_core::sc_time t = clock.cycles(n);
  EXPECT_EQ(t.value(), clock.period().value() * n);
  EXPECT_EQ(clock.cyclesCeil(t), n);
  EXPECT_EQ(clock.cyclesCeil(t + sc_core::sc_time::from_value(1)), n + 1);
}
