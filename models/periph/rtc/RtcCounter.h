// The WTM2101 RTC (DW_apb_rtc at 0x4000_1000, IRQ 21; reference/soc.md §4.5): a 32-bit up-counter
// at the RTC clock, a match register and one interrupt.
//
// The counter is computed from simulated time (TickClock). It always runs: the vendor driver
// never sets CCR.EN, yet its examples expect the match interrupt (inferred: on the chip the
// counter runs whenever its clock is on). Writing CLR loads the counter. When the counter
// reaches CMR with CCR.IEN set, the interrupt is raised (level, until EOI is read); with CCR.WEN
// the counter restarts at 0 on the next tick, so matches repeat every CMR + 1 ticks, otherwise it
// wraps at 2^32.
#pragma once
#include <cstdint>
#include <vector>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"

namespace wtm::periph {

class RtcCounter : public TimedDevice {
 public:
  sc_core::sc_out<bool> irq{"irq"};  // RTC, ECLIC 21: STAT

  // `clock`: the RTC clock (PMU CLK.RTCCLK_SEL: SYSCLK/32 out of reset, 10 kHz, 32.768 kHz,
  // 160 kHz).
  RtcCounter(sc_core::sc_module_name name, ClockDomain& clock);

  uint32_t counter(const sc_core::sc_time& t);
  void reset();

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  uint32_t valueAt(uint64_t tick) const;
  uint64_t matchAfter(uint64_t tick) const;  // first tick > `tick` at which the counter equals CMR
  void anchor(uint64_t tick, uint32_t value);
  // The interrupt at time `t`: latched, or a match since the last catch-up.
  bool latchedAt(const sc_core::sc_time& t) const;
  bool ien() const;

  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;
  std::optional<sc_core::sc_time> nextChange() const override;  // the next match

  uint32_t cmr_ = 0, clr_ = 0, ccr_ = 0;
  uint64_t anchorTick_ = 0;  // at this tick the counter held anchorValue_
  uint32_t anchorValue_ = 0;
  bool latched_ = false;
  uint64_t nextMatch_ = 0;
};

}  // namespace wtm::periph
