// The vendor's SDK examples and demos, built unmodified, run on the board: each reaches the
// output a correct board shows (what the vendor sources make them print; see README "Vendor
// firmware"). Skipped when the images are not on this machine.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "BoardRunner.h"

namespace fs = std::filesystem;

namespace {

const char* kBuildLine = "BUILD: Nov 14 2023 22:13:20\r\n";  // the builds pin SOURCE_DATE_EPOCH

std::string vendorDir() {
  if (const char* d = std::getenv("WTM_VENDOR_FW_DIR")) return d;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "/root") + "/.cache/wtm2101-vendor-fw/elf";
}

// The image's path, or skips the test.
#define VENDOR_IMAGE(var, file)                                                   \
  const std::string var = vendorDir() + "/" + (file);                             \
  if (!fs::exists(var)) GTEST_SKIP() << var << " not built (see README: Vendor firmware)";

std::string tempFile(const std::string& name) { return std::string(::testing::TempDir()) + name + "_" + std::to_string(getpid()); }

// LED changes of a --leds log: (ms, "LED0", on?).
struct LedEvent {
  double ms;
  std::string led;
  bool on;
};
std::vector<LedEvent> ledEvents(const std::string& log) {
  std::vector<LedEvent> out;
  static const std::regex line(R"(\[x3 ([0-9.]+) ms\] (LED[0-9]) (on|off))");
  for (std::sregex_iterator it(log.begin(), log.end(), line), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), (*it)[2], (*it)[3] == "on"});
  return out;
}

const char* kClockDump =
    "Info: osc24M is from internal\r\n"
    "Info: osc24M is calibrated\r\n"
    "Info: osc24M clock is:24576000\r\n"
    "Info: clock source is OSC24M\r\n"
    "Info: ahb_div = 1\r\n"
    "Info: apb_div = 1\r\n"
    "Info: SysClock = 24576000Hz\r\n"
    "Info: AHBClock = 24576000Hz\r\n"
    "Info: APBClock = 24576000Hz\r\n";

}  // namespace

TEST(VendorImages, UartPollingPassesWithCrossWiredUartsOnRtt) {
  VENDOR_IMAGE(elf, "uart_polling.elf");
  // UART0's own output is not the example's console: only RTT is.
  const BoardRun r = runBoard("--elf " + elf + " --uart-crosswire --uart0 none --stop-on-uart pass --fail-on-uart failed --max-time 5s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind(std::string(kBuildLine) + "pass", 0), 0u) << r.out << r.err;
  EXPECT_EQ(r.out.find("failed"), std::string::npos);
}

TEST(VendorImages, TimerCaseTogglesTheLedEverySecond) {
  VENDOR_IMAGE(elf, "timer_case.elf");
  const std::string leds = tempFile("timer_case_leds");
  const BoardRun r = runBoard("--elf " + elf + " --rtt none --leds " + leds + " --max-time 5.5s");
  EXPECT_EQ(r.exitCode, 1) << r.err;  // runs forever: ends at the time limit
  const auto events = ledEvents(readWhole(leds));
  std::remove(leds.c_str());
  // GPIO0 toggles from the 2nd timer IRQ on (t = 2 s, 3 s, 4 s, 5 s after the timer starts).
  std::vector<double> times;
  for (const auto& e : events)
    if (e.led == "LED0") times.push_back(e.ms);
  ASSERT_GE(times.size(), 4u) << readWhole(leds) << r.err;
  for (size_t i = times.size() - 3; i < times.size(); ++i) EXPECT_NEAR(times[i] - times[i - 1], 1000.0, 1.0) << i;
}

TEST(VendorImages, TimerCasePrintsTheClockDumpAndRuns) {
  VENDOR_IMAGE(elf, "timer_case.elf");
  const BoardRun r = runBoard("--elf " + elf + " --rtt stdout --stop-on-uart run --max-time 3s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  // The run stops as soon as "run" is on the console (its line end may still be in the buffer).
  EXPECT_EQ(r.out.rfind(std::string(kBuildLine) + kClockDump + "\r\nrun", 0), 0u) << r.out << r.err;
}

TEST(VendorImages, GpioInterruptTogglesTheLedOnScriptedKeyPresses) {
  VENDOR_IMAGE(elf, "gpio_interrupt.elf");
  const std::string leds = tempFile("gpio_interrupt_leds");
  const BoardRun r = runBoard("--elf " + elf + " --leds " + leds +
                              " --press K2@400ms:60ms --press K2@700ms:60ms --max-time 2s");
  // After the last debounce tick nothing can interrupt the example's while(1) any more: the
  // board sees it come to rest.
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("came to rest"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.rfind(std::string(kBuildLine) + kClockDump, 0), 0u) << r.out << r.err;
  const auto events = ledEvents(readWhole(leds));
  std::remove(leds.c_str());
  std::vector<LedEvent> led0;
  for (const auto& e : events)
    if (e.led == "LED0") led0.push_back(e);
  // On before the first press, off after the 1st press + release (released at 460 ms, seen at
  // the next 10 ms debounce tick), on after the 2nd.
  ASSERT_EQ(led0.size(), 3u) << r.err;
  EXPECT_TRUE(led0[0].on);
  EXPECT_LT(led0[0].ms, 400);
  EXPECT_FALSE(led0[1].on);
  EXPECT_GT(led0[1].ms, 460);
  EXPECT_LT(led0[1].ms, 475);
  EXPECT_TRUE(led0[2].on);
  EXPECT_GT(led0[2].ms, 760);
  EXPECT_LT(led0[2].ms, 775);
}

// Issue [3]: every image runs its start-up to its first output line without a fault.
struct FirstLine {
  const char* image;
  const char* options;
  const char* text;
};

void PrintTo(const FirstLine& f, std::ostream* os) { *os << f.image; }

class VendorFirstLine : public ::testing::TestWithParam<FirstLine> {};

TEST_P(VendorFirstLine, ReachesItsFirstOutputLine) {
  VENDOR_IMAGE(path, GetParam().image);
  const bool flat = std::string(GetParam().image).find(".bin") != std::string::npos;
  const BoardRun r = runBoard((flat ? "--image " : "--elf ") + path + " " + GetParam().options +
                              " --stop-on-uart \"" + GetParam().text + "\" --max-time 3s");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find("illegal"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Images, VendorFirstLine,
    ::testing::Values(FirstLine{"uart_polling.elf", "--uart-crosswire", "BUILD: "},
                      FirstLine{"timer_case.elf", "", "BUILD: "},
                      FirstLine{"gpio_interrupt.elf", "", "BUILD: "},
                      FirstLine{"audio.elf", "", "BUILD: "},
                      FirstLine{"kws_demo.elf", "", "uart init ok"},
                      FirstLine{"kws_demo_sesobj.elf", "", "uart init ok"},
                      FirstLine{"vendor_WITIN_PROJECT_RAM_DEMO.bin", "", "uart init ok"},
                      FirstLine{"mnist_demo.elf", "", "uart ok"},
                      FirstLine{"denoise_1024.elf", "", "wengine"}),
    [](const ::testing::TestParamInfo<FirstLine>& p) {
      std::string n = p.param.image;
      n = n.substr(0, n.find('.'));
      for (auto& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return n;
    });
