#include "npu/RandomSource.h"

#include <cmath>

namespace wtm::npu {

namespace {

std::uint64_t splitMix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

constexpr std::uint64_t rotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Ziggurat tables for the standard normal density f(x) = exp(-x²/2), 128 strips of equal area
// kStripArea; kTailStart is where the base strip's tail begins. Constants from Marsaglia & Tsang,
// "The Ziggurat Method for Generating Random Variables" (2000).
constexpr int kStrips = 128;
constexpr double kTailStart = 3.442619855899;
constexpr double kStripArea = 9.91256303526217e-3;

struct ZigguratTables {
  double x[kStrips + 1];  // strip edges, x[0] (widened base) > x[1] = r > ... > x[128] = 0
  double f[kStrips + 1];  // density at the edges
  ZigguratTables() {
    auto density = [](double v) { return std::exp(-0.5 * v * v); };
    x[0] = kStripArea / density(kTailStart);
    x[1] = kTailStart;
    for (int i = 1; i < kStrips - 1; ++i) x[i + 1] = std::sqrt(-2.0 * std::log(kStripArea / x[i] + density(x[i])));
    x[kStrips] = 0.0;
    for (int i = 0; i <= kStrips; ++i) f[i] = density(x[i]);
  }
};

const ZigguratTables& tables() {
  static const ZigguratTables t;
  return t;
}

}  // namespace

RandomSource::RandomSource(std::uint64_t seed) {
  std::uint64_t x = seed;
  for (auto& s : state_) s = splitMix64(x);
}

RandomSource RandomSource::derive(std::uint64_t seed, std::uint64_t streamId) {
  std::uint64_t x = seed ^ (streamId * 0xD1B54A32D192ED03ull);
  return RandomSource(splitMix64(x));
}

std::uint64_t RandomSource::nextBits() {
  const std::uint64_t result = rotateLeft(state_[0] + state_[3], 23) + state_[0];
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotateLeft(state_[3], 45);
  return result;
}

double RandomSource::uniform() { return double(nextBits() >> 11) * 0x1.0p-53; }

namespace {
// One ziggurat draw; a free function so fillNormal's loop inlines it.
inline double drawNormal(RandomSource& rng, const ZigguratTables& z) {
  for (;;) {
    const std::uint64_t bits = rng.nextBits();
    const int strip = static_cast<int>(bits & (kStrips - 1));
    // Top 53 bits -> u in [-1, 1).
    const double u = double(bits >> 11) * 0x1.0p-52 - 1.0;
    const double x = u * z.x[strip];
    if (std::fabs(x) < z.x[strip + 1]) return x;  // inside the part of the strip under the curve
    if (strip == 0) {
      // Tail beyond r: Marsaglia's exponential rejection.
      double a, b;
      do {
        a = -std::log(1.0 - rng.uniform()) / kTailStart;
        b = -std::log(1.0 - rng.uniform());
      } while (b + b < a * a);
      return u > 0 ? kTailStart + a : -(kTailStart + a);
    }
    // Wedge between the rectangle and the curve.
    if (z.f[strip + 1] + rng.uniform() * (z.f[strip] - z.f[strip + 1]) < std::exp(-0.5 * x * x)) return x;
  }
}
}  // namespace

double RandomSource::normal() { return drawNormal(*this, tables()); }

void RandomSource::fillNormal(float* out, std::size_t n) {
  // Two draws per 64 random bits: 7 bits pick the strip, 25 bits place the point (ample for a
  // float result). Points outside the rectangle go through the full test; a rejected point is
  // replaced by a fresh full draw, which leaves the distribution exact.
  const ZigguratTables& z = tables();
  std::size_t i = 0;
  while (i < n) {
    const std::uint64_t bits = nextBits();
    for (int half = 0; half < 2 && i < n; ++half) {
      const auto b = static_cast<std::uint32_t>(bits >> (32 * half));
      const int strip = static_cast<int>(b & (kStrips - 1));
      const double u = double(b >> 7) * 0x1.0p-24 - 1.0;
      const double x = u * z.x[strip];
      if (std::fabs(x) < z.x[strip + 1]) {
        out[i++] = static_cast<float>(x);
      } else if (strip == 0) {
        double a, t;
        do {
          a = -std::log(1.0 - uniform()) / kTailStart;
          t = -std::log(1.0 - uniform());
        } while (t + t < a * a);
        out[i++] = static_cast<float>(u > 0 ? kTailStart + a : -(kTailStart + a));
      } else if (z.f[strip + 1] + uniform() * (z.f[strip] - z.f[strip + 1]) < std::exp(-0.5 * x * x)) {
        out[i++] = static_cast<float>(x);
      } else {
        out[i++] = static_cast<float>(drawNormal(*this, z));
      }
    }
  }
}

}  // namespace wtm::npu
