#include "FirDesign.h"

#include <cmath>
#include <complex>
#include <numeric>
#include <stdexcept>

namespace wtm::audio {
namespace {

const double kPi = std::acos(-1.0);
constexpr size_t kIntegrationPoints = 8192;  // frequency grid of the design integral

void normaliseDcGain(std::vector<double>& h) {
  const double sum = std::accumulate(h.begin(), h.end(), 0.0);
  for (auto& c : h) c /= sum;
}

}  // namespace

std::vector<double> kaiserWindow(size_t taps, double beta) {
  std::vector<double> w(taps);
  const double half = (static_cast<double>(taps) - 1) / 2;
  const double norm = std::cyl_bessel_i(0.0, beta);
  for (size_t n = 0; n < taps; ++n) {
    const double r = half > 0 ? (static_cast<double>(n) - half) / half : 0;
    w[n] = std::cyl_bessel_i(0.0, beta * std::sqrt(std::max(0.0, 1 - r * r))) / norm;
  }
  return w;
}

std::vector<double> designShapedLowPass(size_t taps, double passEdge, double stopEdge, double beta,
                                        const std::function<double(double)>& passResponse) {
  if (taps % 2 == 0 || !(0 < passEdge && passEdge < stopEdge && stopEdge <= 0.5))
    throw std::invalid_argument("FIR design: odd tap count and 0 < pass < stop <= 0.5 required");
  const double edgeGain = passResponse(passEdge);
  auto amplitude = [&](double f) {
    if (f <= passEdge) return passResponse(f);
    if (f >= stopEdge) return 0.0;
    return edgeGain * 0.5 * (1 + std::cos(kPi * (f - passEdge) / (stopEdge - passEdge)));
  };
  // h[m] = 2 ∫₀^½ A(f)·cos(2π f m) df (trapezoid rule), m = n − centre
  const auto half = static_cast<long>(taps / 2);
  std::vector<double> h(taps);
  const double df = 0.5 / kIntegrationPoints;
  for (long m = -half; m <= half; ++m) {
    double acc = 0;
    for (size_t i = 0; i <= kIntegrationPoints; ++i) {
      const double f = static_cast<double>(i) * df;
      const double weight = (i == 0 || i == kIntegrationPoints) ? 0.5 : 1.0;
      acc += weight * amplitude(f) * std::cos(2 * kPi * f * static_cast<double>(m));
    }
    h[static_cast<size_t>(m + half)] = 2 * acc * df;
  }
  const auto w = kaiserWindow(taps, beta);
  for (size_t n = 0; n < taps; ++n) h[n] *= w[n];
  normaliseDcGain(h);
  return h;
}

std::vector<double> designHalfBand(size_t taps, double beta) {
  if (taps % 4 != 3) throw std::invalid_argument("half-band FIR: 4k + 3 taps required");
  const auto half = static_cast<long>(taps / 2);
  const auto w = kaiserWindow(taps, beta);
  std::vector<double> h(taps);
  for (long m = -half; m <= half; ++m) {
    // sinc at a quarter of the rate: exactly zero at even m ≠ 0 (set, not computed, so the
    // half of the multiplications a half-band saves really vanish)
    const double x = 0.5 * static_cast<double>(m);
    const double sinc = m == 0 ? 1.0 : (m % 2 == 0 ? 0.0 : std::sin(kPi * x) / (kPi * x));
    h[static_cast<size_t>(m + half)] = 0.5 * sinc * w[static_cast<size_t>(m + half)];
  }
  normaliseDcGain(h);
  return h;
}

double cicMagnitude(unsigned order, unsigned decimation, double fOfOutputRate) {
  if (fOfOutputRate == 0) return 1.0;
  const double num = std::sin(kPi * fOfOutputRate);
  const double den = static_cast<double>(decimation) * std::sin(kPi * fOfOutputRate / decimation);
  return std::pow(std::fabs(num / den), static_cast<double>(order));
}

double firMagnitude(const std::vector<double>& h, double f) {
  std::complex<double> acc = 0;
  for (size_t n = 0; n < h.size(); ++n) acc += h[n] * std::polar(1.0, -2 * kPi * f * static_cast<double>(n));
  return std::abs(acc);
}

}  // namespace wtm::audio
