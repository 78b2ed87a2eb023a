// ECLIC register behaviour and arbitration, and the SysTimer's mtime/mtimecmp/msip, as bus
// targets (firmware-level behaviour is covered by sw/tests/board/eclic_test on the board).
#include <gtest/gtest.h>

#include <vector>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "DebugRead.h"
#include "ScenarioTestbench.h"
#include "common/ClockDomain.h"
#include "eclic/EclicController.h"
#include "eclic/eclic_regs.h"
#include "systimer/SysTimer.h"
#include "systimer/systimer_regs.h"

using namespace wtm;
using namespace wtm::riscv;
using sc_core::sc_time;

int sc_main(int, char**) { return 0; }

namespace {

struct Port : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Port> socket{"socket"};
  explicit Port(sc_core::sc_module_name n) : sc_core::sc_module(n) {}
  uint32_t access(bool write, uint32_t addr, uint32_t v, unsigned len = 4) {
    wtm::test::tlmAccess(socket, write, addr, v, len);
    return v;
  }
  // A register read by debug transport, as a debugger reads it (tests/periph/DebugRead.h).
  uint32_t debugRead(uint32_t addr, unsigned len = 4) { return periph_test::debugReadRegister(socket, addr, len); }
};

struct Bench {
  ClockDomain hclk{"hclk", 24.576e6}, tick{"tick", 24.576e6 / 8};
  EclicController eclic{"eclic"};
  SysTimer timer{"systimer", tick, hclk};
  Port ep{"eclic_port"}, tp{"timer_port"};
  std::vector<sc_core::sc_signal<bool>> lines;
  sc_core::sc_signal<bool> timerIrq{"timer_irq"}, swIrq{"sw_irq"};
  std::vector<InterruptRequest> offers;

  Bench() : lines(EclicController::kNumInterrupts) {
    ep.socket.bind(eclic.socket);
    tp.socket.bind(timer.socket);
    for (unsigned i = 0; i < EclicController::kNumInterrupts; ++i) eclic.lines[i].bind(lines[i]);
    timer.timerIrq.bind(timerIrq);
    timer.softwareIrq.bind(swIrq);
    eclic.onRequestChanged([this](const InterruptRequest& r) { offers.push_back(r); });
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
  void w8(uint32_t a, uint8_t v) { ep.access(true, a, v, 1); }
  uint8_t r8(uint32_t a) { return static_cast<uint8_t>(ep.access(false, a, 0, 1)); }
  void step() { sc_core::sc_start(sc_time(1, sc_core::SC_NS)); }
};

Bench& bench() {
  static Bench b;
  return b;
}

}  // namespace

TEST(Eclic, InfoAndUnimplementedControlBits) {
  Bench& b = bench();
  const uint32_t info = b.ep.access(false, eclic::CLICINFO, 0);
  EXPECT_EQ(eclic::CLICINFO_NUM_INTERRUPT.get(info), EclicController::kNumInterrupts);
  EXPECT_EQ(eclic::CLICINFO_CLICINTCTLBITS.get(info), EclicController::kCtlBits);
  b.w8(eclic::INTCTL0 + 4 * 5, 0x00);
  EXPECT_EQ(b.r8(eclic::INTCTL0 + 4 * 5), 0x0F);  // the 4 unimplemented low bits read 1
  b.w8(eclic::INTCTL0 + 4 * 5, 0xA5);
  EXPECT_EQ(b.r8(eclic::INTCTL0 + 4 * 5), 0xAF);
}

