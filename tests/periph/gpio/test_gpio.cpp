// GPIO port A model: reset values, direction and output data with the output-change callback,
// pin levels, edge / level / both-edge interrupts with mask, clear and enable, the wake-up latch,
// and key presses driven from a separate SC_THREAD (as the X3 board's key script does).
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "periph/gpio/GpioPort.h"
#include "periph/gpio/gpio_regs.h"

using namespace periph_test;
using namespace wtm::periph::gpio;
using sc_core::SC_MS;
using sc_core::SC_US;
using wtm::periph::GpioPort;

int sc_main(int, char**) { return 0; }

namespace {

struct Change {
  unsigned pin;
  bool level;
  sc_time at;
};

// Presses and releases pins on a schedule from its own thread, like a key script.
class KeyDriver : public sc_core::sc_module {
 public:
  struct Step {
    sc_time at;  // relative to start()
    unsigned pin;
    bool level;
  };
  KeyDriver(sc_core::sc_module_name name, GpioPort& gpio) : sc_core::sc_module(name), gpio_(gpio) {
    SC_HAS_PROCESS(KeyDriver);
    SC_THREAD(run);
  }
  void start(std::vector<Step> steps) {
    steps_ = std::move(steps);
    go_.notify(SC_ZERO_TIME);
  }

 private:
  void run() {
    for (;;) {
      wait(go_);
      const sc_time t0 = sc_core::sc_time_stamp();
      for (const Step& s : steps_) {
        const sc_time due = t0 + s.at;
        if (due > sc_core::sc_time_stamp()) wait(due - sc_core::sc_time_stamp());
        gpio_.setInput(s.pin, s.level);
      }
    }
  }
  GpioPort& gpio_;
  std::vector<Step> steps_;
  sc_core::sc_event go_;
};

struct Bench {
  GpioPort gpio{"gpio"};
  sc_core::sc_signal<bool> irq{"irq"}, wake{"wake"};
  MmioTestbench tb{"tb", gpio};
  KeyDriver keys{"keys", gpio};
  std::vector<Change> changes, inputChanges;
  Bench() {
    gpio.irq.bind(irq);
    gpio.wakeIrq.bind(wake);
    gpio.onOutputChange([this](unsigned pin, bool level, const sc_time& at) { changes.push_back({pin, level, at}); });
    gpio.onInputChange([this](unsigned pin, bool level, const sc_time& at) {
      inputChanges.push_back({pin, level, at});
    });
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    b.tb.wait(10, SC_US);  // past any decoupled access of the previous scenario
    b.gpio.reset();
    for (unsigned pin = 0; pin < GpioPort::kPins; ++pin) {
      b.gpio.releaseInput(pin);
      b.gpio.releaseAlternate(pin);
    }
    b.changes.clear();
    b.inputChanges.clear();
  })) << "scenario blocked";
}

constexpr uint32_t kKey = 1u << 2;  // GPIO2, K2 on the X3 board

// GPIO_IT_Cfg as the vendor driver does it (trig: 0 low, 1 high, 2 rising, 3 falling, 4 both).
void configureInterrupt(MmioTestbench& tb, uint32_t pins, int trig) {
  if (trig != 4) tb.write(INTEDG, tb.read(INTEDG) & ~pins);
  switch (trig) {
    case 0:
      tb.write(INTTYP, tb.read(INTTYP) & ~pins);
      tb.write(INTPOL, tb.read(INTPOL) & ~pins);
      break;
    case 1:
      tb.write(INTTYP, tb.read(INTTYP) & ~pins);
      tb.write(INTPOL, tb.read(INTPOL) | pins);
      break;
    case 2:
      tb.write(INTTYP, tb.read(INTTYP) | pins);
      tb.write(INTPOL, tb.read(INTPOL) | pins);
      break;
    case 3:
      tb.write(INTTYP, tb.read(INTTYP) | pins);
      tb.write(INTPOL, tb.read(INTPOL) & ~pins);
      break;
    default: tb.write(INTEDG, tb.read(INTEDG) | pins); break;
  }
  tb.write(INTEN, tb.read(INTEN) | pins);
}

}  // namespace

