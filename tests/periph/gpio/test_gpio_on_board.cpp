// sw/tests/gpio firmware on the board: register behaviour and interrupts without stimulus, and
// K2 pressed by the X3 board's key script.
#include <gtest/gtest.h>

#include <regex>

#include "../../firmware/BoardRunner.h"

TEST(GpioOnBoard, OutputsLevelsAndInterrupts) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/gpio/gpio_test.elf") + " --max-time 100ms");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("PASS gpio\n"), std::string::npos) << r.out;
}

TEST(GpioOnBoard, ScriptedKeyPressInterruptsOnBothEdgesAndDrivesTheLed) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/gpio/gpio_key_test.elf") +
                              " --press K2@5ms:3ms --leds stdout --max-time 50ms");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("PASS gpio_key\n"), std::string::npos) << r.out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(key down at (\d+) us)"))) << r.out;
  EXPECT_NEAR(std::stod(m[1]), 5000, 20);
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(key up at (\d+) us)"))) << r.out;
  EXPECT_NEAR(std::stod(m[1]), 8000, 20);
  // LED0 follows the key: on at the press, off at the release.
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\[x3 5\.0\d+ ms\] LED0 on)"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\[x3 8\.0\d+ ms\] LED0 off)"))) << r.out;
}
