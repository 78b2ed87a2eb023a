#include "AfcCalibrator.h"

#include <cmath>

#include "common/Log.h"
#include "periph/clock/afc_regs.h"

namespace wtm::periph {

using namespace afc;
using sc_core::sc_time;

namespace {
constexpr uint32_t kWindowSize = 0x1000;
constexpr uint32_t kInterruptBits = 0xFFF;
}  // namespace

AfcCalibrator::AfcCalibrator(sc_core::sc_module_name name, Kind kind, ClockTree& clocks)
    : MmioDevice(name, kWindowSize, kRegisters, kRegisterCount), kind_(kind), clocks_(clocks) {}

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
    log::warn(basename(), ": calibration started without the 32.768 kHz reference (PMU CTL.XTL32K_EN = 0); "
                          "no window will finish");
  }
  if (testTime() == 0 && !warnedNoWindow_) {
    warnedNoWindow_ = true;
    log::warn(basename(), ": calibration started with CORE_CTRL.TEST_TIME = 0; no window will finish");
  }
}

void AfcCalibrator::advance(const sc_time& t) {
  if (!enabled_ || testTime() == 0 || !clocks_.oscillatorEnabled(Oscillator::Crystal32K)) return;
  if (t <= startedAt_) return;
  const double window = testTime() / clocks_.oscillatorHz(Oscillator::Crystal32K);
  const auto windows = static_cast<uint64_t>((t - startedAt_).to_seconds() / window);
  if (windows == windowsSeen_) return;
  windowsSeen_ = windows;
  pending_ |= INT_SR_PENDING_FRE_DET_DONE.mask();
  if (!converged_ && windows >= kWindowsToConverge && target() > 0) {
    converged_ = true;
    const double hz = target() * clocks_.oscillatorHz(Oscillator::Crystal32K) / testTime();
    log::info(basename(), ": oscillator calibrated to ", hz, " Hz (target ", target(), " per ", testTime(),
              " reference periods)");
    clocks_.setOscillatorHz(oscillator(), hz);
    pending_ |= INT_SR_PENDING_CALB_FINISH.mask();
    // Mid-range trims, marked as applied.
    trimSignal_ = kind_ == Kind::Osc24M
                      ? CORE_TRIM_SIGNAL_FINE.set(CORE_TRIM_SIGNAL_COARSE.set(CORE_TRIM_SIGNAL_TRIM_RST.mask(), 8), 0x10)
                      : CORE_TRIM_SIGNAL_FINE_320K.set(
                            CORE_TRIM_SIGNAL_COARSE_320K.set(CORE_TRIM_SIGNAL_TRIM_RST_320K.mask(), 4), 8);
  }
  count_ = countFor(clocks_.oscillatorHz(oscillator()));
}

bool AfcCalibrator::readRegister(uint32_t offset, unsigned size, uint32_t& value) {
  (void)size;
  advance(accessTime());
  switch (offset) {
    case CORE_CTRL: value = coreCtrl_; return true;
    case CORE_EN: value = enabled_ ? CORE_EN_WORK_EN.mask() : 0; return true;
    case OP_RESULT: value = opResult_; return true;
    case AFC_FRE_CNT: value = count_; return true;
    case CORE_TRIM_SIGNAL: value = trimSignal_; return true;
    case OP_DATA: value = 0; return true;
    case INT_MASK_STATUS: value = mask_; return true;
    case INT_SR_PENDING: value = pending_; return true;
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
    case OP_RESULT: opResult_ = value & 0x3Fu; return true;
    case AFC_PULSE: return true;  // no CPU-assisted step is ever requested
    case INT_MASK_SET: mask_ |= value & kInterruptBits; return true;
    case INT_MASK_CLR: mask_ &= ~value & kInterruptBits; return true;
    case INT_SR_PENDING: pending_ &= ~value; return true;
    case AFC_FRE_CNT:
    case CORE_TRIM_SIGNAL:
    case OP_DATA:
    case INT_MASK_STATUS: return true;  // read-only
    default: return false;
  }
}

}  // namespace wtm::periph
