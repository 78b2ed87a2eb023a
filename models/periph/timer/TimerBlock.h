// TIMER0-3 of the WTM2101: one DW_apb_timers block with four 24-bit down-counters
// (reference/soc.md §4.3), IRQs 25-28.
//
// Counters are not ticked: each timer remembers the tick (TickClock) at which its current count
// sequence started, and CURRENTVALUE, the raw interrupt and the next wrap are computed from the
// access time. The timed-device update, woken at the next wrap of any unmasked timer, drives the
// IRQ outputs (level: high from the wrap until EOI / TIMERS_EOI / disable).
//
// Count sequence (DW_apb_timers): enabling loads LOADCOUNT; the counter runs LOADCOUNT..0 and
// on the tick after 0 it wraps, raising the interrupt and reloading LOADCOUNT (user-defined
// mode) or 0xFFFFFF (free-running). PWM mode alternates LOADCOUNT and LOADCOUNT2 periods. A
// LOADCOUNT write while running takes effect at the next reload.
//
// Clocks: each timer counts at its own ClockDomain (f_AHB / (RCC TIM_DIV.TIMn_DIV + 1) on the
// chip); all four start on the domain given at construction, setTimerClock() rebinds one.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include <systemc>

#include "common/ClockDomain.h"
#include "common/TimedDevice.h"
#include "common/TickClock.h"

namespace wtm::periph {

class TimerBlock : public TimedDevice {
 public:
  static constexpr unsigned kTimers = 4;
  static constexpr uint32_t kCounterMask = 0xFFFFFF;  // 24-bit counters

  // irq[n]: timer n's interrupt (TIMER0..3 = ECLIC 25..28).
  sc_core::sc_vector<sc_core::sc_out<bool>> irq{"irq", kTimers};

  TimerBlock(sc_core::sc_module_name name, ClockDomain& clock);

  // Timer `n` counts at `clock` from now on (e.g. an RCC per-timer divider domain).
  void setTimerClock(unsigned n, ClockDomain& clock);
  const ClockDomain& timerClock(unsigned n) const { return timers_.at(n).tick.domain(); }

  // Diagnostics and tests: the counter and raw interrupt of timer n at time t.
  uint32_t currentValue(unsigned n, const sc_core::sc_time& t);
  bool rawInterrupt(unsigned n, const sc_core::sc_time& t);

  void reset();

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  struct Timer {
    explicit Timer(const ClockDomain& c) : tick(c) {}
    TickClock tick;
    uint32_t load = 0, load2 = 0, control = 0;
    // The running count sequence: at tick `startTick` the counter held `startValue`; the
    // reloads after it follow the mode (and, in PWM mode, `nextIsLoad2` for the first one).
    uint64_t startTick = 0;
    uint32_t startValue = 0;
    bool nextIsLoad2 = false;
    uint32_t frozen = 0;    // CURRENTVALUE while disabled
    bool latched = false;   // raw interrupt
    uint64_t nextWrap = 0;  // first wrap tick not yet merged into `latched`
  };

  bool enabled(const Timer& t) const;
  bool masked(const Timer& t) const;
  // Reload value of the k-th reload after the start of the sequence (k = 0, 1, ...).
  uint32_t reloadValue(const Timer& t, uint64_t k) const;
  // Value at tick `n`, and the first wrap tick strictly after tick `n`.
  uint32_t valueAt(const Timer& t, uint64_t n) const;
  uint64_t wrapAfter(const Timer& t, uint64_t n) const;
  // Restarts the sequence at the start of the current period (keeps the count running).
  void reanchor(Timer& t, uint64_t n);
  // The raw interrupt at `now`: latched, or a wrap since the last catch-up.
  bool latchedAt(const Timer& t, const sc_core::sc_time& now) const;
  void catchUpTimer(Timer& t, const sc_core::sc_time& now);
  void clear(Timer& t, const sc_core::sc_time& now);
  void writeControl(Timer& t, uint32_t value, const sc_core::sc_time& now);
  void writeLoad(Timer& t, uint32_t value, bool second, const sc_core::sc_time& now);
  void timerClockChanged(const ClockDomain& domain);

  // Each timer has a clock of its own, so the block does its clock bookkeeping itself.
  void advanceTo(const sc_core::sc_time& t) override;
  void driveOutputs() override;
  std::optional<sc_core::sc_time> nextChange() const override;  // the next unmasked wrap

  std::array<Timer, kTimers> timers_;
  ClockSubscriptions timerClocks_{[this](const ClockDomain& d) { timerClockChanged(d); }};
};

}  // namespace wtm::periph
