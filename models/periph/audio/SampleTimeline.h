// When the samples of a running channel are complete: sample k after the epoch (the channel's
// enable, or the last rate change) is ready at epoch + k·T. Counts are cumulative over epochs.
// Times are exact to the kernel's resolution (1 ps); a count is reached at the first
// representable time not before its ideal instant.
#pragma once
#include <cmath>
#include <cstdint>

#include <systemc>

namespace wtm::periph {

class SampleTimeline {
 public:
  void start(const sc_core::sc_time& at, uint64_t count, double periodSeconds) {
    epoch_ = at;
    epochCount_ = count;
    periodPs_ = periodSeconds * 1e12;
  }
  // Samples complete at time `t` (never fewer than at the epoch).
  uint64_t countAt(const sc_core::sc_time& t) const {
    if (t <= epoch_ || periodPs_ <= 0) return epochCount_;
    const double elapsed = static_cast<double>(t.value() - epoch_.value());
    return epochCount_ + static_cast<uint64_t>(std::floor(elapsed / periodPs_ + kTolerance));
  }
  // The time at which `count` samples are complete.
  sc_core::sc_time timeOf(uint64_t count) const {
    if (count <= epochCount_) return epoch_;
    const double ps = std::ceil(static_cast<double>(count - epochCount_) * periodPs_ - kTolerance);
    return epoch_ + sc_core::sc_time::from_value(static_cast<sc_dt::uint64>(ps));
  }
  double periodSeconds() const { return periodPs_ * 1e-12; }

 private:
  static constexpr double kTolerance = 1e-6;  // of a sample or a picosecond: float rounding only
  sc_core::sc_time epoch_;
  uint64_t epochCount_ = 0;
  double periodPs_ = 0;
};

}  // namespace wtm::periph
