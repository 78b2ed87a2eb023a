// The column converter of the non-ideal model: per-column offset and gain errors (drawn once,
// like a chip's fixed mismatch), finite resolution and range, then the digital rounding to the
// 8-bit pre-activation. See AdcConfig for the transfer function and its assumptions.
#pragma once
#include <cstdint>
#include <vector>

#include "npu/ArrayGeometry.h"
#include "npu/NonIdealConfig.h"

namespace wtm::npu {

class AdcModel {
 public:
  AdcModel(const AdcConfig& config, std::uint64_t seed);

  const AdcConfig& config() const { return config_; }
  double offset(int column) const { return offset_[column]; }        // ADC LSBs
  double gainError(int column) const { return gainError_[column]; }  // relative

  // ADC step in column-sum units for gain G.
  double step(int gain) const;
  long long minCode() const { return -(1LL << (config_.bits - 1)); }
  long long maxCode() const { return (1LL << (config_.bits - 1)) - 1; }
  // Pre-activation int8 for an analog column sum `acc` of `column` at gain G.
  int convert(double acc, int column, int gain) const;

 private:
  AdcConfig config_;
  std::vector<double> offset_;
  std::vector<double> gainError_;
};

}  // namespace wtm::npu
