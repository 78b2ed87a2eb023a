// A long run toggles the X3 LEDs millions of times (the x3_demo blinks for simulated hours): the
// board must keep only counts and the last state, so an LED change may not allocate at all.
// Own executable: it replaces the global operator new to count allocations.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include <systemc>

#include "CountingAllocator.h"
#include "X3Board.h"

using wtm::test::gAllocations;

// libsystemc refers to sc_main; GoogleTest provides main().
int sc_main(int, char**) { return 0; }

TEST(X3BoardMemory, LedChangesDoNotGrowTheHeap) {
  using namespace wtm::platform;
  X3Board board("x3", [](unsigned, bool) {}, nullptr, {});
  const unsigned kChanges = 200000;
  sc_core::sc_time t = sc_core::SC_ZERO_TIME;
  // Warm-up change, then count only the steady state.
  board.outputChanged(0, false, t);
  const auto before = gAllocations.load();
  for (unsigned i = 1; i < kChanges; ++i) {
    t += sc_core::sc_time(1, sc_core::SC_MS);
    board.outputChanged(0, i % 2 == 1, t);  // LED0 is active low: odd i -> off
  }
  EXPECT_EQ(gAllocations.load() - before, 0u) << "LED changes allocate: the board keeps a history";
  // What --stats prints is unchanged: last state and the number of changes.
  ASSERT_EQ(board.leds().size(), 3u);
  EXPECT_EQ(board.leds()[0].toggles, kChanges);
  EXPECT_FALSE(board.leds()[0].on);
  EXPECT_NE(board.summary().find("x3 LED0 (GPIO0)  : off, 200000 change(s)\n"), std::string::npos) << board.summary();
  // Labels line up with the other --stats lines, also for the two-digit GPIO of LED2.
  EXPECT_NE(board.summary().find("\nx3 LED2 (GPIO11) : "), std::string::npos) << board.summary();
}
