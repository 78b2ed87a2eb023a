// Whole ticks of a ClockDomain counted from simulated time, for counters that are computed when
// read instead of ticking per cycle (TIMER, WDT, RTC, PWM). Tick n happens at a known time, so a
// model can also schedule an event for "the tick at which the counter reaches X".
//
// A frequency change at time t keeps the ticks already counted: ticks after the last whole tick
// before t follow the new period (the partial tick in progress is taken at the new rate).
#pragma once
#include <cstdint>

#include <systemc>

#include "common/ClockDomain.h"

namespace wtm {

class TickClock {
 public:
  explicit TickClock(const ClockDomain& clock) : clock_(&clock), period_(clock.period()) {}

  const ClockDomain& domain() const { return *clock_; }
  const sc_core::sc_time& period() const { return period_; }

  // Ticks completed at time `t` (tick 0 is at time 0 or at the last re-anchoring).
  // In integer units of the kernel's time resolution: a double holds 2^53 of them exactly, which
  // at 1 ps is only 2.5 hours of simulated time; past that, a tick's time rounded below the tick
  // and a timer re-notified itself at the same instant for ever.
  uint64_t ticksAt(const sc_core::sc_time& t) const {
    if (t <= anchorTime_) return anchorTicks_;
    return anchorTicks_ + (t.value() - anchorTime_.value()) / period_.value();
  }
  // Simulated time of tick `n` (ticks before the anchor map onto the anchor).
  sc_core::sc_time timeOfTick(uint64_t n) const {
    if (n <= anchorTicks_) return anchorTime_;
    return sc_core::sc_time::from_value(anchorTime_.value() + period_.value() * (n - anchorTicks_));
  }

  // The domain's frequency changed; `t` is the time of the change.
  void retune(const sc_core::sc_time& t) {
    const uint64_t n = ticksAt(t);
    anchorTime_ = timeOfTick(n);
    anchorTicks_ = n;
    period_ = clock_->period();
  }
  // Follows another domain from time `t` on (a clock-select change).
  void switchTo(const ClockDomain& clock, const sc_core::sc_time& t) {
    clock_ = &clock;
    retune(t);
  }

 private:
  const ClockDomain* clock_;
  sc_core::sc_time period_;
  sc_core::sc_time anchorTime_;
  uint64_t anchorTicks_ = 0;
};

}  // namespace wtm
