// RCC, PMU and AFC models with the ClockTree: reset values, the register behaviour vendor start-up
// code depends on (PLL_EN read-back, SYSCLK_SELACK, RST_EN read-modify-write, AFC counts), and the
// frequencies the tree derives for every domain. Scenarios run in the testbench thread of
// tests/periph/timer/MmioTestbench.h; the PMU and AFCs are reached through their own sockets.
#include <gtest/gtest.h>

#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/clock/AfcCalibrator.h"
#include "periph/clock/ClockTree.h"
#include "periph/clock/PmuController.h"
#include "periph/clock/RccController.h"
#include "periph/clock/afc_regs.h"
#include "periph/clock/pmu_regs.h"
#include "periph/clock/rcc_regs.h"

using namespace periph_test;
using sc_core::SC_MS;
using sc_core::SC_NS;
using sc_core::SC_US;
using wtm::periph::AfcCalibrator;
using wtm::periph::ClockTree;
using wtm::periph::Oscillator;
using wtm::periph::PmuController;
using wtm::periph::RccController;
namespace rcc = wtm::periph::rcc;
namespace pmu = wtm::periph::pmu;
namespace afc = wtm::periph::afc;

int sc_main(int, char**) { return 0; }

namespace {

constexpr double kOsc24m = 24.576e6;

struct Bench {
  wtm::ClockDomain hclk{"hclk", kOsc24m};
  wtm::ClockDomain systick{"systick", kOsc24m / 8};
  ClockTree tree{hclk, systick};
  RccController rcc{"rcc"};
  PmuController pmu{"pmu"};
  AfcCalibrator afc24{"afc24m", AfcCalibrator::Kind::Osc24M, tree};
  AfcCalibrator afc320{"afc320k", AfcCalibrator::Kind::Osc320K, tree};
  MmioTestbench tb{"tb_rcc", rcc};
  MmioTestbench tbPmu{"tb_pmu", pmu};
  MmioTestbench tbAfc24{"tb_afc24", afc24};
  MmioTestbench tbAfc320{"tb_afc320", afc320};
  unsigned hclkChanges = 0;
  Bench() {
    tree.attach(rcc, pmu);
    hclk.onChange([this](const wtm::ClockDomain&) { ++hclkChanges; });
  }
};

Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }

void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] {
    b.tree.setOscillatorHz(Oscillator::Internal24M, kOsc24m);
    b.tree.setOscillatorHz(Oscillator::Internal320K, 320e3);
    b.rcc.reset();
    b.pmu.reset();
    b.afc24.reset();
    b.afc320.reset();
    b.hclkChanges = 0;
  })) << "scenario blocked";
}

uint32_t pmuRead(uint32_t off, unsigned size = 1) { return bench().tbPmu.read(off, size); }
void pmuWrite(uint32_t off, uint32_t v, unsigned size = 1) { bench().tbPmu.write(off, v, size); }

// The vendor hal_clock PLL path (PMU_Set_Clock_Source_Cmd, HAL_Startup_PLL, RCC_SYSClk_Sel).
void startPll(MmioTestbench& tb, unsigned n) {
  pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_OSC_EN.mask() | pmu::CTL_PLL_EN.mask());
  pmuWrite(pmu::CLK, pmuRead(pmu::CLK) | pmu::CLK_PLL_GATE_DIS.mask());
  EXPECT_TRUE(pmu::CTL_PLL_EN.test(pmuRead(pmu::CTL)));
  pmuWrite(pmu::PLL_1, (2u << 5) | n);
  tb.wait(200, SC_US);
  tb.write(rcc::CLK_SEL, tb.read(rcc::CLK_SEL) & ~rcc::CLK_SEL_SYSCLK_SEL.mask());
  tb.write(rcc::CLK_SEL, tb.read(rcc::CLK_SEL) | 2u);
}

}  // namespace