TEST(GpioPort, ResetValuesAndIdleInputs) {
  runScenario([](MmioTestbench& tb) {
    for (uint32_t r : {ODR, DDR, INTEN, INTMSK, INTTYP, INTPOL, INTSTA, INTRSTA, INTEDG, WAKEUP, TEST_PORT})
      EXPECT_EQ(tb.read(r), 0u) << r;
    EXPECT_EQ(tb.read(EXT_PORTA), 0xFFFFFu);                         // undriven pins are pulled up: keys released
    EXPECT_EQ(CONFIG_REG2_PWIDTH_A.get(tb.read(CONFIG_REG2)), 19u);  // 20 pins
    EXPECT_TRUE(CONFIG_REG1_BOTH_EDGE.test(tb.read(CONFIG_REG1)));
    EXPECT_NE(tb.read(VER_ID), 0u);
    EXPECT_FALSE(bench().irq.read());
    EXPECT_FALSE(bench().wake.read());
  });
}

TEST(GpioPort, RegistersKeepTwentyBits) {
  runScenario([](MmioTestbench& tb) {
    tb.write(DDR, 0xFFFFFFFF);
    EXPECT_EQ(tb.read(DDR), 0xFFFFFu);
    tb.write(TEST_PORT, TEST_PORT_CTRL_BK.mask());  // the cJTAG script's bit
    EXPECT_EQ(tb.read(TEST_PORT), TEST_PORT_CTRL_BK.mask());
    tb.write(PAD_RESV, PAD_RESV_XTAL_IN_IE.mask());
    EXPECT_EQ(tb.read(PAD_RESV), PAD_RESV_XTAL_IN_IE.mask());
  });
}

TEST(GpioPort, OutputsDriveThePinsAndReportChangesWithTheirTime) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    // The vendor LED sequence: GPIO_Init (DDR |= pin) then GPIO_OutputLo / Hi on ODR.
    tb.write(DDR, tb.read(DDR) | 0x3);
    ASSERT_EQ(b.changes.size(), 2u);  // ODR = 0: both pins now driven low
    EXPECT_FALSE(b.changes[0].level);
    EXPECT_EQ(b.changes[1].pin, 1u);
    EXPECT_EQ(tb.read(EXT_PORTA) & 0x3, 0u);
    b.changes.clear();
    const sc_time t0 = sc_core::sc_time_stamp();
    tb.write(ODR, tb.read(ODR) | 0x1, 4, sc_time(3, SC_US));  // a CPU 3 us ahead of the kernel
    ASSERT_EQ(b.changes.size(), 1u);
    EXPECT_EQ(b.changes[0].pin, 0u);
    EXPECT_TRUE(b.changes[0].level);
    EXPECT_EQ(b.changes[0].at, t0 + sc_time(3, SC_US));
    EXPECT_TRUE(b.gpio.pinLevel(0));
    tb.write(ODR, tb.read(ODR) | 0x1);  // same level: no report
    EXPECT_EQ(b.changes.size(), 1u);
    tb.write(DDR, 0x2);  // pin 0 released: floats back to its idle high level (no change)
    EXPECT_EQ(b.changes.size(), 1u);
    tb.write(DDR, 0x0);  // pin 1 released: low -> high
    ASSERT_EQ(b.changes.size(), 2u);
    EXPECT_EQ(b.changes[1].pin, 1u);
    EXPECT_TRUE(b.changes[1].level);
  });
}

TEST(GpioPort, InputsReadTheOutsideWorldOutputsReadOdr) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    b.gpio.setInput(2, false);
    EXPECT_EQ(tb.read(EXT_PORTA) & kKey, 0u);
    tb.write(DDR, kKey);
    tb.write(ODR, kKey);
    EXPECT_EQ(tb.read(EXT_PORTA) & kKey, kKey);  // driven by the chip
    EXPECT_TRUE(b.changes.empty() == false);
    tb.write(DDR, 0);
    EXPECT_EQ(tb.read(EXT_PORTA) & kKey, 0u);  // the key still holds it low
    b.gpio.releaseInput(2);
    EXPECT_EQ(tb.read(EXT_PORTA) & kKey, kKey);
    EXPECT_TRUE(b.changes.back().level == false);  // DDR 1->0 with the key down: reported low
  });
}

