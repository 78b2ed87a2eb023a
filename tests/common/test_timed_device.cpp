// The timed-device base (models/common/TimedDevice.h) with a small block written only as its
// behaviour: a down-counter that raises its interrupt a programmed number of clock ticks after a
// write. The tests check what the base owns: catching up to the access time (never backwards,
// temporally decoupled accesses included), the one update process that drives the output and
// re-arms for the next change, following the clock's frequency and clock-select changes, and
// whether the outputs are driven from time 0.
#include <gtest/gtest.h>

#include <vector>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "common/TimedDevice.h"

using periph_test::MmioTestbench;
using sc_core::SC_NS;
using sc_core::sc_time;

int sc_main(int, char**) { return 0; }

namespace {

// START (write N): the interrupt rises N ticks later. LEFT: ticks still to go. ACK (write):
// lowers the interrupt.
constexpr uint32_t START = 0x0, LEFT = 0x4, ACK = 0x8;

class CountdownBlock : public wtm::TimedDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};
  std::vector<sc_time> advancedTo;  // every advanceTo time, in call order
  unsigned drives = 0;              // driveOutputs calls

  CountdownBlock(sc_core::sc_module_name name, wtm::ClockDomain& clock)
      : TimedDevice(name, wtm::RegisterTable{}, clock) {}

 protected:
  bool readRegister(uint32_t offset, unsigned, uint32_t& value) override {
    if (!debugAccess()) catchUp(accessTime());
    if (offset != LEFT) return false;
    const uint64_t n = tick().ticksAt(std::max(now(), accessTime()));
    value = running_ && n < fireTick_ ? static_cast<uint32_t>(fireTick_ - n) : 0;
    return true;
  }
  bool writeRegister(uint32_t offset, unsigned, uint32_t value) override {
    catchUp(accessTime());
    if (offset == START) {
      fireTick_ = tick().ticksAt(now()) + value;
      running_ = true;
    } else if (offset == ACK) {
      fired_ = false;
    } else {
      return false;
    }
    scheduleUpdate(now());
    return true;
  }

 private:
  void advanceTo(const sc_time& t) override {
    advancedTo.push_back(t);
    if (running_ && tick().ticksAt(t) >= fireTick_) {
      running_ = false;
      fired_ = true;
    }
  }
  void driveOutputs() override {
    ++drives;
    irq.write(fired_);
  }
  std::optional<sc_time> nextChange() const override {
    if (!running_) return std::nullopt;
    return tick().timeOfTick(fireTick_);
  }

  uint64_t fireTick_ = 0;
  bool running_ = false, fired_ = false;
};

// A block with nothing timed, whose outputs are driven only when it asks.
class QuietBlock : public wtm::TimedDevice {
 public:
  unsigned drives = 0;
  QuietBlock(sc_core::sc_module_name name) : TimedDevice(name, wtm::RegisterTable{}, FirstUpdate::WhenScheduled) {}

 protected:
  bool readRegister(uint32_t, unsigned, uint32_t&) override { return false; }
  bool writeRegister(uint32_t, unsigned, uint32_t) override {
    scheduleUpdate(accessTime());
    return true;
  }

 private:
  void advanceTo(const sc_time&) override {}
  void driveOutputs() override { ++drives; }
};

const sc_time kTick(10, SC_NS);  // 100 MHz

struct Bench {
  wtm::ClockDomain clock{"clk", 100e6};
  wtm::ClockDomain other{"other", 25e6};
  CountdownBlock block{"countdown", clock};
  QuietBlock quiet{"quiet"};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", block};
  MmioTestbench quietTb{"quiet_tb", quiet};  // binds its socket; runs no scenario
  Bench() { block.irq.bind(irq); }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    b.clock.setFrequency(100e6);
    if (&b.block.clock() != &b.clock) b.block.setClock(b.clock);
    const uint64_t ps = sc_core::sc_time_stamp().value(), tick = kTick.value();
    if (ps % tick) b.tb.wait(sc_time::from_value(tick - ps % tick));  // on a tick edge
    b.tb.write(ACK, 0);
  })) << "scenario blocked";
}

// The interrupt is still low 1 ns before `after` from now and high at `after`.
void expectIrqRisesAfter(MmioTestbench& tb, const sc_time& after) {
  Bench& b = bench();
  tb.wait(after - sc_time(1, SC_NS));
  tb.settle();
  EXPECT_FALSE(b.irq.read()) << "1 ns early, at " << sc_core::sc_time_stamp();
  tb.wait(sc_time(1, SC_NS));
  tb.settle();
  EXPECT_TRUE(b.irq.read()) << "at " << sc_core::sc_time_stamp();
}

}  // namespace

TEST(TimedDevice, DrivesTheOutputAtTheTimeOfTheBlocksOwnChange) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(START, 5);
    tb.wait(kTick * 4.5);
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(LEFT), 1u);
    tb.wait(kTick * 0.5);
    tb.settle();
    EXPECT_TRUE(b.irq.read()) << "update() re-armed for the tick the countdown ends on";
    tb.write(ACK, 0);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
  });
}

TEST(TimedDevice, CatchUpNeverGoesBackEvenForAnAccessBehindADecoupledOne) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    b.block.advancedTo.clear();
    const sc_time start = sc_core::sc_time_stamp();
    tb.write(START, 100, 4, kTick * 20);  // 20 ticks ahead of the kernel
    tb.read(LEFT, 4, kTick * 3);          // an access behind it
    ASSERT_GE(b.block.advancedTo.size(), 2u);
    EXPECT_EQ(b.block.advancedTo[0], start + kTick * 20);
    for (size_t i = 1; i < b.block.advancedTo.size(); ++i)
      EXPECT_GE(b.block.advancedTo[i], b.block.advancedTo[i - 1]) << "call " << i;
    EXPECT_EQ(tb.read(LEFT, 4, kTick * 30), 90u) << "counted from the decoupled write's time";
    tb.wait(kTick * 40);  // the kernel passes the block's time before the next scenario
  });
}

TEST(TimedDevice, AFrequencyChangeKeepsTheTicksAlreadyCounted) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(START, 10);
    tb.wait(kTick * 4);
    b.clock.setFrequency(50e6);  // 6 ticks left, now 20 ns each: fires 40 ns + 6 x 20 ns after the start
    expectIrqRisesAfter(tb, sc_time(120, SC_NS));
  });
}

TEST(TimedDevice, SetClockSwitchesToAnotherDomain) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(START, 8);
    tb.wait(kTick * 2);
    b.block.setClock(b.other);  // 6 ticks left at 40 ns
    EXPECT_EQ(&b.block.clock(), &b.other);
    expectIrqRisesAfter(tb, sc_time(240, SC_NS));
    b.other.setFrequency(12.5e6);  // the block follows changes of the domain it uses now...
    tb.write(ACK, 0);
    tb.write(START, 1);
    expectIrqRisesAfter(tb, sc_time(80, SC_NS));
    const size_t calls = b.block.advancedTo.size();
    b.clock.setFrequency(1e6);  // ...and no longer those of the one it left
    EXPECT_EQ(b.block.advancedTo.size(), calls);
    b.other.setFrequency(25e6);
  });
}

TEST(TimedDevice, OutputsFromTimeZeroOrOnlyWhenScheduled) {
  Bench& b = bench();
  // Elaboration and the first scenario ran the start-up updates.
  runScenario([](MmioTestbench&) {});
  EXPECT_GE(b.block.drives, 1u);
  EXPECT_EQ(b.quiet.drives, 0u) << "WhenScheduled: no update at start";
}
