// The WTM2101 watchdog (DW_apb_wdt at 0x4000_0000, IRQ 20; reference/soc.md §4.4).
//
// The counter is computed from simulated time (TickClock), never ticked. Enabling (CR.WDT_EN,
// sticky) or kicking (CRR = 0x76) loads a period of 2^(16 + TORR.TOP) watchdog-clock cycles.
// At a timeout: with CR.RMOD = 1 the interrupt is raised and the counter reloads; a timeout
// while the interrupt is still pending (or any timeout with RMOD = 0) is a system reset. The
// model does not reset the SoC: it logs the reset and calls the platform's handler (which ends
// the run), then stops counting.
//
// Reset value of CR.RMOD is 1 (inferred): the vendor wdt_case example never kicks and expects
// its interrupt handler, which only reads WDT_EOI, to run at every timeout.
#pragma once
#include <cstdint>
#include <vector>
#include <functional>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"

namespace wtm::periph {

class WatchdogTimer : public TimedDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};  // WDT, ECLIC 20: STAT

  // `clock`: the watchdog clock (PMU CLK.WDTCLK_SEL: SYSCLK/32 out of reset, 10 kHz, 32.768 kHz
  // or 160 kHz).
  WatchdogTimer(sc_core::sc_module_name name, ClockDomain& clock);

  // Called once when the watchdog resets the system, with the simulated time of the timeout.
  void onSystemReset(std::function<void(const sc_core::sc_time&)> handler) { resetHandler_ = std::move(handler); }
  bool resetOccurred() const { return resetOccurred_; }
  const sc_core::sc_time& resetTime() const { return resetTime_; }

  // Counter value and timeout period (cycles) at time t, for diagnostics and tests.
  uint32_t counter(const sc_core::sc_time& t);
  uint64_t period() const;

  void reset();

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  // The counter as it stands at a time: its running period and interrupt, and whether a
  // timeout since the last catch-up resets the system (and at which tick).
  struct Count {
    uint64_t loadTick, period;
    bool interrupt, reset;
    uint64_t resetTick;
  };

  bool enabled() const;
  void load(uint64_t tick);
  // The timeouts up to `t` worked out without applying them (no reset, no log).
  Count countAt(const sc_core::sc_time& t) const;
  uint32_t counterValue(const Count& c, const sc_core::sc_time& t) const;
  void systemReset(const sc_core::sc_time& at);

  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;
  std::optional<sc_core::sc_time> nextChange() const override;  // the next timeout

  uint32_t cr_ = 0, torr_ = 0;
  uint64_t loadTick_ = 0;      // tick at which the counter was loaded
  uint64_t loadedPeriod_ = 0;  // cycles of the running period
  bool interrupt_ = false;
  bool resetOccurred_ = false;
  sc_core::sc_time resetTime_;
  std::function<void(const sc_core::sc_time&)> resetHandler_;
};

}  // namespace wtm::periph