TEST(GpioPort, APeripheralDrivesAPadThroughThePinMuxOverOdr) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(DDR, 1u << 1);  // GPIO1 an output, ODR low
    b.changes.clear();
    b.gpio.driveAlternate(1, true);
    EXPECT_TRUE(b.gpio.isAlternate(1));
    EXPECT_EQ(tb.read(EXT_PORTA) & 2u, 2u);
    ASSERT_EQ(b.changes.size(), 1u);
    EXPECT_TRUE(b.changes[0].pin == 1 && b.changes[0].level);
    tb.write(ODR, 0);  // the GPIO's own value does not reach the pad meanwhile
    EXPECT_EQ(tb.read(EXT_PORTA) & 2u, 2u);
    b.gpio.driveAlternate(1, false);
    b.gpio.releaseAlternate(1);  // back to ODR (low): no change
    EXPECT_FALSE(b.gpio.isAlternate(1));
    ASSERT_EQ(b.changes.size(), 2u);
    EXPECT_FALSE(b.changes[1].level);
    EXPECT_TRUE(b.inputChanges.empty());
  });
}

TEST(GpioPort, InputListenersSeeWhatTheOutsideWorldChanges) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    b.gpio.setInput(10, true);  // idle level already: no change
    EXPECT_TRUE(b.inputChanges.empty());
    b.gpio.setInput(10, false);
    tb.wait(5, SC_US);
    b.gpio.releaseInput(10);  // back to the idle high level
    ASSERT_EQ(b.inputChanges.size(), 2u);
    EXPECT_TRUE(b.inputChanges[0].pin == 10 && !b.inputChanges[0].level);
    EXPECT_TRUE(b.inputChanges[1].level);
    EXPECT_EQ(b.inputChanges[1].at - b.inputChanges[0].at, sc_time(5, SC_US));
    EXPECT_TRUE(b.changes.empty());
  });
}

TEST(GpioPort, FallingEdgeInterruptLatchesUntilCleared) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    configureInterrupt(tb, kKey, 3);
    b.gpio.setInput(2, true);  // no edge: already high
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    b.gpio.setInput(2, false);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    EXPECT_EQ(tb.read(INTSTA), kKey);
    EXPECT_EQ(tb.read(INTRSTA), kKey);
    b.gpio.setInput(2, true);  // rising: no new edge, the latch stays
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    tb.write(INTCLR, kKey);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(INTSTA), 0u);
  });
}

TEST(GpioPort, RisingEdgeInterrupt) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    b.gpio.setInput(2, false);
    configureInterrupt(tb, kKey, 2);
    b.gpio.setInput(2, true);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    tb.write(INTCLR, tb.read(INTCLR) | kKey);  // the driver's RMW: INTCLR reads 0
    b.gpio.setInput(2, false);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
  });
}

TEST(GpioPort, BothEdgesInterruptOnPressAndRelease) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    configureInterrupt(tb, kKey, 4);
    b.gpio.setInput(2, false);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    tb.write(INTCLR, kKey);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    b.gpio.setInput(2, true);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    tb.write(INTCLR, kKey);
    // Both-edge overrides INTTYP/INTPOL; switching back to falling-only ignores rising edges.
    configureInterrupt(tb, kKey, 3);
    b.gpio.setInput(2, false);
    b.gpio.setInput(2, true);
    tb.settle();
    EXPECT_EQ(tb.read(INTSTA), kKey);  // from the falling edge only
    tb.write(INTCLR, kKey);
    b.gpio.setInput(2, false);
    tb.write(INTCLR, kKey);
    b.gpio.setInput(2, true);
    EXPECT_EQ(tb.read(INTSTA), 0u);
  });
}

