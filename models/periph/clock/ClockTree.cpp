#include "ClockTree.h"

#include <cmath>
#include <cstdio>

#include "common/Log.h"
#include "periph/clock/PmuController.h"
#include "periph/clock/RccController.h"
#include "periph/clock/pmu_regs.h"

namespace wtm::periph {

namespace {

// Warn-once bits.
enum : unsigned {
  kWarnPllOff = 0,
  kWarnPllZero,
  kWarnSysclkSel,
  kWarnSystickSel,
  kWarn32kOff,
  kWarn320kOff,
};

std::string mhz(double hz) {
  char buf[32];
  if (hz >= 1e6) std::snprintf(buf, sizeof buf, "%.6g MHz", hz / 1e6);
  else std::snprintf(buf, sizeof buf, "%.6g kHz", hz / 1e3);
  return buf;
}

// Selects of PMU CLK.RTCCLK_SEL / WDTCLK_SEL.
double tickSource(unsigned sel, double sysclk, const Oscillators& o) {
  switch (sel & 3u) {
    case 0: return sysclk / 32;
    case 1: return o.internal10kHz;
    case 2: return o.crystal32kHz;
    default: return o.internal320kHz / 2;
  }
}

}  // namespace

ClockTree::ClockTree(ClockDomain& hclk, ClockDomain& systick, const Oscillators& osc)
    : hclk_(hclk), systick_(systick), osc_(osc) {
  static const char* const kNames[kDomains] = {"apb0",       "npu_clk",      "audio_mclk", "timer0_clk",
                                               "timer1_clk", "timer2_clk",   "timer3_clk", "rtc_clk",
                                               "wdt_clk",    "debounce_clk", "pwm0_clk",   "pwm1_clk"};
  for (unsigned i = 0; i < kDomains; ++i) {
    own_[i] = std::make_unique<ClockDomain>(kNames[i], hclk.frequency());
    domains_[i] = own_[i].get();
  }
  recompute();
}

void ClockTree::useDomain(Domain which, ClockDomain& external) {
  domains_[static_cast<unsigned>(which)] = &external;
  recompute();
}

ClockTree::~ClockTree() = default;

void ClockTree::attach(RccController& rcc, PmuController& pmu) {
  rcc_ = &rcc;
  pmu_ = &pmu;
  rcc.onClockConfigChange([this] { recompute(); });
  pmu.onClockConfigChange([this] { recompute(); });
  rcc.setSysclkProbe([this] { return sysclkHz_; });
  recompute();
}

double ClockTree::oscillatorHz(Oscillator o) const {
  switch (o) {
    case Oscillator::Internal24M: return osc_.internal24mHz;
    case Oscillator::External24M: return osc_.external24mHz;
    case Oscillator::Internal320K: return osc_.internal320kHz;
    case Oscillator::Internal10K: return osc_.internal10kHz;
    case Oscillator::Crystal32K: return osc_.crystal32kHz;
  }
  return 0;
}

void ClockTree::setOscillatorHz(Oscillator o, double hz) {
  if (!(hz > 0)) return;
  switch (o) {
    case Oscillator::Internal24M: osc_.internal24mHz = hz; break;
    case Oscillator::External24M: osc_.external24mHz = hz; break;
    case Oscillator::Internal320K: osc_.internal320kHz = hz; break;
    case Oscillator::Internal10K: osc_.internal10kHz = hz; break;
    case Oscillator::Crystal32K: osc_.crystal32kHz = hz; break;
  }
  recompute();
}

bool ClockTree::oscillatorEnabled(Oscillator o) const {
  if (!pmu_) return true;
  using namespace pmu;
  const uint8_t ctl = pmu_->value(CTL);
  switch (o) {
    case Oscillator::Internal24M: return CTL_OSC_EN.test(ctl);
    case Oscillator::External24M: return TRIM1_OSC24M_SEL.test(pmu_->value(TRIM1));
    case Oscillator::Internal320K: return CTL_OSC320K_EN.test(ctl);
    case Oscillator::Internal10K: return true;  // RTC/WDT default clock; enable bit not trusted
    case Oscillator::Crystal32K: return CTL_XTL32K_EN.test(ctl);
  }
  return false;
}

void ClockTree::warnOnce(unsigned bit, const std::string& text) {
  if (warned_ & (1u << bit)) return;
  warned_ |= 1u << bit;
  log::warn("clock tree: ", text);
}

void ClockTree::retune(ClockDomain& d, double hz) {
  if (!(hz > 0)) return;  // a stopped clock is not representable; keep the last frequency
  if (std::fabs(d.frequency() - hz) <= 1e-9 * hz) return;
  d.setFrequency(hz);
}

void ClockTree::recompute() {
  // Register view (reset values when not attached).
  uint8_t ctl = 0x30, trim1 = 0, resv = 0, clkCtl = 0, pmuClk = 0, pll1 = 1;
  unsigned sel = 0, systickSel = 0, ahbDiv = 1, apbDiv = 1, dbDiv = 1;
  bool db10k = false;
  std::array<unsigned, 4> timDiv{1, 1, 1, 1};
  std::array<unsigned, 2> pwmDiv{1, 1};
  if (pmu_) {
    using namespace pmu;
    ctl = pmu_->value(CTL);
    trim1 = pmu_->value(TRIM1);
    resv = pmu_->value(PMU_RESV);
    clkCtl = pmu_->value(CLK_CTL);
    pmuClk = pmu_->value(CLK);
    pll1 = pmu_->value(PLL_1);
  }
  if (rcc_) {
    sel = rcc_->sysclkSelect();
    systickSel = rcc_->systickSelect();
    ahbDiv = rcc_->ahbDivider();
    apbDiv = rcc_->apb0Divider();
    dbDiv = rcc_->debounceDivider();
    db10k = rcc_->debounceFrom10k();
    for (unsigned n = 0; n < 4; ++n) timDiv[n] = rcc_->timerDivider(n);
    for (unsigned n = 0; n < 2; ++n) pwmDiv[n] = rcc_->pwmDivider(n);
  }
  using namespace pmu;

  static constexpr unsigned kDiv24m[4] = {12, 6, 4, 2};
  const bool external = TRIM1_OSC24M_SEL.test(trim1);
  const unsigned div24 = CTL_OSC_SEL.test(ctl) ? kDiv24m[PMU_RESV_DIV24M.get(resv)] : 1;
  clock24mHz_ = (external ? osc_.external24mHz : osc_.internal24mHz) / div24;
  const unsigned audDiv = CLK_CTL_AUD_DIV_NUM.get(clkCtl) + 1;

  double sys = sysclkHz_;
  std::string source = sysclkSource_;
  switch (sel) {
    case 0:
      sys = clock24mHz_;
      source =
          std::string(external ? "external" : "internal") + " 24M" + (div24 > 1 ? "/" + std::to_string(div24) : "");
      break;
    case 1:
      sys = clock24mHz_ / audDiv;
      source = "audio clock, 24M/" + std::to_string(audDiv);
      break;
    case 2: {
      unsigned n = PLL_1_PLL_DIV.get(pll1);
      if (n == 0) {
        warnOnce(kWarnPllZero, "SYSCLK is the PLL with PMU PLL_1.PLL_DIV = 0; taken as x1");
        n = 1;
      }
      if (!CTL_PLL_EN.test(ctl))
        warnOnce(kWarnPllOff, "SYSCLK is the PLL while PMU CTL.PLL_EN = 0; the clock is kept running");
      sys = clock24mHz_ * n;
      source = "PLL x" + std::to_string(n) + " of 24M";
      break;
    }
    case 3:
      sys = osc_.internal10kHz;
      source = "10 kHz RC";
      break;
    case 4:
      if (pmu_ && !CTL_XTL32K_EN.test(ctl))
        warnOnce(kWarn32kOff, "SYSCLK is the 32.768 kHz crystal while PMU CTL.XTL32K_EN = 0");
      sys = osc_.crystal32kHz;
      source = "32.768 kHz crystal";
      break;
    case 5:
      if (pmu_ && !CTL_OSC320K_EN.test(ctl))
        warnOnce(kWarn320kOff, "SYSCLK is the 160 kHz clock while PMU CTL.OSC320K_EN = 0");
      sys = osc_.internal320kHz / 2;
      source = "320 kHz RC / 2";
      break;
    default:
      warnOnce(kWarnSysclkSel, "RCC CLK_SEL.SYSCLK_SEL = " + std::to_string(sel) + " is reserved; SYSCLK unchanged");
      break;
  }
  if (!(sys > 0)) sys = osc_.internal24mHz;  // first computation with a reserved select
  sysclkHz_ = sys;
  sysclkSource_ = source;

  const double hclk = sys / ahbDiv;
  retune(hclk_, hclk);
  retune(apb0(), hclk / apbDiv);
  double tick = hclk / 8;
  switch (systickSel) {
    case 0: break;
    case 1: tick = osc_.internal10kHz; break;
    case 2: tick = osc_.crystal32kHz; break;
    default: warnOnce(kWarnSystickSel, "RCC CLK_SEL.SYSTICK_SEL = 3 is reserved; SysTick stays HCLK/8"); break;
  }
  retune(systick_, tick);
  for (unsigned n = 0; n < 4; ++n) retune(timer(n), hclk / timDiv[n]);
  for (unsigned n = 0; n < 2; ++n) retune(pwm(n), hclk / pwmDiv[n]);
  retune(npu(), sys / (CLK_CTL_NPU_DIV_NUM.get(clkCtl) + 1));
  retune(audio(), clock24mHz_ / audDiv);
  retune(rtc(), tickSource(CLK_RTCCLK_SEL.get(pmuClk), sys, osc_));
  retune(wdt(), tickSource(CLK_WDTCLK_SEL.get(pmuClk), sys, osc_));
  retune(debounce(), (db10k ? osc_.internal10kHz : hclk) / dbDiv);

  const std::string s = summary();
  if (s != lastSummary_) {
    if (!lastSummary_.empty()) log::info("clock: ", s);
    lastSummary_ = s;
  }
}

std::string ClockTree::summary() const {
  return "SYSCLK " + mhz(sysclkHz_) + " (" + sysclkSource_ + ") HCLK " + mhz(hclk_.frequency()) + " APB0 " +
         mhz(domain(Domain::Apb0).frequency()) + " SysTick " + mhz(systick_.frequency()) + " NPU " +
         mhz(domain(Domain::Npu).frequency()) + " audio " + mhz(domain(Domain::Audio).frequency());
}

}  // namespace wtm::periph
