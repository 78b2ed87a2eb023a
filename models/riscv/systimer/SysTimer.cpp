#include "SysTimer.h"

#include "common/Hex.h"
#include "common/Log.h"
#include "systimer_regs.h"

namespace wtm::riscv {

using namespace systimer;
using sc_core::sc_time;

namespace {
constexpr uint32_t kSoftResetKey = 0x80000A5F;
}

SysTimer::SysTimer(sc_core::sc_module_name name, ClockDomain& tick, ClockDomain& core)
    : TimedDevice(name, kRegisterTable), tick_(tick), core_(core), period_(tick.period()) {
  tick.onChange([this](const ClockDomain&) { clockRateChanged(); });
  core.onChange([this](const ClockDomain&) { clockRateChanged(); });
}

const ClockDomain& SysTimer::clock() const { return MTIMECTL_CLKSRC.test(ctl_) ? core_ : tick_; }

void SysTimer::clockRateChanged() {
  if (clock().period() == period_) return;
  const sc_time now = sc_core::sc_time_stamp();
  setMtime(mtime(now), now);  // counted so far at the old rate
  period_ = clock().period();
  scheduleUpdate(now);
}

uint64_t SysTimer::mtime(const sc_time& now) const {
  if (MTIMECTL_TIMESTOP.test(ctl_) || now <= baseTime_) return base_;
  const auto ticks = static_cast<uint64_t>((now - baseTime_) / period_);
  if (MTIMECTL_CMPCLREN.test(ctl_) && cmp_ != ~uint64_t{0}) {
    // Counts 0..cmp and wraps: the compare match clears it.
    const uint64_t span = cmp_ + 1;
    return base_ <= cmp_ ? (base_ + ticks) % span : base_ + ticks;
  }
  return base_ + ticks;
}

void SysTimer::reset() {
  const sc_time now = sc_core::sc_time_stamp();
  ctl_ = 0;
  cmp_ = ~uint64_t{0};
  msip_ = false;
  period_ = clock().period();
  setMtime(0, now);
  scheduleUpdate(now);
}

void SysTimer::setMtime(uint64_t value, const sc_time& now) {
  base_ = value;
  baseTime_ = now;
}

void SysTimer::driveOutputs() {
  const uint64_t t = mtime(now());
  softwareIrq.write(msip_);
  if (MTIMECTL_CMPCLREN.test(ctl_)) {
    timerIrq.write(t == cmp_);  // one tick wide at each match
  } else {
    timerIrq.write(t >= cmp_);
  }
}

std::optional<sc_time> SysTimer::nextChange() const {
  if (MTIMECTL_TIMESTOP.test(ctl_)) return std::nullopt;
  // The tick at which mtime reaches mtimecmp (or, in a pulse, the tick after).
  const uint64_t t = mtime(now());
  uint64_t ticksAhead;
  if (t < cmp_) ticksAhead = cmp_ - t;
  else if (MTIMECTL_CMPCLREN.test(ctl_)) ticksAhead = 1;
  else return std::nullopt;
  if (ticksAhead > (uint64_t{1} << 50)) return std::nullopt;  // beyond any simulation
  // Align to the tick boundary of the running count.
  const double sinceBase = (now() - baseTime_) / period_;
  const double nextTick = static_cast<double>(static_cast<uint64_t>(sinceBase)) + static_cast<double>(ticksAhead);
  const sc_time at = baseTime_ + period_ * nextTick;
  if (at <= now()) return std::nullopt;
  return at;
}

bool SysTimer::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  const uint64_t t = mtime(accessTime());
  switch (offset) {
    case MTIMER_LO: value = static_cast<uint32_t>(t); return true;
    case MTIMER_HI: value = static_cast<uint32_t>(t >> 32); return true;
    case MTIMERCMP_LO: value = static_cast<uint32_t>(cmp_); return true;
    case MTIMERCMP_HI: value = static_cast<uint32_t>(cmp_ >> 32); return true;
    case MTIMECTL: value = ctl_; return true;
    case MSIP: value = msip_; return true;
    case MSFTRST: value = 0; return true;
    default: return false;
  }
}

bool SysTimer::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  const sc_time now = accessTime();
  const uint64_t t = mtime(now);
  switch (offset) {
    case MTIMER_LO: setMtime((t & 0xFFFFFFFF00000000ull) | value, now); break;
    case MTIMER_HI: setMtime((t & 0xFFFFFFFFull) | (uint64_t{value} << 32), now); break;
    case MTIMERCMP_LO: cmp_ = (cmp_ & 0xFFFFFFFF00000000ull) | value; break;
    case MTIMERCMP_HI: cmp_ = (cmp_ & 0xFFFFFFFFull) | (uint64_t{value} << 32); break;
    case MTIMECTL:
      setMtime(t, now);  // the count so far is kept when the clock or mode changes
      ctl_ = value & (MTIMECTL_TIMESTOP.mask() | MTIMECTL_CMPCLREN.mask() | MTIMECTL_CLKSRC.mask());
      period_ = clock().period();
      break;
    case MSIP: msip_ = value & MSIP_FIELDS; break;
    case MSFTRST:
      if (value == kSoftResetKey) {
        log::warn(basename(), ": software reset requested at pc ", hex32(accessPc()));
        if (softReset_) softReset_();
      }
      break;
    default: return false;
  }
  scheduleUpdate(now);
  return true;
}

}  // namespace wtm::riscv
