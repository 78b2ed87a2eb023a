// sw/tests/timer/timer_test on the board: the periodic TIMER0 interrupt measured against mcycle.
#include <gtest/gtest.h>

#include <regex>

#include "../../firmware/BoardRunner.h"

TEST(TimerOnBoard, PeriodicInterruptMatchesLoadCountInCoreCycles) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/timer/timer_test.elf") + " --max-time 1s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("PASS timer\n"), std::string::npos) << r.out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(timer0 period: (\d+) cycles average, (\d+)\.\.(\d+))")))
      << r.out;
  EXPECT_EQ(std::stoul(m[1]), 24576u);  // 1 ms at 24.576 MHz: LOADCOUNT + 1
  EXPECT_NEAR(std::stod(m[2]), 24576, 16);
  EXPECT_NEAR(std::stod(m[3]), 24576, 16);
}
