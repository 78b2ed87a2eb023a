// The X3 board extras: key scripts (parsing, press/release timing, overlapping presses) and the
// LED log (active low, simulated timestamps, toggle counts).
#include <gtest/gtest.h>

#include <sstream>
#include <tuple>
#include <vector>

#include <systemc>

#include "KeyScript.h"
#include "TerminalKeys.h"
#include "X3Board.h"
#include "common/InputError.h"

using namespace wtm;
using namespace wtm::platform;
using sc_core::SC_MS;
using sc_core::sc_time;

// libsystemc refers to sc_main; GoogleTest provides main().
int sc_main(int, char**) { return 0; }

TEST(KeyScript, ParsesKeysPinsTimesAndHolds) {
  KeyPress k = parseKeyPress("K2@15ms");
  EXPECT_EQ(k.pin, 2u);
  EXPECT_EQ(k.at, sc_time(15, SC_MS));
  EXPECT_EQ(k.hold, kDefaultKeyHold);
  k = parseKeyPress("K3@1.5s:200ms");
  EXPECT_EQ(k.pin, 3u);
  EXPECT_EQ(k.at, sc_time(1500, SC_MS));
  EXPECT_EQ(k.hold, sc_time(200, SC_MS));
  EXPECT_EQ(parseKeyPress("GPIO7@1us").pin, 7u);
  for (const char* bad : {"K2", "K4@1ms", "GPIO20@1ms", "GPIOx@1ms", "K2@soon", "K2@1ms:0", "K2@-1ms",
                          "GPIO99999999999999999999@1ms", "K2@1e300s", "K2@1ms:2e6s"})
    EXPECT_THROW(parseKeyPress(bad), InputError) << bad;
}

TEST(TerminalKeys, LinesNameKeysWithAnOptionalHold) {
  KeyPress k = parseTerminalKey("k2\r");
  EXPECT_EQ(k.pin, 2u);
  EXPECT_EQ(k.hold, kDefaultKeyHold);
  k = parseTerminalKey("  GPIO9:300ms ");
  EXPECT_EQ(k.pin, 9u);
  EXPECT_EQ(k.hold, sc_time(300, SC_MS));
  EXPECT_THROW(parseTerminalKey("K7"), InputError);
  EXPECT_THROW(parseTerminalKey("K2:forever"), InputError);
}

TEST(X3Board, PartsComeFromTheBoardTable) {
  unsigned leds = 0, keys = 0;
  for (const BoardPart& p : x3Parts()) (p.isLed ? leds : keys) += 1;
  EXPECT_EQ(leds, 3u);
  EXPECT_EQ(keys, 2u);
}

// One simulation per process (SystemC elaborates once): presses, releases and LED changes.
TEST(X3Board, KeysFollowTheScriptAndLedsAreLoggedWithTime) {
  std::vector<std::tuple<double, unsigned, bool>> drives;  // (ms, gpio, level)
  auto driver = [&](unsigned gpio, bool level) {
    drives.emplace_back(sc_core::sc_time_stamp().to_seconds() * 1e3, gpio, level);
  };
  std::ostringstream log;
  std::vector<KeyPress> presses = {parseKeyPress("K3@20ms:10ms"), parseKeyPress("K2@5ms"),
                                   parseKeyPress("K2@30ms:40ms"), parseKeyPress("K2@40ms:5ms")};
  X3Board board("x3", driver, &log, presses);
  struct Firmware : sc_core::sc_module {
    X3Board& b;
    Firmware(sc_core::sc_module_name n, X3Board& board) : sc_core::sc_module(n), b(board) {
      SC_HAS_PROCESS(Firmware);
      SC_THREAD(run);
    }
    void run() {
      wait(1, SC_MS);
      b.outputChanged(0, false, sc_core::sc_time_stamp());  // LED0 on (low)
      b.outputChanged(0, false, sc_core::sc_time_stamp());  // no change: not logged
      wait(999, SC_MS);
      b.outputChanged(0, true, sc_core::sc_time_stamp());    // off at 1 s
      b.outputChanged(5, false, sc_core::sc_time_stamp());   // not an LED
      b.outputChanged(11, false, sc_core::sc_time_stamp());  // LED2 on
      wait(100, SC_MS);
      b.pressNow(3, sc_time(10, SC_MS));  // a key typed on the terminal at 1.1 s
      wait(5, SC_MS);
      b.pressNow(3, sc_time(1, SC_MS));  // pressed again while down: still down until 1.11 s
    }
  } fw("fw", board);
  sc_core::sc_start(sc_time(2, sc_core::SC_SEC));

  const std::vector<std::tuple<double, unsigned, bool>> expected = {
      {0, 2, true},
      {0, 3, true},  // pull-ups
      {20, 3, false},
      {30, 3, true},
      // K2 held 5..55 ms (default hold), 30..70 ms and 40..45 ms: overlapping presses keep it
      // down until the last release.
      {5, 2, false},
      {70, 2, true},
      {1100, 3, false},
      {1110, 3, true},
  };
  std::vector<std::tuple<double, unsigned, bool>> sorted = drives;
  std::stable_sort(sorted.begin(), sorted.end());
  std::vector<std::tuple<double, unsigned, bool>> want = expected;
  std::stable_sort(want.begin(), want.end());
  ASSERT_EQ(sorted.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_NEAR(std::get<0>(sorted[i]), std::get<0>(want[i]), 1e-9) << i;
    EXPECT_EQ(std::get<1>(sorted[i]), std::get<1>(want[i])) << i;
    EXPECT_EQ(std::get<2>(sorted[i]), std::get<2>(want[i])) << i;
  }
  EXPECT_EQ(log.str(), "[x3 1.000000 ms] LED0 on\n[x3 1000.000000 ms] LED0 off\n[x3 1000.000000 ms] LED2 on\n");
  ASSERT_EQ(board.leds().size(), 3u);
  EXPECT_EQ(board.leds()[0].toggles, 2u);
  EXPECT_FALSE(board.leds()[0].on);
  EXPECT_NE(board.summary().find("LED2 (GPIO11) : on, 1 change(s)"), std::string::npos) << board.summary();
}
