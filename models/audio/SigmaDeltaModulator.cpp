#include "SigmaDeltaModulator.h"

#include <cmath>
#include <complex>
#include <stdexcept>

#include "audio/AudioPathAssumptions.h"

namespace wtm::audio {
namespace {

using Complex = std::complex<double>;

// Poles of the N-th order digital Butterworth high-pass with cut-off `fc` (fraction of the
// sample rate), through the bilinear transform s = (1 − z⁻¹)/(1 + z⁻¹).
std::vector<Complex> butterworthHighPassPoles(unsigned order, double fc) {
  const double pi = std::acos(-1.0);
  const double warped = std::tan(pi * fc);
  std::vector<Complex> poles;
  for (unsigned k = 0; k < order; ++k) {
    const Complex prototype = std::polar(1.0, pi * (2.0 * k + order + 1) / (2.0 * order));  // left half plane
    const Complex s = warped / prototype;                                                   // low-pass → high-pass
    poles.push_back((1.0 + s) / (1.0 - s));
  }
  return poles;
}

// |NTF(z = −1)| = 2^N / Π(1 + p_k)
double nyquistGain(const std::vector<Complex>& poles) {
  Complex product = 1.0;
  for (const auto& p : poles) product *= 1.0 + p;
  return std::pow(2.0, static_cast<double>(poles.size())) / std::abs(product);
}

}  // namespace

std::vector<double> designNtfDenominator(unsigned order, double peakGain) {
  if (order < 1 || order > SigmaDeltaModulator::kMaxOrder) throw std::invalid_argument("modulator order out of range");
  // The gain grows monotonically with the cut-off: bisect for |NTF(−1)| = peakGain.
  double lo = 1e-6, hi = 0.499;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (nyquistGain(butterworthHighPassPoles(order, mid)) < peakGain ? lo : hi) = mid;
  }
  const auto poles = butterworthHighPassPoles(order, 0.5 * (lo + hi));
  std::vector<Complex> poly{1.0};  // Π (1 − p z⁻¹), coefficients in powers of z⁻¹
  for (const auto& p : poles) {
    std::vector<Complex> next(poly.size() + 1, 0.0);
    for (size_t i = 0; i < poly.size(); ++i) {
      next[i] += poly[i];
      next[i + 1] -= poly[i] * p;
    }
    poly = next;
  }
  std::vector<double> a;
  for (const auto& c : poly) a.push_back(c.real());  // conjugate pairs: imaginary parts cancel
  return a;
}

SigmaDeltaModulator::SigmaDeltaModulator(unsigned order, double peakGain) : order_(order) {
  const auto a = designNtfDenominator(order, peakGain);
  // Binomial coefficients of (1 − z⁻¹)^N.
  std::array<double, kMaxOrder + 1> n{};
  n[0] = 1;
  for (unsigned k = 1; k <= order; ++k) n[k] = -n[k - 1] * static_cast<double>(order - k + 1) / static_cast<double>(k);
  for (unsigned k = 0; k <= order; ++k) {
    a_[k] = a[k];
    g_[k] = n[k] - a[k];
  }
}

void SigmaDeltaModulator::reset() {
  pastError_.fill(0);
  pastFeedback_.fill(0);
}

void SigmaDeltaModulator::modulate(const float* in, int8_t* bits, size_t count) {
  for (size_t n = 0; n < count; ++n) {
    // w = ((N − A)/A)·e, from past errors only (g₀ = 0)
    double w = 0;
    for (unsigned k = 1; k <= order_; ++k) w += g_[k] * pastError_[k - 1] - a_[k] * pastFeedback_[k - 1];
    // Overloaded loop (or a NaN in its state, which no comparison catches): restart it.
    if (!(std::fabs(w) <= assumptions::kModulatorResetLevel)) {
      reset();
      ++resets_;
      w = 0;
    }
    // A NaN input would stick in the loop state; an Inf overloads it and is reset just above.
    const double x = std::isnan(in[n]) ? 0.0 : static_cast<double>(in[n]);
    const double y = x + w;
    const double v = y >= 0 ? 1.0 : -1.0;
    for (unsigned k = order_ - 1; k > 0; --k) {
      pastError_[k] = pastError_[k - 1];
      pastFeedback_[k] = pastFeedback_[k - 1];
    }
    pastError_[0] = v - y;
    pastFeedback_[0] = w;
    bits[n] = static_cast<int8_t>(v);
  }
}

}  // namespace wtm::audio
