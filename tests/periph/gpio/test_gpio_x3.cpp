// The GPIO model behind the X3 board (platform/X3Board): scripted key presses reach EXT_PORTA and
// the both-edge interrupt, LED writes reach the board's LED log. This is the wiring the board
// executable uses: X3Board's input driver = GpioPort::setInput, GpioPort::onOutputChange ->
// X3Board::outputChanged.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "MmioTestbench.h"
#include "KeyScript.h"
#include "X3Board.h"
#include "periph/gpio/GpioPort.h"
#include "periph/gpio/gpio_regs.h"

using namespace periph_test;
using namespace wtm::periph::gpio;
using sc_core::SC_MS;

int sc_main(int, char**) { return 0; }

TEST(GpioOnX3Board, ScriptedKeyInterruptsAndLedLog) {
  wtm::periph::GpioPort gpio("gpio");
  sc_core::sc_signal<bool> irq("irq"), wake("wake");
  gpio.irq.bind(irq);
  gpio.wakeIrq.bind(wake);
  std::ostringstream ledLog;
  wtm::platform::X3Board board("x3", [&gpio](unsigned pin, bool level) { gpio.setInput(pin, level); }, &ledLog,
                               {wtm::platform::parseKeyPress("K2@15ms:5ms")});
  gpio.onOutputChange([&board](unsigned pin, bool level, const sc_time& at) { board.outputChanged(pin, level, at); });
  MmioTestbench tb("tb", gpio);
  sc_core::sc_start(SC_ZERO_TIME);

  std::vector<std::pair<double, uint32_t>> interrupts;  // (ms, EXT_PORTA bit 2)
  ASSERT_TRUE(tb.run([&](MmioTestbench& t) {
    // gpio_interrupt's set-up: LED0 output, on (low); K2 input, both edges, enabled.
    t.write(DDR, t.read(DDR) | 0x1);
    t.write(ODR, t.read(ODR) & ~0x1u);
    t.write(INTEDG, t.read(INTEDG) | 0x4);
    t.write(INTEN, t.read(INTEN) | 0x4);
    EXPECT_EQ(t.read(EXT_PORTA) & 0x4, 0x4u);  // released: pulled up
    while (interrupts.size() < 2) {
      t.wait(irq.posedge_event());
      interrupts.emplace_back(sc_core::sc_time_stamp().to_seconds() * 1e3, t.read(EXT_PORTA) & 0x4);
      t.write(INTCLR, 0x4);
      t.settle();
    }
    t.wait(10, SC_MS);
    t.write(ODR, t.read(ODR) | 0x1);  // LED0 off at 30 ms
  }));
  ASSERT_EQ(interrupts.size(), 2u);
  EXPECT_DOUBLE_EQ(interrupts[0].first, 15.0);
  EXPECT_EQ(interrupts[0].second, 0u);
  EXPECT_DOUBLE_EQ(interrupts[1].first, 20.0);
  EXPECT_EQ(interrupts[1].second, 0x4u);
  EXPECT_EQ(ledLog.str(), "[x3 0.000000 ms] LED0 on\n[x3 30.000000 ms] LED0 off\n");
  EXPECT_EQ(board.leds()[0].toggles, 2u);
}
