#include "AfcCalibrator.h"

#include <cmath>

#include "common/Log.h"
#include "periph/clock/afc_regs.h"

namespace wtm::periph {

using namespace afc;
using sc_core::sc_time;

AfcCalibrator::AfcCalibrator(sc_core::sc_module_name name, Kind kind, ClockTree& clocks)
    : MmioDevice(name, kRegisterTable), kind_(kind), clocks_(clocks) {}

void AfcCalibrator::reset() {
  coreCtrl_ = opResult_ = mask_ = pending_ = trimSignal_ = count_ = 0;
  enabled_ = converged_ = false;
  windowsSeen_ = 0;
}

unsigned AfcCalibrator::testTime() const { return CORE_CTRL_TEST_TIME.get(coreCtrl_); }

unsigned AfcCalibrator::target() const {
  return kind_ == Kind::Osc24M ? CORE_CTRL_FRE_TARGET.get(coreCtrl_) : CORE_CTRL_FRE_TARGET_320K.get(coreCtrl_);
}

uint32_t AfcCalibrator::countMask() const {
  return kind_ == Kind::Osc24M ? AFC_FRE_CNT_FRE_CNT.mask() : AFC_FRE_CNT_FRE_CNT_320K.mask();
}

uint32_t AfcCalibrator::countFor(double hz) const {
  const double ref = clocks_.oscillatorHz(Oscillator::Crystal32K);
  const double c = std::floor(hz * testTime() / ref + 0.5);
  return static_cast<uint32_t>(std::fmin(c, static_cast<double>(countMask())));
}

void AfcCalibrator::start(const sc_time& t) {
  startedAt_ = t;
  windowsSeen_ = 0;
  converged_ = false;
  if (!clocks_.oscillatorEnabled(Oscillator::Crystal32K) && !warnedNoReference_) {
    warnedNoReference_ = true;
    log::warn(basename(),
              ": calibration started without the 32.768 kHz reference (PMU CTL.XTL32K_EN = 0); "
              "no window will finish");
  }
  if (testTime() == 0 && !warnedNoWindow_) {
    warnedNoWindow_ = true;
    log::warn(basename(), ": calibration started with CORE_CTRL.TEST_TIME = 0; no window will finish");
  }
}

AfcCalibrator::Progress AfcCalibrator::progressAt(const sc_time& t) const {
  Progress p;
  if (!enabled_ || testTime() == 0 || !clocks_.oscillatorEnabled(Oscillator::Crystal32K)) return p;
  if (t <= startedAt_) return p;
  const double window = testTime() / clocks_.oscillatorHz(Oscillator::Crystal32K);
  p.windows = static_cast<uint64_t>((t - startedAt_).to_seconds() / window);
  if (p.windows == windowsSeen_) return p;
  p.newWindows = true;
  if (!converged_ && p.windows >= kWindowsToConverge && target() > 0) {
    p.converges = true;
    p.calibratedHz = target() * clocks_.oscillatorHz(Oscillator::Crystal32K) / testTime();
  }
  return p;
}

uint32_t AfcCalibrator::convergedTrimSignal() const {
  // Mid-range trims, marked as applied.
  return kind_ == Kind::Osc24M
             ? CORE_TRIM_SIGNAL_FINE.set(CORE_TRIM_SIGNAL_COARSE.set(CORE_TRIM_SIGNAL_TRIM_RST.mask(), 8), 0x10)
             : CORE_TRIM_SIGNAL_FINE_320K.set(
                   CORE_TRIM_SIGNAL_COARSE_320K.set(CORE_TRIM_SIGNAL_TRIM_RST_320K.mask(), 4), 8);
}

void AfcCalibrator::advance(const sc_time& t) {
  const Progress p = progressAt(t);
  if (!p.newWindows) return;
  windowsSeen_ = p.windows;
  pending_ |= INT_SR_PENDING_FRE_DET_DONE.mask();
  if (p.converges) {
    converged_ = true;
    log::info(basename(), ": oscillator calibrated to ", p.calibratedHz, " Hz (target ", target(), " per ", testTime(),
              " reference periods)");
    clocks_.setOscillatorHz(oscillator(), p.calibratedHz);
    pending_ |= INT_SR_PENDING_CALB_FINISH.mask();
    trimSignal_ = convergedTrimSignal();
  }
  count_ = countFor(clocks_.oscillatorHz(oscillator()));
}

AfcCalibrator::Readout AfcCalibrator::readoutAt(const sc_time& t) const {
  const Progress p = progressAt(t);
  if (!p.newWindows) return {pending_, trimSignal_, count_};
  Readout r{pending_ | INT_SR_PENDING_FRE_DET_DONE.mask(), trimSignal_, 0};
  if (p.converges) {
    r.pending |= INT_SR_PENDING_CALB_FINISH.mask();
    r.trimSignal = convergedTrimSignal();
  }
  r.count = countFor(p.converges ? p.calibratedHz : clocks_.oscillatorHz(oscillator()));
  return r;
}

bool AfcCalibrator::readRegister(uint32_t offset, unsigned size, uint32_t& value) {
  (void)size;
  // A debug read works out the finished windows (readoutAt) without applying a calibration:
  // the oscillator, and with it every clock of the tree, changes only at a firmware access.
  if (!debugAccess()) advance(accessTime());
  const Readout r = readoutAt(accessTime());
  switch (offset) {
    case CORE_CTRL: value = coreCtrl_; return true;
    case CORE_EN: value = enabled_ ? CORE_EN_WORK_EN.mask() : 0; return true;
    case OP_RESULT: value = opResult_; return true;
    case AFC_FRE_CNT: value = r.count; return true;
    case CORE_TRIM_SIGNAL: value = r.trimSignal; return true;
    case OP_DATA: value = 0; return true;
    case INT_MASK_STATUS: value = mask_; return true;
    case INT_SR_PENDING: value = r.pending; return true;
    case AFC_PULSE:
    case INT_MASK_SET:
    case INT_MASK_CLR: value = 0; return true;
    default: return false;
  }
}

bool AfcCalibrator::writeRegister(uint32_t offset, unsigned size, uint32_t value) {
  (void)size;
  const sc_time t = accessTime();
  advance(t);
  switch (offset) {
    case CORE_CTRL:
      coreCtrl_ = value & (kind_ == Kind::Osc24M ? 0x7FFFFFu : 0x1FFFFu);
      if (enabled_) start(t);  // a new target restarts the search
      return true;
    case CORE_EN: {
      const bool on = CORE_EN_WORK_EN.test(value);
      if (on && !enabled_) {
        enabled_ = true;
        start(t);
      } else if (!on) {
        enabled_ = false;  // the count of the last window stays readable
      }
      return true;
    }
    case OP_RESULT: opResult_ = value & OP_RESULT_FIELDS; return true;
    case AFC_PULSE: return true;  // no CPU-assisted step is ever requested
    case INT_MASK_SET: mask_ |= value & INT_SR_PENDING_FIELDS; return true;
    case INT_MASK_CLR: mask_ &= ~value & INT_SR_PENDING_FIELDS; return true;
    case INT_SR_PENDING: pending_ &= ~value; return true;
    default: return false;
  }
}

}  // namespace wtm::periph
