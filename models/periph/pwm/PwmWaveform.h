// The output of one PWM channel over one counter period, from the block's settings (inferred:
// there is no register manual). The counter runs 0..MAX (up), MAX..0 (down) or 0..MAX..0
// (centre); the channel is active while the counter is above its compare value, and the dead
// zone delays each rising (activating) edge by its length in ticks. For the vendor pwm example
// (up, MAX 9999, compare 1989, dead zone 10) that is high for 8000 of 10000 ticks, the
// Cycle_Num / HL_Cycle_Num = 10000 / 8000 its readme shows.
#pragma once
#include <algorithm>
#include <cstdint>

namespace wtm::periph {

struct PwmPeriod {
  uint64_t length = 0;          // ticks per period (0: the counter does not run)
  uint64_t rise = 0, fall = 0;  // active on [rise, fall) ticks from the period start; empty if rise >= fall

  bool active(uint64_t tickInPeriod) const { return rise <= tickInPeriod && tickInPeriod < fall; }
  bool empty() const { return rise >= fall; }
};

// countMode: 0 up, 1 down, 2 centre (CTL.CNT_MODE).
inline PwmPeriod pwmPeriod(unsigned countMode, uint64_t max, uint64_t compare, uint64_t deadZone) {
  PwmPeriod p;
  switch (countMode) {
    case 0:  // counter = k
      p = {max + 1, compare + 1 + deadZone, max + 1};
      break;
    case 1:  // counter = MAX - k: above the compare value first
      p = {max + 1, deadZone, max > compare ? max - compare : 0};
      break;
    case 2:  // counter = k up to MAX, then 2 MAX - k
      if (max == 0) return {};
      p = {2 * max, compare + 1 + deadZone, 2 * max > compare ? 2 * max - compare : 0};
      break;
    default: return {};
  }
  p.fall = std::min(p.fall, p.length);
  return p;
}

}  // namespace wtm::periph
