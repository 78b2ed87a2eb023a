// The WTM2101 clock tree: turns what firmware programs into RCC and PMU into frequencies and
// sets them on the ClockDomains the models run on (reference/soc.md §3.1-3.2; formulas of the
// vendor rcc.c / pmu.c / hal_clock.c).
//
//   24M    = (PMU TRIM1.OSC24M_SEL ? external crystal : internal RC) / (CTL.OSC_SEL ? {12,6,4,2}[PMU_RESV[1:0]] : 1)
//   SYSCLK = RCC CLK_SEL.SYSCLK_SEL: 0 24M, 1 24M/(AUD_DIV+1), 2 24M x PLL_1.PLL_DIV, 3 10 kHz,
//            4 32.768 kHz crystal, 5 320 kHz RC / 2
//   HCLK   = SYSCLK / (DIV_AHB+1)      core, AHB, UART, TIMER base, I2S (the drivers' f_AHB)
//   APB0   = HCLK / (DIV_APB0+1)       WDT, RTC, PMU bus clock
//   SysTick= SYSTICK_SEL: 0 HCLK/8, 1 10 kHz, 2 32.768 kHz
//   TIMERn = HCLK / (TIMn_DIV+1); NPU = SYSCLK / (NPU_DIV+1); audio master = 24M / (AUD_DIV+1)
//   RTC/WDT tick = PMU CLK select: 0 SYSCLK/32, 1 10 kHz, 2 32.768 kHz, 3 160 kHz
//   debounce = (DBCLK_SEL ? 10 kHz : HCLK) / (DIV_DB+1)
//
// The tree owns every domain except HCLK and SysTick (the SoC's, given at construction); useDomain()
// makes it drive another existing domain instead of its own. A domain is retuned only when its
// frequency really changes, so listeners see real changes only.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "common/ClockDomain.h"

namespace wtm::periph {

class RccController;
class PmuController;

enum class Oscillator { Internal24M, External24M, Internal320K, Internal10K, Crystal32K };

// The oscillators of the board (X3: 32.768 kHz crystal fitted, HOSC optional).
struct Oscillators {
  double internal24mHz = 24.576e6;  // RC oscillator as it comes out of reset (before AFC calibration)
  double external24mHz = 24.576e6;  // HOSC / external clock on XTAL_IN
  double internal320kHz = 320e3;
  double internal10kHz = 10e3;
  double crystal32kHz = 32768.0;
};

class ClockTree {
 public:
  ClockTree(ClockDomain& hclk, ClockDomain& systick, const Oscillators& osc = {});
  ~ClockTree();
  ClockTree(const ClockTree&) = delete;
  ClockTree& operator=(const ClockTree&) = delete;

  enum class Domain { Apb0, Npu, Audio, Timer0, Timer1, Timer2, Timer3, Rtc, Wdt, Debounce, Pwm0, Pwm1, kCount };
  // Drives `external` (e.g. a domain a model was already built on) as `which` from now on.
  void useDomain(Domain which, ClockDomain& external);

  // Follows the registers of `rcc` and `pmu` from now on (and recomputes at once).
  void attach(RccController& rcc, PmuController& pmu);
  void recompute();

  ClockDomain& hclk() { return hclk_; }
  ClockDomain& systick() { return systick_; }
  ClockDomain& apb0() { return domain(Domain::Apb0); }
  ClockDomain& npu() { return domain(Domain::Npu); }
  ClockDomain& audio() { return domain(Domain::Audio); }
  ClockDomain& timer(unsigned n) {
    return domain(static_cast<Domain>(static_cast<unsigned>(Domain::Timer0) + (n & 3)));
  }
  ClockDomain& rtc() { return domain(Domain::Rtc); }
  ClockDomain& wdt() { return domain(Domain::Wdt); }
  ClockDomain& debounce() { return domain(Domain::Debounce); }
  // PWM counter clocks: HCLK / (CLK_DIV_2.DIV_PWMn + 1) (assumed like the timers' TIMn_DIV).
  ClockDomain& pwm(unsigned n) { return domain((n & 1) ? Domain::Pwm1 : Domain::Pwm0); }
  ClockDomain& domain(Domain d) { return *domains_[static_cast<unsigned>(d)]; }
  const ClockDomain& domain(Domain d) const { return *domains_[static_cast<unsigned>(d)]; }

  double sysclkHz() const { return sysclkHz_; }
  double clock24mHz() const { return clock24mHz_; }  // the "24M" clock after its divider
  double oscillatorHz(Oscillator o) const;
  // A calibrated oscillator (AFC result) or a board with other crystals.
  void setOscillatorHz(Oscillator o, double hz);
  // Enabled in the PMU (the 32.768 kHz crystal: CTL.XTL32K_EN). Always true before attach().
  bool oscillatorEnabled(Oscillator o) const;

  // One line: "SYSCLK 98.304 MHz (PLL x4 of 24M) HCLK 32.768 MHz APB0 32.768 MHz SysTick ..."
  std::string summary() const;

 private:
  void retune(ClockDomain& d, double hz);
  void warnOnce(unsigned bit, const std::string& text);

  ClockDomain& hclk_;
  ClockDomain& systick_;
  static constexpr unsigned kDomains = static_cast<unsigned>(Domain::kCount);
  std::array<std::unique_ptr<ClockDomain>, kDomains> own_;
  std::array<ClockDomain*, kDomains> domains_{};
  Oscillators osc_;
  RccController* rcc_ = nullptr;
  PmuController* pmu_ = nullptr;
  double sysclkHz_ = 0, clock24mHz_ = 0;
  std::string sysclkSource_;
  uint32_t warned_ = 0;
  std::string lastSummary_;
};

}  // namespace wtm::periph
