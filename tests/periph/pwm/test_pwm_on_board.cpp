// PWM at pin level on the board: sw/tests/pwm drives GPIO1 from PWM0 through the pin mux,
// captures it on GPIO10 with PWM1 and breaks it from GPIO4 on GPIO11, over --jumper wires;
// --pins-vcd records the pads.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "BoardRunner.h"

namespace {

const std::string kJumpers = " --jumper GPIO1-GPIO10 --jumper GPIO4-GPIO11";

TEST(PwmOnBoard, CaptureOverAJumperMeasuresThePwmAndABreakStopsIt) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/pwm/pwm_pins_test.elf") + kJumpers +
                              " --stop-on-uart 'PASS pwm_pins' --fail-on-uart FAIL --max-time 100ms");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("cycle 1000 high 790"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broken 0"), std::string::npos) << r.out;
}

TEST(PwmOnBoard, WithoutTheJumpersNothingIsCaptured) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/pwm/pwm_pins_test.elf") +
                              " --stop-on-uart 'PASS pwm_pins' --fail-on-uart FAIL --max-time 100ms");
  EXPECT_EQ(r.exitCode, 4) << r.out << r.err;
  EXPECT_NE(r.out.find("cycle 0 high 0"), std::string::npos) << r.out;
}

TEST(PwmOnBoard, PinsVcdRecordsTheWaveformOnBothEndsOfTheJumper) {
  const std::string vcd = processTempPath("pwm_pins.vcd");
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/pwm/pwm_pins_test.elf") + kJumpers + " --pins-vcd " + vcd +
                              " --stop-on-uart 'PASS pwm_pins' --max-time 100ms");
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  std::ifstream in(vcd);
  std::string line;
  std::map<std::string, char> ids;  // GPIOn -> identifier
  std::map<char, std::vector<std::pair<long long, char>>> changes;
  long long t = 0;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      char id = 0;
      char name[16] = {};
      if (std::sscanf(line.c_str(), "$var wire 1 %c %15s $end", &id, name) == 2) ids[name] = id;
      if (line == "$end") header = false;  // of $dumpvars
      continue;
    }
    if (line[0] == '#') t = std::stoll(line.substr(1));
    else if (line.size() == 2) changes[line[1]].emplace_back(t, line[0]);
  }
  std::remove(vcd.c_str());
  ASSERT_EQ(ids.size(), 20u);
  const auto& out = changes[ids["GPIO1"]];
  const auto& in10 = changes[ids["GPIO10"]];
  ASSERT_GE(out.size(), 10u);
  EXPECT_EQ(out, in10);  // the jumper: same edges at the same times
  // 1000 ticks of 24.576 MHz per period: rising to rising 40.69 us.
  std::vector<long long> rises;
  for (const auto& [time, level] : out)
    if (level == '1') rises.push_back(time);
  ASSERT_GE(rises.size(), 3u);
  EXPECT_NEAR(static_cast<double>(rises[2] - rises[1]) * 1e-12, 1000 / 24.576e6, 1e-9);  // tick rounded to 1 ps
}

TEST(PwmOnBoard, AMalformedJumperIsABadInput) {
  for (const char* spec : {"GPIO1", "GPIO1-GPIO20", "GPIO3-GPIO3", "K2-GPIO1"}) {
    const BoardRun r = runBoard("--elf " + firmwarePath("tests/pwm/pwm_pins_test.elf") + " --jumper " + spec);
    EXPECT_EQ(r.exitCode, 2) << spec;
    EXPECT_NE(r.err.find("--jumper: '" + std::string(spec) + "'"), std::string::npos) << r.err;
  }
}

}  // namespace
