// The stages of the AUDIO block that run at the PCM rate, after decimation: DC-blocking high-
// pass, pre-emphasis, the gain window to 16 bits, and the VAD's biquad. Signals are in PDM
// full-scale units (±1.0) until OutputGain turns them into 16-bit samples.
#pragma once
#include <cstdint>

namespace wtm::audio {

// y = x − x₋₁ + (1 − 2^−shift)·y₋₁
class DcBlocker {
 public:
  explicit DcBlocker(unsigned shift);
  double step(double x);
  void reset() { x1_ = y1_ = 0; }

 private:
  double pole_;
  double x1_ = 0, y1_ = 0;
};

// y = x − α·x₋₁
class PreEmphasis {
 public:
  explicit PreEmphasis(double alpha) : alpha_(alpha) {}
  double step(double x) {
    const double y = x - alpha_ * x1_;
    x1_ = x;
    return y;
  }
  void reset() { x1_ = 0; }

 private:
  double alpha_;
  double x1_ = 0;
};

// Gain code g (PCMGAIN, 0…31) → the 16-bit window of the internal full-range value; rounds to
// nearest and saturates.
class OutputGain {
 public:
  explicit OutputGain(unsigned gainCode);
  int16_t apply(double x) const;
  double scale() const { return scale_; }  // 16-bit LSBs per unit of PDM full scale

 private:
  double scale_;
};

// Direct-form-I biquad in the register format assumed for PCM0CFG0..2 (Q2.13, see
// docs/audio-path.md): H(z) = B0·(1 + B1 z⁻¹ + B2 z⁻²) / (1 + A0 z⁻¹ + A1 z⁻²).
class Biquad {
 public:
  static constexpr int kFractionBits = 13;
  void setRegisterCoefficients(int16_t b0, int16_t b1, int16_t b2, int16_t a0, int16_t a1);
  double step(double x);
  void reset() { x1_ = x2_ = y1_ = y2_ = 0; }

 private:
  double b0_ = 1, b1_ = 0, b2_ = 0, a1_ = 0, a2_ = 0;
  double x1_ = 0, x2_ = 0, y1_ = 0, y2_ = 0;
};

}  // namespace wtm::audio
