// AFC24M (0x6400_E000) / AFC320K (0x6400_D000): oscillator auto-frequency calibration against the
// 32.768 kHz crystal (reference/soc.md §3.5).
//
// With CORE_EN.WORK_EN set, the block counts oscillator cycles in windows of TEST_TIME reference
// periods: AFC_FRE_CNT = round(f_osc x TEST_TIME / 32768) of the last finished window. After
// kWindowsToConverge windows the calibration has trimmed the oscillator onto the target:
// f_osc = FRE_TARGET x 32768 / TEST_TIME (24000 x 1024 = 24.576 MHz for the SDK's 0x5DC020),
// which the ClockTree then uses; the count reads FRE_TARGET. The vendor code reads the count after
// a fixed busy loop and takes count x 1024 as the oscillator frequency (osc_clock_calibration.c).
// Everything is computed from the access time; no clock, no events.
//
// Approximate: the real calibrator walks coarse/fine trims and asks the CPU for divisions
// (FINE_STEPx_OP interrupts served by the SDK's AFC ISRs); here no interrupt is raised, OP_DATA
// reads 0, the trim signal jumps to mid-range values at convergence, and only FRE_DET_DONE and
// CALB_FINISH become pending (readable, write-1-to-clear).
#pragma once
#include <cstdint>

#include <systemc>

#include "common/MmioDevice.h"
#include "periph/clock/ClockTree.h"

namespace wtm::periph {

class AfcCalibrator : public MmioDevice {
 public:
  enum class Kind { Osc24M, Osc320K };
  static constexpr unsigned kWindowsToConverge = 12;  // assumed: ~4 coarse + 5 fine steps + margin

  AfcCalibrator(sc_core::sc_module_name name, Kind kind, ClockTree& clocks);
  void reset();

  Kind oscillatorKind() const { return kind_; }
  uint32_t frequencyCount() const { return count_; }
  bool converged() const { return converged_; }

 protected:
  bool readRegister(uint32_t offset, unsigned size, uint32_t& value) override;
  bool writeRegister(uint32_t offset, unsigned size, uint32_t value) override;

 private:
  Oscillator oscillator() const { return kind_ == Kind::Osc24M ? Oscillator::Internal24M : Oscillator::Internal320K; }
  unsigned testTime() const;
  unsigned target() const;
  uint32_t countMask() const;
  uint32_t countFor(double hz) const;
  // Windows finished by time `t` that advance() has not taken in yet, and whether they
  // complete the calibration (onto `calibratedHz`).
  struct Progress {
    bool newWindows = false;
    uint64_t windows = 0;
    bool converges = false;
    double calibratedHz = 0;
  };
  // What the status registers read at time `t`.
  struct Readout {
    uint32_t pending, trimSignal, count;
  };
  Progress progressAt(const sc_core::sc_time& t) const;
  Readout readoutAt(const sc_core::sc_time& t) const;
  uint32_t convergedTrimSignal() const;
  // Brings the windows up to time `t` (count, pending bits, convergence).
  void advance(const sc_core::sc_time& t);
  void start(const sc_core::sc_time& t);

  Kind kind_;
  ClockTree& clocks_;
  uint32_t coreCtrl_ = 0, opResult_ = 0, mask_ = 0, pending_ = 0, trimSignal_ = 0;
  bool enabled_ = false;
  bool converged_ = false;
  bool warnedNoReference_ = false, warnedNoWindow_ = false;
  uint32_t count_ = 0;
  sc_core::sc_time startedAt_;
  uint64_t windowsSeen_ = 0;
};

}  // namespace wtm::periph