TEST(Eclic, ArbitratesByLevelThenPriorityAndHonoursThreshold) {
  Bench& b = bench();
  b.w8(eclic::CLICCFG, 2 << 1);  // NLBITS = 2: two level bits, two priority bits
  for (unsigned id : {30u, 31u, 32u}) {
    b.w8(eclic::INTATTR0 + 4 * id, 1 << 1);  // rising edge, non-vectored
    b.w8(eclic::INTIE0 + 4 * id, 1);
  }
  b.w8(eclic::INTCTL0 + 4 * 30, 0x40);  // level 01, priority 00
  b.w8(eclic::INTCTL0 + 4 * 31, 0x70);  // level 01, priority 11
  b.w8(eclic::INTCTL0 + 4 * 32, 0x00);  // level 00
  b.w8(eclic::INTIP0 + 4 * 30, 1);
  b.w8(eclic::INTIP0 + 4 * 31, 1);
  b.w8(eclic::INTIP0 + 4 * 32, 1);
  EXPECT_TRUE(b.eclic.request().valid);
  EXPECT_EQ(b.eclic.request().id, 31u);  // same level as 30, higher priority
  EXPECT_EQ(b.eclic.request().level, 0x7Fu);
  b.eclic.claim(31);  // edge: cleared
  EXPECT_EQ(b.eclic.request().id, 30u);
  b.w8(eclic::MTH, 0x7F);  // level 0x7F is not above the threshold
  EXPECT_FALSE(b.eclic.request().valid);
  b.w8(eclic::MTH, 0);
  b.eclic.claim(30);
  EXPECT_EQ(b.eclic.request().id, 32u);
  b.eclic.claim(32);
  EXPECT_FALSE(b.eclic.request().valid);
  b.w8(eclic::CLICCFG, 4 << 1);
}

TEST(Eclic, LevelAndEdgeTriggeredLines) {
  Bench& b = bench();
  b.w8(eclic::INTATTR0 + 4 * 41, 0);  // level
  b.w8(eclic::INTIE0 + 4 * 41, 1);
  b.w8(eclic::INTATTR0 + 4 * 23, 1 << 1);  // rising edge
  b.w8(eclic::INTIE0 + 4 * 23, 1);
  b.w8(eclic::INTATTR0 + 4 * 24, 3 << 1);  // falling edge
  b.w8(eclic::INTIE0 + 4 * 24, 1);
  b.lines[41].write(true);
  b.step();
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 41), 1);
  b.eclic.claim(41);
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 41), 1);  // level: follows the line, not the claim
  b.lines[41].write(false);
  b.step();
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 41), 0);
  b.lines[23].write(true);
  b.lines[24].write(true);
  b.step();
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 23), 1);
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 24), 0);
  b.lines[24].write(false);
  b.step();
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 24), 1);
  b.eclic.claim(23);
  b.eclic.claim(24);
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 23), 0);
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 24), 0);
  for (unsigned id : {41u, 23u, 24u}) b.w8(eclic::INTIE0 + 4 * id, 0);
}

TEST(SysTimer, CountsAtTheTickAndRaisesTheCompareInterrupt) {
  Bench& b = bench();
  using namespace systimer;
  b.tp.access(true, MTIMER_LO, 0);
  b.tp.access(true, MTIMER_HI, 0);
  b.tp.access(true, MTIMERCMP_HI, 0);
  b.tp.access(true, MTIMERCMP_LO, 1000);
  const sc_time tick = b.tick.period();
  sc_core::sc_start(tick * 999.5);
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), 999u);
  EXPECT_FALSE(b.timerIrq.read());
  sc_core::sc_start(tick * 1.0);
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), 1000u);
  EXPECT_TRUE(b.timerIrq.read());
  b.tp.access(true, MTIMERCMP_LO, 5000);
  b.step();
  EXPECT_FALSE(b.timerIrq.read());
  b.tp.access(true, MTIMECTL, MTIMECTL_TIMESTOP.mask());
  const uint32_t stopped = b.tp.access(false, MTIMER_LO, 0);
  sc_core::sc_start(tick * 100.0);
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), stopped);
  b.tp.access(true, MTIMECTL, MTIMECTL_CLKSRC.mask());  // core clock: 8x faster
  sc_core::sc_start(tick * 10.0);
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), stopped + 80u);
  b.tp.access(true, MSIP, 1);
  b.step();
  EXPECT_TRUE(b.swIrq.read());
  b.tp.access(true, MSIP, 0);
  b.step();
  EXPECT_FALSE(b.swIrq.read());
}

