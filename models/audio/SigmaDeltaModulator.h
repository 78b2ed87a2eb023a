// The 1-bit sigma-delta modulator inside a MEMS PDM microphone, at the PDM clock.
//
// Design (as Schreier's synthesizeNTF without zero optimisation): the noise transfer function
// NTF(z) = (1 − z⁻¹)^N / A(z) has all its zeros at DC and the poles of an N-th order
// Butterworth high-pass, whose cut-off is chosen so that the out-of-band gain |NTF(−1)| equals
// the peak gain H∞ (1.5: Lee's stability criterion for 1-bit loops). It is realised in error-
// feedback form: y = u + ((N − A)/A)·e, v = sign(y), e = v − y, so V = U + NTF·E exactly.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace wtm::audio {

// Denominator A(z⁻¹) = 1 + a₁z⁻¹ + … + a_N z⁻ᴺ of the NTF (returned with a₀ = 1).
std::vector<double> designNtfDenominator(unsigned order, double peakGain);

class SigmaDeltaModulator {
 public:
  static constexpr unsigned kMaxOrder = 6;

  SigmaDeltaModulator(unsigned order, double peakGain);

  // One bit (+1 / −1) per input sample; inputs are in PDM full-scale units (±1).
  void modulate(const float* in, int8_t* bits, size_t count);
  void reset();
  unsigned order() const { return order_; }
  uint64_t resets() const { return resets_; }  // times the loop had to be restarted

 private:
  unsigned order_;
  std::array<double, kMaxOrder + 1> a_{};  // NTF denominator
  std::array<double, kMaxOrder + 1> g_{};  // numerator of the feedback filter (N − A), g₀ = 0
  std::array<double, kMaxOrder> pastError_{};
  std::array<double, kMaxOrder> pastFeedback_{};
  uint64_t resets_ = 0;
};

}  // namespace wtm::audio
