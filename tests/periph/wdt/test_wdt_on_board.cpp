// sw/tests/wdt/wdt_test on the board: the watchdog interrupt at each timeout, then the reset that
// ends the run cleanly (exit 0, a board message, no fault).
#include <gtest/gtest.h>

#include <regex>

#include "../../firmware/BoardRunner.h"

TEST(WdtOnBoard, InterruptsAtTimeoutThenResetEndsTheRun) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/wdt/wdt_test.elf") + " --max-time 2s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(wdt period: (\d+) cycles, then (\d+))"))) << r.out;
  // 2^16 cycles of the watchdog clock (HCLK/32) = 2 097 152 core cycles (+ ps rounding).
  EXPECT_NEAR(std::stod(m[1]), 2097152, 16);
  EXPECT_NEAR(std::stod(m[2]), 2097152, 16);
  EXPECT_NE(r.out.find("waiting for the reset\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
  // Enabled at ~t0; interrupts at 1, 2, 3 and 4 periods; the 5th timeout finds the 4th uncleared.
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex(R"(watchdog reset at ([0-9.]+) ms)"))) << r.err;
  EXPECT_NEAR(std::stod(m[1]), 5 * 65536 * 32 / 24576.0, 1.0);
  EXPECT_EQ(r.err.find("fault"), std::string::npos) << r.err;
}

TEST(WdtOnBoard, AResetWithoutTheStopTextIsNotASuccess) {
  const BoardRun r =
      runBoard("--elf " + firmwarePath("tests/wdt/wdt_test.elf") + " --stop-on-uart never --max-time 2s");
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("watchdog reset at"), std::string::npos) << r.err;
}
