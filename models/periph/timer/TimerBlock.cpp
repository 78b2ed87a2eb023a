#include "TimerBlock.h"

#include <algorithm>

#include "periph/timer/timer_regs.h"

namespace wtm::periph {

using namespace timer;
using sc_core::sc_time;

namespace {

constexpr uint32_t kStride = T1_LOADCOUNT - LOADCOUNT;
constexpr uint32_t kCompVersion = 0x3231312A;  // "211*" (DW_apb_timers 2.11a), never checked

}  // namespace

TimerBlock::TimerBlock(sc_core::sc_module_name name, ClockDomain& clock)
    : TimedDevice(name, kRegisterTable), timers_{Timer(clock), Timer(clock), Timer(clock), Timer(clock)} {
  timerClocks_.add(clock);
}

void TimerBlock::reset() {
  for (Timer& t : timers_) {
    t.load = t.load2 = t.control = 0;
    t.startTick = 0;
    t.startValue = 0;
    t.nextIsLoad2 = false;
    t.frozen = 0;
    t.latched = false;
    t.nextWrap = 0;
  }
  scheduleUpdate(now());
}

void TimerBlock::setTimerClock(unsigned n, ClockDomain& clock) {
  Timer& t = timers_.at(n);
  const sc_time at = std::max(now(), sc_core::sc_time_stamp());
  catchUpTimer(t, at);
  t.tick.switchTo(clock, at);
  timerClocks_.add(clock);
  scheduleUpdate(at);
}

void TimerBlock::timerClockChanged(const ClockDomain& domain) {
  const sc_time at = std::max(now(), sc_core::sc_time_stamp());
  for (Timer& t : timers_) {
    if (&t.tick.domain() != &domain) continue;
    catchUpTimer(t, at);  // wraps before the change count at the old rate
    t.tick.retune(at);
  }
  scheduleUpdate(at);
}

// ---- Count sequence ----

bool TimerBlock::enabled(const Timer& t) const { return CONTROL_ENABLE.test(t.control); }
bool TimerBlock::masked(const Timer& t) const { return CONTROL_INT_MASK.test(t.control); }

uint32_t TimerBlock::reloadValue(const Timer& t, uint64_t k) const {
  if (!CONTROL_MODE.test(t.control)) return kCounterMask;  // free-running
  if (!CONTROL_PWM.test(t.control)) return t.load;
  const bool second = ((k & 1) == 0) == t.nextIsLoad2;
  return second ? t.load2 : t.load;
}

uint32_t TimerBlock::valueAt(const Timer& t, uint64_t n) const {
  if (n <= t.startTick) return t.startValue;
  uint64_t d = n - t.startTick;
  if (d <= t.startValue) return static_cast<uint32_t>(t.startValue - d);
  d -= uint64_t{t.startValue} + 1;  // ticks since the first wrap
  const uint64_t a = uint64_t{reloadValue(t, 0)} + 1;
  const uint64_t b = uint64_t{reloadValue(t, 1)} + 1;
  const uint64_t m = d % (a + b);
  return static_cast<uint32_t>(m < a ? a - 1 - m : b - 1 - (m - a));
}

uint64_t TimerBlock::wrapAfter(const Timer& t, uint64_t n) const {
  const uint64_t first = t.startTick + t.startValue + 1;
  if (n < first) return first;
  const uint64_t a = uint64_t{reloadValue(t, 0)} + 1;
  const uint64_t b = uint64_t{reloadValue(t, 1)} + 1;
  const uint64_t d = n - first;
  const uint64_t base = first + d / (a + b) * (a + b);
  const uint64_t m = d % (a + b);
  return m < a ? base + a : base + a + b;
}

void TimerBlock::reanchor(Timer& t, uint64_t n) {
  const uint64_t first = t.startTick + t.startValue + 1;
  if (n < first) return;  // still in the first period: its start stays
  const uint64_t a = uint64_t{reloadValue(t, 0)} + 1;
  const uint64_t b = uint64_t{reloadValue(t, 1)} + 1;
  const uint64_t d = n - first;
  const uint64_t base = first + d / (a + b) * (a + b);
  if (d % (a + b) < a) {
    t.startTick = base;
    t.startValue = static_cast<uint32_t>(a - 1);
    t.nextIsLoad2 = !t.nextIsLoad2;  // the reload after this one is the other register
  } else {
    t.startTick = base + a;
    t.startValue = static_cast<uint32_t>(b - 1);
  }
}

bool TimerBlock::latchedAt(const Timer& t, const sc_time& now) const {
  return t.latched || (enabled(t) && t.tick.ticksAt(now) >= t.nextWrap);
}

void TimerBlock::catchUpTimer(Timer& t, const sc_time& now) { t.latched = latchedAt(t, now); }

void TimerBlock::advanceTo(const sc_time& now) {
  for (Timer& t : timers_) catchUpTimer(t, now);
}

uint32_t TimerBlock::currentValue(unsigned n, const sc_time& t) {
  const Timer& timer = timers_.at(n);
  if (!enabled(timer)) return timer.frozen;
  return valueAt(timer, timer.tick.ticksAt(std::max(now(), t)));
}

bool TimerBlock::rawInterrupt(unsigned n, const sc_time& t) {
  catchUp(t);
  return timers_.at(n).latched;
}

void TimerBlock::clear(Timer& t, const sc_time& now) {
  t.latched = false;
  if (enabled(t)) t.nextWrap = wrapAfter(t, t.tick.ticksAt(now));
}

void TimerBlock::writeControl(Timer& t, uint32_t value, const sc_time& now) {
  value &= CONTROL_FIELDS;
  const uint64_t n = t.tick.ticksAt(now);
  const bool wasEnabled = enabled(t);
  const bool enable = CONTROL_ENABLE.test(value);
  if (!wasEnabled && enable) {
    t.control = value;
    t.startTick = n;
    t.startValue = t.load;
    t.nextIsLoad2 = true;  // PWM: the LOADCOUNT period comes first, then LOADCOUNT2
    t.nextWrap = wrapAfter(t, n);
  } else if (wasEnabled && !enable) {
    t.frozen = valueAt(t, n);
    t.control = value;
    t.latched = false;  // disabling a DW timer clears its interrupt
  } else if (enable) {
    reanchor(t, n);  // a mode change applies from the next reload on
    t.control = value;
    if (!t.latched) t.nextWrap = wrapAfter(t, n);
  } else {
    t.control = value;
  }
}

void TimerBlock::writeLoad(Timer& t, uint32_t value, bool second, const sc_time& now) {
  value &= kCounterMask;
  if (enabled(t)) reanchor(t, t.tick.ticksAt(now));  // the running period finishes first
  (second ? t.load2 : t.load) = value;
  if (enabled(t) && !t.latched) t.nextWrap = wrapAfter(t, t.tick.ticksAt(now));
}

// ---- Registers ----

bool TimerBlock::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  const sc_time at = std::max(now(), accessTime());
  // A debug read computes the raw interrupts at `at` without latching them (latchedAt).
  if (!debugAccess()) catchUp(at);
  if (offset < kStride * kTimers) {
    Timer& t = timers_[offset / kStride];
    const unsigned n = offset / kStride;
    switch (offset % kStride) {
      case LOADCOUNT: value = t.load; return true;
      case CURRENTVALUE: value = currentValue(n, at); return true;
      case CONTROL: value = t.control; return true;
      case EOI:
        if (!debugAccess()) {
          clear(t, at);
          scheduleUpdate(at);
        }
        value = 0;
        return true;
      case INTSTATUS: value = (latchedAt(t, at) && !masked(t)) ? 1 : 0; return true;
      default: return false;
    }
  }
  value = 0;
  switch (offset) {
    case TIMERS_INTSTATUS:
      for (unsigned n = 0; n < kTimers; ++n)
        if (latchedAt(timers_[n], at) && !masked(timers_[n])) value |= 1u << n;
      return true;
    case TIMERS_RAWINTSTATUS:
      for (unsigned n = 0; n < kTimers; ++n)
        if (latchedAt(timers_[n], at)) value |= 1u << n;
      return true;
    case TIMERS_EOI:
      if (debugAccess()) return true;
      for (Timer& t : timers_) clear(t, at);
      scheduleUpdate(at);
      return true;
    case TIMERS_COMP_VERSION: value = kCompVersion; return true;
    case LOADCOUNT2:
    case T1_LOADCOUNT2:
    case T2_LOADCOUNT2:
    case T3_LOADCOUNT2: value = timers_[(offset - LOADCOUNT2) / 4].load2; return true;
    default: return false;
  }
}

