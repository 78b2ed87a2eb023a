// The clock test firmware on the board: PLL start-up as the vendor HAL does it, HCLK measured in
// simulated time against the 32.768 kHz SysTick, UART character times in HCLK cycles after every
// switch, and the clock tree's log of each configuration.
#include <gtest/gtest.h>

#include "BoardRunner.h"

TEST(ClockOnBoard, PllSwitchKeepsUartAndTimingRight) {
  const BoardRun r =
      runBoard("--elf " + firmwarePath("tests/clock/clock_pll_test.elf") + " --max-time 1s --log-level info");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("PASS clock_pll"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PLL x6: hclk 1474"), std::string::npos) << r.out;
  // The tree's view, logged once per configuration, and the UART's divisor at the new clock.
  EXPECT_NE(r.err.find("clock: SYSCLK 98.304 MHz (PLL x4 of 24M) HCLK 49.152 MHz"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("divisor 80 at 147.456 MHz"), std::string::npos) << r.err;
}

TEST(ClockOnBoard, SimulatedTimeFollowsTheProgrammedClock) {
  // Most of the firmware's cycles run at 49 and 147 MHz: simulated time must be far below
  // "every cycle at 24.576 MHz" (a board that ignores the PLL) and above "every cycle at 147 MHz".
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/clock/clock_pll_test.elf") + " --stats");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto at = r.err.find("simulated time   : ");
  ASSERT_NE(at, std::string::npos) << r.err;
  double seconds = 0, cycles = 0;
  ASSERT_EQ(std::sscanf(r.err.c_str() + at, "simulated time   : %lf s (%lf cycles", &seconds, &cycles), 2) << r.err;
  EXPECT_LT(seconds, 0.9 * cycles / 24.576e6);
  EXPECT_GT(seconds, cycles / 147.456e6);
}