TEST(SysTimer, KeepsItsCountWhenTheTickClockChangesAndFiresAtTheNewRate) {
  Bench& b = bench();
  using namespace systimer;
  b.tp.access(true, MTIMECTL, 0);  // SysTick clock
  b.tp.access(true, MTIMER_LO, 0);
  b.tp.access(true, MTIMER_HI, 0);
  b.tp.access(true, MTIMERCMP_HI, 0);
  b.tp.access(true, MTIMERCMP_LO, 300);
  const sc_time slow = b.tick.period();
  sc_core::sc_start(slow * 100.5);
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), 100u);
  b.tick.setFrequency(b.tick.frequency() * 4);  // e.g. the PLL: 100 ticks are kept, then 4x faster
  const sc_time fast = b.tick.period();
  sc_core::sc_start(fast * 100.0);
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), 200u);
  EXPECT_FALSE(b.timerIrq.read());
  sc_core::sc_start(fast * 100.5);  // the compare match at 300 comes at the fast rate
  EXPECT_TRUE(b.timerIrq.read());
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), 300u);
  b.tick.setFrequency(b.tick.frequency() / 4);
}

// A debugger reads the ECLIC's pending bits (byte registers, alone and as words) and the
// SysTimer while interrupts are pending: the pending bits, the offered request and the lines
// stay as they are until the core claims.
TEST(Eclic, DebugReadsLeavePendingBitsAndTheRequestAlone) {
  Bench& b = bench();
  b.w8(eclic::INTATTR0 + 4 * 23, 1 << 1);  // rising edge
  b.w8(eclic::INTIE0 + 4 * 23, 1);
  b.w8(eclic::INTCTL0 + 4 * 23, 0xF0);
  b.lines[23].write(false);
  b.step();
  b.lines[23].write(true);  // a rising edge
  b.step();
  ASSERT_TRUE(b.eclic.request().valid);
  ASSERT_EQ(b.eclic.request().id, 23u);
  const size_t offers = b.offers.size();
  const uint32_t mth = b.r8(eclic::MTH);
  periph_test::expectQuiet([&] {
    EXPECT_EQ(b.ep.debugRead(eclic::INTIP0 + 4 * 23, 1), 1u);
    EXPECT_EQ(b.ep.debugRead(eclic::INTIP0 + 4 * 23), 0xFF020101u);  // ip, ie, attr, ctl
    EXPECT_EQ(b.ep.debugRead(eclic::MTH, 1), mth);
    EXPECT_EQ(eclic::CLICINFO_NUM_INTERRUPT.get(b.ep.debugRead(eclic::CLICINFO)), EclicController::kNumInterrupts);
  });
  EXPECT_EQ(b.offers.size(), offers);
  EXPECT_EQ(b.eclic.request().id, 23u);
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 23), 1);
  b.eclic.claim(23);
  EXPECT_EQ(b.r8(eclic::INTIP0 + 4 * 23), 0);
  EXPECT_EQ(b.ep.debugRead(eclic::INTIP0 + 4 * 23, 1), 0u);
  b.lines[23].write(false);
  b.step();
  b.w8(eclic::INTIE0 + 4 * 23, 0);
}

TEST(SysTimer, DebugReadsSeeMtimeAndChangeNothing) {
  Bench& b = bench();
  using namespace systimer;
  b.tp.access(true, MTIMECTL, 0);
  b.tp.access(true, MTIMER_LO, 0);
  b.tp.access(true, MTIMER_HI, 0);
  b.tp.access(true, MTIMERCMP_HI, 0);
  b.tp.access(true, MTIMERCMP_LO, 10);
  sc_core::sc_start(b.tick.period() * 20.5);
  ASSERT_TRUE(b.timerIrq.read());
  periph_test::expectQuiet([&] {
    EXPECT_EQ(b.tp.debugRead(MTIMER_LO), 20u);
    EXPECT_EQ(b.tp.debugRead(MTIMERCMP_LO), 10u);
    EXPECT_EQ(b.tp.debugRead(MSFTRST), 0u);
  });
  EXPECT_EQ(b.tp.access(false, MTIMER_LO, 0), 20u);
  b.step();
  EXPECT_TRUE(b.timerIrq.read());
  b.tp.access(true, MTIMERCMP_LO, 0xFFFFFFFF);
  b.tp.access(true, MTIMERCMP_HI, 0xFFFFFFFF);
  b.step();
}