bool TimerBlock::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  const sc_time at = std::max(now(), accessTime());
  catchUp(at);
  if (offset < kStride * kTimers) {
    Timer& t = timers_[offset / kStride];
    switch (offset % kStride) {
      case LOADCOUNT: writeLoad(t, value, false, at); break;
      case CONTROL: writeControl(t, value, at); break;
      default: return false;
    }
    scheduleUpdate(at);
    return true;
  }
  switch (offset) {
    case LOADCOUNT2:
    case T1_LOADCOUNT2:
    case T2_LOADCOUNT2:
    case T3_LOADCOUNT2:
      writeLoad(timers_[(offset - LOADCOUNT2) / 4], value, true, at);
      scheduleUpdate(at);
      return true;
    case TIMERS_INTSTATUS:
    case TIMERS_EOI:
    case TIMERS_RAWINTSTATUS:
    case TIMERS_COMP_VERSION: return true;
    default: return false;
  }
}

// ---- Interrupt outputs ----

void TimerBlock::driveOutputs() {
  for (unsigned n = 0; n < kTimers; ++n) irq[n].write(timers_[n].latched && !masked(timers_[n]));
}

std::optional<sc_time> TimerBlock::nextChange() const {
  std::optional<sc_time> next;
  for (const Timer& t : timers_)
    if (enabled(t) && !t.latched && !masked(t)) {
      const sc_time wrap = t.tick.timeOfTick(t.nextWrap);
      if (!next || wrap < *next) next = wrap;
    }
  return next;
}

}  // namespace wtm::periph