TEST(Clock, ResetStateRunsOnTheInternalOscillator) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    const uint32_t sel = tb.read(rcc::CLK_SEL);
    EXPECT_EQ(rcc::CLK_SEL_SYSCLK_SEL.get(sel), 0u);
    EXPECT_TRUE(rcc::CLK_SEL_SYSCLK_SELACK.test(sel));
    EXPECT_EQ(tb.read(rcc::RST_EN), 0xFFFFFFFFu);
    EXPECT_EQ(pmuRead(pmu::REVID), 0x11u);
    EXPECT_EQ(pmuRead(pmu::FLAG_CTL), pmu::FLAG_CTL_PORB_RST_FLAG.mask());
    EXPECT_TRUE(pmu::CTL_OSC_EN.test(pmuRead(pmu::CTL)));
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), kOsc24m);
    EXPECT_DOUBLE_EQ(b.systick.frequency(), kOsc24m / 8);
    EXPECT_DOUBLE_EQ(b.tree.apb0().frequency(), kOsc24m);
    EXPECT_DOUBLE_EQ(b.tree.timer(3).frequency(), kOsc24m);
    EXPECT_DOUBLE_EQ(b.tree.rtc().frequency(), kOsc24m / 32);
  });
}

TEST(Clock, PllSwitchFollowsTheVendorSequence) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    startPll(tb, 4);
    EXPECT_DOUBLE_EQ(b.tree.sysclkHz(), 4 * kOsc24m);
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), 4 * kOsc24m);
    // SDK template: AHB / 3, APB0 / 2.
    tb.write(rcc::CLK_DIV_0, (tb.read(rcc::CLK_DIV_0) & ~rcc::CLK_DIV_0_DIV_AHB.mask()) | 2u);
    tb.write(rcc::CLK_DIV_1, (tb.read(rcc::CLK_DIV_1) & ~rcc::CLK_DIV_1_DIV_APB0.mask()) | 1u);
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), 4 * kOsc24m / 3);
    EXPECT_DOUBLE_EQ(b.tree.apb0().frequency(), 4 * kOsc24m / 6);
    EXPECT_DOUBLE_EQ(b.systick.frequency(), 4 * kOsc24m / 24);
    EXPECT_DOUBLE_EQ(b.tree.npu().frequency(), 4 * kOsc24m);
    EXPECT_NE(b.tree.summary().find("PLL x4"), std::string::npos) << b.tree.summary();
  });
}

TEST(Clock, SysclkAcknowledgeDropsUntilTheSwitchIsDone) {
  runScenario([](MmioTestbench& tb) {
    startPll(tb, 6);  // ends with a switch 0 -> 2 at the current time
    EXPECT_FALSE(rcc::CLK_SEL_SYSCLK_SELACK.test(tb.read(rcc::CLK_SEL)));
    // 2 cycles of 24.576 MHz + 2 of 147.456 MHz = 95 ns.
    EXPECT_FALSE(rcc::CLK_SEL_SYSCLK_SELACK.test(tb.read(rcc::CLK_SEL, 4, sc_time(90, SC_NS))));
    EXPECT_TRUE(rcc::CLK_SEL_SYSCLK_SELACK.test(tb.read(rcc::CLK_SEL, 4, sc_time(100, SC_NS))));
    tb.wait(1, SC_US);
    EXPECT_TRUE(rcc::CLK_SEL_SYSCLK_SELACK.test(tb.read(rcc::CLK_SEL)));
    // Rewriting the same source keeps the acknowledge.
    tb.write(rcc::CLK_SEL, tb.read(rcc::CLK_SEL));
    EXPECT_TRUE(rcc::CLK_SEL_SYSCLK_SELACK.test(tb.read(rcc::CLK_SEL)));
  });
}

TEST(Clock, PllLockDetectRisesAfterTheLockTime) {
  runScenario([](MmioTestbench& tb) {
    EXPECT_FALSE(pmu::PLL_0_PLL_LOCK_DETECT.test(pmuRead(pmu::PLL_0)));
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_PLL_EN.mask());
    EXPECT_FALSE(pmu::PLL_0_PLL_LOCK_DETECT.test(pmuRead(pmu::PLL_0)));
    tb.wait(60, SC_US);
    EXPECT_TRUE(pmu::PLL_0_PLL_LOCK_DETECT.test(pmuRead(pmu::PLL_0)));
    pmuWrite(pmu::PLL_0, 0x1F);  // lock bit is read-only, the rest is stored
    EXPECT_EQ(pmuRead(pmu::PLL_0), 0x1Fu);
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) & ~pmu::CTL_PLL_EN.mask());
    EXPECT_EQ(pmuRead(pmu::PLL_0), 0x1Eu);
  });
}

