#include "npu/AdcModel.h"

#include <cmath>

#include "npu/RandomSource.h"

namespace wtm::npu {

AdcModel::AdcModel(const AdcConfig& config, std::uint64_t seed)
    : config_(config), offset_(kColumns, config.offsetMean), gainError_(kColumns, config.gainErrorMean) {
  RandomSource rng = RandomSource::derive(seed, stream::kAdcColumns);
  for (int j = 0; j < kColumns; ++j) {
    // Draw both for every column so one sigma being zero does not shift the other's numbers.
    const double o = rng.normal();
    const double g = rng.normal();
    offset_[j] += config_.offsetSigma * o;
    gainError_[j] += config_.gainErrorSigma * g;
  }
}

double AdcModel::step(int gain) const { return 2.0 * config_.fullScale * gain / std::ldexp(1.0, config_.bits); }

int AdcModel::convert(double acc, int column, int gain) const {
  const double s = step(gain);
  double code = std::trunc((acc * (1.0 + gainError_[column])) / s + offset_[column]);
  if (code < double(minCode())) code = double(minCode());
  if (code > double(maxCode())) code = double(maxCode());
  double y = std::floor(code * s / gain + 0.5);
  if (y < -128) y = -128;
  if (y > 127) y = 127;
  return static_cast<int>(y);
}

}  // namespace wtm::npu
