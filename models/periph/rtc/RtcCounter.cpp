#include "RtcCounter.h"

#include <algorithm>

#include "periph/rtc/rtc_regs.h"

namespace wtm::periph {

using namespace rtc;
using sc_core::sc_time;

namespace {
constexpr uint64_t kWrap = uint64_t{1} << 32;
constexpr uint32_t kVersion = 0x3230362A;  // "206*" (DW_apb_rtc 2.06a), never checked
}  // namespace

RtcCounter::RtcCounter(sc_core::sc_module_name name, ClockDomain& clock) : TimedDevice(name, kRegisterTable, clock) {}

void RtcCounter::reset() {
  const uint64_t n = tick().ticksAt(catchUpToKernel());
  cmr_ = clr_ = ccr_ = 0;
  latched_ = false;
  anchor(n, 0);
  scheduleUpdate(now());
}

bool RtcCounter::ien() const { return CCR_IEN.test(ccr_); }

uint32_t RtcCounter::valueAt(uint64_t tick) const {
  const uint64_t d = tick > anchorTick_ ? tick - anchorTick_ : 0;
  if (!CCR_WEN.test(ccr_)) return static_cast<uint32_t>((anchorValue_ + d) % kWrap);
  const uint64_t span = uint64_t{cmr_} + 1;
  // Ticks until the counter first shows 0 after the anchor (past CMR, or past 2^32 - 1).
  const uint64_t toZero = anchorValue_ <= cmr_ ? uint64_t{cmr_} - anchorValue_ + 1 : kWrap - anchorValue_;
  if (d < toZero) return static_cast<uint32_t>(anchorValue_ + d);
  return static_cast<uint32_t>((d - toZero) % span);
}

uint64_t RtcCounter::matchAfter(uint64_t tick) const {
  uint64_t first, period;
  if (!CCR_WEN.test(ccr_)) {
    first = anchorTick_ + ((uint64_t{cmr_} - anchorValue_) % kWrap);
    period = kWrap;
  } else {
    const uint64_t toMatch = anchorValue_ <= cmr_ ? uint64_t{cmr_} - anchorValue_ : (kWrap - anchorValue_) + cmr_;
    first = anchorTick_ + toMatch;
    period = uint64_t{cmr_} + 1;
  }
  if (first > tick) return first;
  return first + ((tick - first) / period + 1) * period;
}

void RtcCounter::anchor(uint64_t tick, uint32_t value) {
  anchorTick_ = tick;
  anchorValue_ = value;
  nextMatch_ = matchAfter(tick);
}

bool RtcCounter::latchedAt(const sc_time& t) const {
  return latched_ || (ien() && tick().ticksAt(std::max(now(), t)) >= nextMatch_);
}

void RtcCounter::advanceTo(const sc_time& t) { latched_ = latchedAt(t); }

uint32_t RtcCounter::counter(const sc_time& t) {
  catchUp(t);
  return valueAt(tick().ticksAt(now()));
}

bool RtcCounter::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  // A debug read computes the match interrupt at its time (latchedAt) without latching it.
  if (!debugAccess()) catchUp(accessTime());
  const sc_time at = std::max(now(), accessTime());
  switch (offset) {
    case CCVR: value = valueAt(tick().ticksAt(at)); return true;
    case CMR: value = cmr_; return true;
    case CLR: value = clr_; return true;
    case CCR: value = ccr_; return true;
    case STAT: value = (latchedAt(at) && !CCR_MASK.test(ccr_)) ? 1 : 0; return true;
    case RSTAT: value = latchedAt(at) ? 1 : 0; return true;
    case EOI:
      value = 0;
      if (debugAccess()) return true;
      latched_ = false;
      nextMatch_ = matchAfter(tick().ticksAt(now()));
      scheduleUpdate(now());
      return true;
    case COMP_VERSION: value = kVersion; return true;
    default: return false;
  }
}

bool RtcCounter::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  const uint64_t n = tick().ticksAt(now());
  switch (offset) {
    case CMR:
      anchor(n, valueAt(n));  // the count so far stays; matches follow the new value
      cmr_ = value;
      nextMatch_ = matchAfter(n);
      break;
    case CLR:
      clr_ = value;
      anchor(n, value);
      break;
    case CCR: {
      const bool wasIen = ien();
      anchor(n, valueAt(n));
      ccr_ = value & CCR_FIELDS;
      nextMatch_ = matchAfter(n);
      if (wasIen && !ien()) latched_ = false;
      break;
    }
    default: return false;
  }
  scheduleUpdate(now());
  return true;
}

void RtcCounter::driveOutputs() { irq.write(latched_ && !CCR_MASK.test(ccr_)); }

std::optional<sc_time> RtcCounter::nextChange() const {
  if (!ien() || latched_) return std::nullopt;
  return tick().timeOfTick(nextMatch_);
}

}  // namespace wtm::periph