TEST(Clock, TwentyFourMegDividerExternalSourceAndSlowClocks) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    // PMU_Set_24M_Clock_Source_div(4): OSC_SEL on, code 2.
    pmuWrite(pmu::PMU_RESV, 2);
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_OSC_SEL.mask());
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), kOsc24m / 4);
    b.tree.setOscillatorHz(Oscillator::External24M, 12e6);
    pmuWrite(pmu::TRIM1, pmu::TRIM1_OSC24M_SEL.mask());
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), 3e6);
    b.tree.setOscillatorHz(Oscillator::External24M, kOsc24m);
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) & ~pmu::CTL_OSC_SEL.mask());
    pmuWrite(pmu::TRIM1, 0);
    const unsigned expectHz[] = {0, 0, 0, 10000, 32768, 160000};
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_XTL32K_EN.mask() | pmu::CTL_OSC320K_EN.mask());
    for (unsigned sel = 3; sel <= 5; ++sel) {
      tb.write(rcc::CLK_SEL, sel);
      EXPECT_DOUBLE_EQ(b.hclk.frequency(), expectHz[sel]) << sel;
    }
    // Audio clock as SYSCLK: 24M / (AUD_DIV + 1).
    pmuWrite(pmu::CLK_CTL, 5u << 4);
    tb.write(rcc::CLK_SEL, 1);
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), kOsc24m / 6);
    EXPECT_DOUBLE_EQ(b.tree.audio().frequency(), kOsc24m / 6);
  });
}

TEST(Clock, PeripheralClockDomainsFollowTheirDividersAndSelects) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(rcc::TIM_DIV, rcc::TIM_DIV_TIM0_DIV.set(0, 0x0F) | rcc::TIM_DIV_TIM1_DIV.set(0, 1) |
                               rcc::TIM_DIV_TIM2_DIV.set(0, 3) | rcc::TIM_DIV_TIM3_DIV.set(0, 0xFF));
    EXPECT_DOUBLE_EQ(b.tree.timer(0).frequency(), kOsc24m / 16);
    EXPECT_DOUBLE_EQ(b.tree.timer(1).frequency(), kOsc24m / 2);
    EXPECT_DOUBLE_EQ(b.tree.timer(2).frequency(), kOsc24m / 4);
    EXPECT_DOUBLE_EQ(b.tree.timer(3).frequency(), kOsc24m / 256);
    tb.write(rcc::CLK_DIV_2, 3u | (7u << 8));  // PWM0 / 4, PWM1 / 8
    EXPECT_DOUBLE_EQ(b.tree.pwm(0).frequency(), kOsc24m / 4);
    EXPECT_DOUBLE_EQ(b.tree.pwm(1).frequency(), kOsc24m / 8);
    tb.write(rcc::CLK_DIV_2, 0);
    tb.write(rcc::CLK_SEL, rcc::CLK_SEL_SYSTICK_SEL.set(0, 1));  // SysTick from the 10 kHz RC
    EXPECT_DOUBLE_EQ(b.systick.frequency(), 10000);
    tb.write(rcc::CLK_SEL, rcc::CLK_SEL_SYSTICK_SEL.set(0, 2));
    EXPECT_DOUBLE_EQ(b.systick.frequency(), 32768);
    pmuWrite(pmu::CLK_CTL, 5);  // NPU divider during the trim read
    EXPECT_DOUBLE_EQ(b.tree.npu().frequency(), kOsc24m / 6);
    pmuWrite(pmu::CLK, pmu::CLK_TCLK_EN.mask() | 1u | (2u << 2));  // RTC 10 kHz, WDT 32 kHz
    EXPECT_DOUBLE_EQ(b.tree.rtc().frequency(), 10000);
    EXPECT_DOUBLE_EQ(b.tree.wdt().frequency(), 32768);
    const uint32_t acks = pmu::CLK_RTC_SWIACK.mask() | pmu::CLK_WDT_SWIACK.mask();
    EXPECT_EQ(pmuRead(pmu::CLK) & acks, acks);  // switch acknowledges
    tb.write(rcc::CLK_DIV_0, 9u << 24);
    tb.write(rcc::CLK_SEL, rcc::CLK_SEL_DBCLK_SEL.mask());
    EXPECT_DOUBLE_EQ(b.tree.debounce().frequency(), 1000);
  });
}