TEST(GpioPort, LevelInterruptFollowsThePinAndIgnoresClear) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    configureInterrupt(tb, kKey, 0);  // low level
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    b.gpio.setInput(2, false);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    tb.write(INTCLR, kKey);
    tb.settle();
    EXPECT_TRUE(b.irq.read());  // still low
    b.gpio.setInput(2, true);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    configureInterrupt(tb, kKey, 1);  // high level: active at once
    tb.settle();
    EXPECT_TRUE(b.irq.read());
  });
}

TEST(GpioPort, MaskHidesTheInterruptButNotTheRawStatus) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    configureInterrupt(tb, kKey, 3);
    tb.write(INTMSK, kKey);
    b.gpio.setInput(2, false);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(INTSTA), 0u);
    EXPECT_EQ(tb.read(INTRSTA), kKey);
    tb.write(INTMSK, 0);
    tb.settle();
    EXPECT_TRUE(b.irq.read());
  });
}

TEST(GpioPort, OnlyEnabledInputsInterrupt) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    configureInterrupt(tb, kKey, 3);
    tb.write(INTEN, 0);
    b.gpio.setInput(2, false);
    EXPECT_EQ(tb.read(INTRSTA), 0u);  // not enabled: nothing latched
    b.gpio.setInput(2, true);
    tb.write(INTEN, kKey);
    tb.write(ODR, kKey);
    tb.write(DDR, kKey);  // an output pin (driving high) does not interrupt on what the outside does
    b.gpio.setInput(2, false);
    EXPECT_EQ(tb.read(INTRSTA), 0u);
    tb.write(DDR, 0);  // back to input: the pin now reads the key's low level, a falling edge
    EXPECT_EQ(tb.read(INTRSTA), kKey);
    tb.write(INTEN, 0);  // disabling drops the pending edge
    EXPECT_EQ(tb.read(INTRSTA), 0u);
  });
}

TEST(GpioPort, WakeUpLatchesEdgesUntilItsEoi) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const uint32_t pin10 = 1u << 10;  // the vendor gpio_rsm example's wake-up pin
    b.gpio.setInput(10, false);
    configureInterrupt(tb, pin10, 2);
    b.gpio.setInput(10, true);
    tb.settle();
    EXPECT_TRUE(b.wake.read());
    EXPECT_EQ(tb.read(WAKEUP), pin10);
    tb.write(WAKEUP_EOI, pin10);
    tb.write(INTCLR, pin10);
    tb.settle();
    EXPECT_FALSE(b.wake.read());
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(WAKEUP), 0u);
  });
}

TEST(GpioPort, KeyPressesFromAnotherThreadInterruptAtTheirTimes) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    configureInterrupt(tb, kKey, 4);
    tb.settle();
    const sc_time t0 = sc_core::sc_time_stamp();
    // K2 pressed at 15 ms for 5 ms (what `--press K2@15ms:5ms` asks of the X3 board).
    b.keys.start({{sc_time(15, SC_MS), 2, false}, {sc_time(20, SC_MS), 2, true}});
    std::vector<std::pair<sc_time, uint32_t>> seen;  // (time, EXT_PORTA) at each interrupt
    while (seen.size() < 2) {
      tb.wait(b.irq.posedge_event());
      seen.emplace_back(sc_core::sc_time_stamp() - t0, tb.read(EXT_PORTA) & kKey);
      tb.write(INTCLR, kKey);  // the GPIO_IRQHandler's first action
      tb.settle();
    }
    EXPECT_EQ(seen[0].first, sc_time(15, SC_MS));
    EXPECT_EQ(seen[0].second, 0u);  // pressed: low
    EXPECT_EQ(seen[1].first, sc_time(20, SC_MS));
    EXPECT_EQ(seen[1].second, kKey);  // released: high
  });
}

TEST(GpioPort, WriteOnlyRegistersReadZeroAndReadOnlyIgnoreWrites) {
  runScenario([](MmioTestbench& tb) {
    EXPECT_EQ(tb.read(INTCLR), 0u);
    EXPECT_EQ(tb.read(WAKEUP_EOI), 0u);
    tb.write(EXT_PORTA, 0);
    EXPECT_EQ(tb.read(EXT_PORTA), 0xFFFFFu);
  });
}
