#include "PostFilters.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "audio/AudioPathAssumptions.h"

namespace wtm::audio {

DcBlocker::DcBlocker(unsigned shift) : pole_(1.0 - std::ldexp(1.0, -static_cast<int>(shift))) {}

double DcBlocker::step(double x) {
  const double y = x - x1_ + pole_ * y1_;
  x1_ = x;
  y1_ = y;
  return y;
}

OutputGain::OutputGain(unsigned gainCode) {
  using namespace assumptions;
  // window LSB = bit (14 − g/2) of a value whose full scale is 2^27
  const double lsbBit = kGainWindowBase - static_cast<double>(gainCode) / 2;
  scale_ = std::exp2(kInternalFullScaleBits - lsbBit);
}

int16_t OutputGain::apply(double x) const {
  const double v = std::nearbyint(x * scale_);
  if (std::isnan(v)) return 0;  // converting NaN to an integer is undefined; play silence
  if (v > std::numeric_limits<int16_t>::max()) return std::numeric_limits<int16_t>::max();
  if (v < std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::min();
  return static_cast<int16_t>(v);
}

void Biquad::setRegisterCoefficients(int16_t b0, int16_t b1, int16_t b2, int16_t a0, int16_t a1) {
  const double q = std::ldexp(1.0, -kFractionBits);
  b0_ = b0 * q;
  b1_ = b1 * q;
  b2_ = b2 * q;
  a1_ = a0 * q;
  a2_ = a1 * q;
}

double Biquad::step(double x) {
  const double y = b0_ * (x + b1_ * x1_ + b2_ * x2_) - a1_ * y1_ - a2_ * y2_;
  x2_ = x1_;
  x1_ = x;
  y2_ = y1_;
  y1_ = y;
  return y;
}

}  // namespace wtm::audio