TEST(Clock, DomainsAreRetunedOnlyOnRealChanges) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(rcc::CLK_DIV_0, 0);
    tb.write(rcc::CLK_SEL, 0);
    pmuWrite(pmu::CLK_CTL, 0);
    EXPECT_EQ(b.hclkChanges, 0u);
    tb.write(rcc::CLK_DIV_0, 1);
    EXPECT_EQ(b.hclkChanges, 1u);
  });
}

TEST(Clock, ResetRegisterReadsBackForReadModifyWrite) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    // Listeners outlive the test (the bench is shared): they write to statics.
    static uint32_t asserted, released;
    asserted = released = 0;
    b.rcc.onResetChange([](uint32_t a, uint32_t r) {
      asserted |= a;
      released |= r;
    });
    // RCC_Peri_Rst(0xFFFFDFDF): everything but PMU and GPIO.
    tb.write(rcc::RST_EN, tb.read(rcc::RST_EN) & ~0xFFFFDFDFu);
    EXPECT_EQ(tb.read(rcc::RST_EN), 0x00002020u);
    EXPECT_TRUE(b.rcc.inReset(rcc::RST_EN_UART0_RSTN.mask()));
    EXPECT_FALSE(b.rcc.inReset(rcc::RST_EN_GPIO_RSTN.mask()));
    tb.write(rcc::RST_EN, tb.read(rcc::RST_EN) | 0xFFFFDFDFu);
    EXPECT_EQ(tb.read(rcc::RST_EN), 0xFFFFFFFFu);
    EXPECT_EQ(asserted, 0xFFFFDFDFu);
    EXPECT_EQ(released, 0xFFFFDFDFu);
    EXPECT_FALSE(b.rcc.inReset(rcc::RST_EN_UART0_RSTN.mask()));
    // SystemInit's clock-enable read-modify-writes.
    tb.write(rcc::CLK_EN, tb.read(rcc::CLK_EN) | 0xE0082020u);
    tb.write(rcc::CLK_EN, tb.read(rcc::CLK_EN) & ~0x1FF7C3DFu);
    EXPECT_EQ(tb.read(rcc::CLK_EN), 0xE0082020u);
    EXPECT_TRUE(b.rcc.clockEnabled(rcc::CLK_EN_PMU_PCLKEN.mask()));
    EXPECT_FALSE(b.rcc.clockEnabled(rcc::CLK_EN_UART0_CLKEN.mask()));
  });
}

TEST(Clock, PinMuxSelectsAlternateFunctions) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    static uint32_t changed;
    changed = 0;
    b.rcc.onPinMuxChange([](uint32_t pins) { changed |= pins; });
    tb.write(rcc::PMUX_C1, 0x0A);   // GPIO16/17 = AF2 (UART0 on the X3)
    tb.write(rcc::PMUX_C0, 0xF00);  // GPIO4/5 = AF3
    EXPECT_EQ(b.rcc.pinFunction(16), 2u);
    EXPECT_EQ(b.rcc.pinFunction(17), 2u);
    EXPECT_EQ(b.rcc.pinFunction(4), 3u);
    EXPECT_EQ(b.rcc.pinFunction(0), 0u);
    EXPECT_EQ(changed, (1u << 16) | (1u << 17) | (1u << 4) | (1u << 5));
  });
}

TEST(Clock, PmuAcceptsAnyWidthWithDataInTheLowByte) {
  runScenario([](MmioTestbench&) {
    pmuWrite(pmu::PLL_5, 0x12345603, 4);  // hal_clock writes PLL_5 as a word
    EXPECT_EQ(pmuRead(pmu::PLL_5, 4), 0x03u);
    EXPECT_EQ(pmuRead(pmu::PLL_5, 2), 0x03u);
    EXPECT_EQ(pmuRead(pmu::PLL_5 + 1, 1), 0u);  // padding byte
    pmuWrite(pmu::RESV_ADC_REG0, 60, 2);
    EXPECT_EQ(pmuRead(pmu::RESV_ADC_REG0), 60u);
    pmuWrite(pmu::REVID, 0);  // read-only
    EXPECT_EQ(pmuRead(pmu::REVID), 0x11u);
    // An offset with no register is an address error in strict mode.
    wtm::MmioDevice::setStrictDecode(true);
    uint32_t v = 0;
    EXPECT_EQ(bench().tbPmu.transport(false, 0x24, v, 1, SC_ZERO_TIME), tlm::TLM_ADDRESS_ERROR_RESPONSE);
    wtm::MmioDevice::setStrictDecode(false);
  });
}

