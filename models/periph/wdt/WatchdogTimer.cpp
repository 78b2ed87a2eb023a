#include "WatchdogTimer.h"

#include <algorithm>
#include <cstdio>

#include "common/Log.h"
#include "periph/wdt/wdt_regs.h"

namespace wtm::periph {

using namespace wdt;
using sc_core::sc_time;

namespace {

constexpr uint32_t kKick = 0x76;
// 32-bit counter, fixed 2^(16+i) periods, 32-bit APB, default RMOD 1, TOP 0.
constexpr uint32_t kParams1 = COMP_PARAMS_1_DFLT_RMOD.mask() | COMP_PARAMS_1_USE_FIX_TOP.mask() |
                              COMP_PARAMS_1_APB_DATA_WIDTH.set(0, 2) | COMP_PARAMS_1_CNT_WIDTH.set(0, 16);
constexpr uint32_t kTopMax = 0xFFFFFFFF;
constexpr uint32_t kVersion = 0x3131302A;  // "110*" (DW_apb_wdt 1.10a), never checked
constexpr uint32_t kType = 0x44570120;     // DesignWare WDT component type

}  // namespace

WatchdogTimer::WatchdogTimer(sc_core::sc_module_name name, ClockDomain& clock)
    : TimedDevice(name, kRegisterTable, clock) {
  cr_ = CR_RESET;  // the rest starts zeroed; update() runs once at start-up
}

void WatchdogTimer::reset() {
  cr_ = CR_RESET;
  torr_ = 0;
  loadTick_ = loadedPeriod_ = 0;
  interrupt_ = false;
  resetOccurred_ = false;
  scheduleUpdate(now());
}

bool WatchdogTimer::enabled() const { return CR_WDT_EN.test(cr_) && !resetOccurred_; }

uint64_t WatchdogTimer::period() const { return uint64_t{1} << (16 + TORR_TOP.get(torr_)); }

void WatchdogTimer::load(uint64_t tick) {
  loadTick_ = tick;
  loadedPeriod_ = period();  // a TOP change applies from the next load on
}

WatchdogTimer::Count WatchdogTimer::countAt(const sc_time& t) const {
  Count c{loadTick_, loadedPeriod_, interrupt_, resetOccurred_, 0};
  if (!enabled()) return c;
  const uint64_t ticks = tick().ticksAt(std::max(now(), t));
  while (!c.reset && ticks >= c.loadTick + c.period) {
    const uint64_t timeout = c.loadTick + c.period;
    if (CR_RMOD.test(cr_) && !c.interrupt) {
      c.interrupt = true;
      c.loadTick = timeout;  // load(): a TOP change applies from this load on
      c.period = period();
    } else {
      c.reset = true;
      c.resetTick = timeout;
    }
  }
  return c;
}

void WatchdogTimer::advanceTo(const sc_time& t) {
  const Count c = countAt(t);
  loadTick_ = c.loadTick;
  loadedPeriod_ = c.period;
  interrupt_ = c.interrupt;
  if (c.reset && !resetOccurred_) systemReset(tick().timeOfTick(c.resetTick));
}

void WatchdogTimer::systemReset(const sc_time& at) {
  resetOccurred_ = true;
  resetTime_ = at;
  interrupt_ = false;
  char when[48];
  std::snprintf(when, sizeof when, "%.6f ms", at.to_seconds() * 1e3);
  log::warn(basename(), ": watchdog timeout at ", when, ": system reset (",
            CR_RMOD.test(cr_) ? "interrupt not cleared" : "reset mode", "); the board stops here");
  if (resetHandler_) resetHandler_(at);
}

uint32_t WatchdogTimer::counterValue(const Count& c, const sc_time& t) const {
  if (!CR_WDT_EN.test(cr_) || c.reset) return 0xFFFFFFFF;  // the counter's reset value (COMP_PARAMS_2)
  const uint64_t elapsed = tick().ticksAt(t) - c.loadTick;
  return static_cast<uint32_t>(c.period - 1 - elapsed);
}

uint32_t WatchdogTimer::counter(const sc_time& t) {
  catchUp(t);
  return counterValue(countAt(now()), now());
}

bool WatchdogTimer::readRegister(uint32_t offset, unsigned, uint32_t& value) {
  // A debug read sees the timeouts up to its time (countAt) without applying them: no
  // interrupt latched, no system reset at the time of the read.
  if (!debugAccess()) catchUp(accessTime());
  const sc_time at = std::max(now(), accessTime());
  const Count c = countAt(at);
  switch (offset) {
    case CR: value = cr_; return true;
    case TORR: value = torr_; return true;
    case CCVR: value = counterValue(c, at); return true;
    case STAT: value = c.interrupt ? 1 : 0; return true;
    case EOI:
      if (!debugAccess()) {
        interrupt_ = false;
        scheduleUpdate(now());
      }
      value = 0;
      return true;
    case COMP_PARAMS_5: value = kTopMax; return true;
    case COMP_PARAMS_4: value = kTopMax; return true;
    case COMP_PARAMS_3: value = 0; return true;
    case COMP_PARAMS_2: value = 0xFFFFFFFF; return true;
    case COMP_PARAMS_1: value = kParams1; return true;
    case COMP_VERSION: value = kVersion; return true;
    case COMP_TYPE: value = kType; return true;
    default: return false;
  }
}

bool WatchdogTimer::writeRegister(uint32_t offset, unsigned, uint32_t value) {
  catchUp(accessTime());
  switch (offset) {
    case CR: {
      const bool wasEnabled = CR_WDT_EN.test(cr_);
      cr_ = (value & CR_FIELDS) | (cr_ & CR_WDT_EN.mask());  // WDT_EN is sticky
      if (!wasEnabled && CR_WDT_EN.test(cr_)) {
        load(tick().ticksAt(now()));
        log::info(basename(), ": enabled, timeout ", period(), " cycles at ", tick().domain().frequency(), " Hz");
      }
      break;
    }
    case TORR: torr_ = value & TORR_FIELDS; break;
    case CRR:
      if ((value & CRR_KICK.mask()) == kKick && enabled()) {
        load(tick().ticksAt(now()));
        interrupt_ = false;  // a restart also clears the interrupt
      }
      break;
    default: return false;
  }
  scheduleUpdate(now());
  return true;
}

void WatchdogTimer::driveOutputs() { irq.write(interrupt_); }

std::optional<sc_time> WatchdogTimer::nextChange() const {
  if (!enabled()) return std::nullopt;
  return tick().timeOfTick(loadTick_ + loadedPeriod_);
}

}  // namespace wtm::periph