TEST(Clock, PmuFlagsTrimAcksLowPowerAcksAndSoftwareReset) {
  runScenario([](MmioTestbench&) {
    Bench& b = bench();
    pmuWrite(pmu::FLAG_CTL, pmuRead(pmu::FLAG_CTL) | pmu::FLAG_CTL_FLAG_CLR.mask());
    EXPECT_EQ(pmuRead(pmu::FLAG_CTL), 0u);
    pmuWrite(pmu::TRIM_RST, 1);
    EXPECT_EQ(pmuRead(pmu::TRIM_RST), pmu::TRIM_RST_TRIM_24M_ACK.mask());
    pmuWrite(pmu::TRIM_RST, 2);
    EXPECT_EQ(pmuRead(pmu::TRIM_RST), pmu::TRIM_RST_TRIM_24M_ACK.mask() | pmu::TRIM_RST_TRIM_320K_ACK.mask());
    static uint8_t lp;
    lp = 0;
    b.pmu.onLowPowerControl([](uint8_t v) { lp = v; });
    pmuWrite(pmu::LP_CTL, pmu::LP_CTL_NPU_PD.mask() | pmu::LP_CTL_NPU_CLKEN.mask());
    EXPECT_EQ(lp, pmu::LP_CTL_NPU_PD.mask() | pmu::LP_CTL_NPU_CLKEN.mask());
    EXPECT_TRUE(pmu::LP_CTL_NPU_PD_ACK.test(pmuRead(pmu::LP_CTL)));
    static int resets;
    resets = 0;
    b.pmu.onSoftwareReset([] { ++resets; });
    pmuWrite(pmu::SOFT_RST, 0x54);
    EXPECT_EQ(resets, 0);
    pmuWrite(pmu::SOFT_RST, 0x55);
    EXPECT_EQ(resets, 1);
  });
}

// osc_24m_calibration_start(): XTL32K on, CORE_CTRL = 0x5DC020, enable, busy loop, count x 1024.
TEST(Clock, Afc24mCountGivesTheSdkItsOscillatorFrequency) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    auto& a = b.tbAfc24;
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_XTL32K_EN.mask());
    a.write(afc::CORE_CTRL, 0x5DC020);
    a.write(afc::CORE_EN, 1);
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT), 0u);  // no window finished yet
    tb.wait(50, SC_MS);
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT) * 1024u, 24576000u);
    EXPECT_TRUE(afc::INT_SR_PENDING_CALB_FINISH.test(a.read(afc::INT_SR_PENDING)));
    a.write(afc::INT_SR_PENDING, 0xFFF);
    EXPECT_EQ(a.read(afc::INT_SR_PENDING), 0u);
    a.write(afc::CORE_EN, ~1u);  // AFC_Set_Enable_Cmd(DISABLE)
    EXPECT_EQ(a.read(afc::CORE_EN), 0u);
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT), 24000u);  // last count stays
  });
}

TEST(Clock, AfcTrimsAnOffOscillatorOntoTheTarget) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    auto& a = b.tbAfc24;
    b.tree.setOscillatorHz(Oscillator::Internal24M, 23.0e6);  // untrimmed part
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), 23.0e6);
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_XTL32K_EN.mask());
    a.write(afc::CORE_CTRL, 0x5DC020);
    a.write(afc::CORE_EN, 1);
    tb.wait(2, SC_MS);                            // 2 windows of 0.977 ms
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT), 22461u);  // 23 MHz x 32 / 32768
    EXPECT_FALSE(b.afc24.converged());
    tb.wait(20, SC_MS);
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT), 24000u);
    EXPECT_TRUE(b.afc24.converged());
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), kOsc24m);
  });
}

TEST(Clock, Afc320kAndAMissingReference) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    auto& a = b.tbAfc320;
    // Without the 32.768 kHz crystal no window ends.
    a.write(afc::CORE_CTRL, 0x13A20);
    a.write(afc::CORE_EN, 1);
    tb.wait(50, SC_MS);
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT), 0u);
    a.write(afc::CORE_EN, 0);
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_XTL32K_EN.mask() | pmu::CTL_OSC320K_EN.mask());
    a.write(afc::CORE_EN, 1);
    tb.wait(50, SC_MS);
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT), 0x13Au);
    EXPECT_DOUBLE_EQ(b.tree.oscillatorHz(Oscillator::Internal320K), 314.0 * 1024);
    tb.write(rcc::CLK_SEL, 5);
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), 314.0 * 512);
  });
}

// A debugger reads the AFC count after the calibration has converged in simulated time but
// before the firmware has looked: it sees the calibrated count and CALB_FINISH, yet the
// oscillator (and every clock derived from it) changes only at the firmware's own access.
TEST(Clock, DebugReadsOfTheAfcApplyNoCalibration) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    auto& a = b.tbAfc24;
    b.tree.setOscillatorHz(Oscillator::Internal24M, 23.0e6);
    const unsigned changes = b.hclkChanges;
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_XTL32K_EN.mask());
    a.write(afc::CORE_CTRL, 0x5DC020);
    a.write(afc::CORE_EN, 1);
    tb.wait(2, SC_MS);
    EXPECT_EQ(a.debugRead(afc::AFC_FRE_CNT), 22461u);
    tb.wait(20, SC_MS);
    expectQuiet([&] {
      EXPECT_EQ(a.debugRead(afc::AFC_FRE_CNT), 24000u);
      EXPECT_TRUE(afc::INT_SR_PENDING_CALB_FINISH.test(a.debugRead(afc::INT_SR_PENDING)));
      EXPECT_NE(a.debugRead(afc::CORE_TRIM_SIGNAL), 0u);
    });
    EXPECT_FALSE(b.afc24.converged()) << "a debug read applied the calibration";
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), 23.0e6);
    EXPECT_EQ(b.hclkChanges, changes);
    EXPECT_EQ(a.read(afc::AFC_FRE_CNT), 24000u);
    EXPECT_TRUE(b.afc24.converged());
    EXPECT_DOUBLE_EQ(b.hclk.frequency(), kOsc24m);
  });
}

// The RCC and PMU answer value() (other models' view of their registers) for the firmware's
// latest access time; a debug read at the kernel time must not move it back.
TEST(Clock, DebugReadsKeepTheFirmwaresAccessTime) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    // PMU byte registers: PLL lock 50 us after PLL_EN, seen by a read 100 us ahead.
    pmuWrite(pmu::CTL, pmuRead(pmu::CTL) | pmu::CTL_OSC_EN.mask() | pmu::CTL_PLL_EN.mask());
    EXPECT_TRUE(pmu::PLL_0_PLL_LOCK_DETECT.test(b.tbPmu.read(pmu::PLL_0, 1, sc_time(100, SC_US))));
    EXPECT_TRUE(pmu::PLL_0_PLL_LOCK_DETECT.test(b.pmu.value(pmu::PLL_0)));
    expectQuiet([&] {
      EXPECT_FALSE(pmu::PLL_0_PLL_LOCK_DETECT.test(b.tbPmu.debugRead(pmu::PLL_0, 1)));
      EXPECT_FALSE(pmu::PLL_0_PLL_LOCK_DETECT.test(b.tbPmu.debugRead(pmu::PLL_0, 4)));
    });
    EXPECT_TRUE(pmu::PLL_0_PLL_LOCK_DETECT.test(b.pmu.value(pmu::PLL_0)));

    startPll(tb, 6);  // ends with a SYSCLK switch now: the acknowledge returns after 95 ns
    EXPECT_TRUE(rcc::CLK_SEL_SYSCLK_SELACK.test(tb.read(rcc::CLK_SEL, 4, sc_time(100, SC_NS))));
    EXPECT_TRUE(rcc::CLK_SEL_SYSCLK_SELACK.test(b.rcc.value(rcc::CLK_SEL)));
    expectQuiet([&] { EXPECT_FALSE(rcc::CLK_SEL_SYSCLK_SELACK.test(tb.debugRead(rcc::CLK_SEL))); });
    EXPECT_TRUE(rcc::CLK_SEL_SYSCLK_SELACK.test(b.rcc.value(rcc::CLK_SEL)));
  });
}
