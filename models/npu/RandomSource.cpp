#include "npu/RandomSource.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace wtm::npu {

namespace {

constexpr std::uint64_t kSplitMixStep = 0x9E3779B97F4A7C15ull;

// SplitMix64's output function: a counter value turned into 64 well-mixed bits, with no state
// between values (so fillNormal's block of draws vectorises).
inline std::uint64_t mixCounter(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t splitMix64(std::uint64_t& x) { return mixCounter(x += kSplitMixStep); }

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
  normalCounter_ = splitMix64(x);
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
// The rest of a ziggurat draw whose candidate x of `strip` lies outside the strip's rectangle
// core: a value from the tail beyond r (strip 0, on x's side), x itself if it falls under the
// curve in the wedge, nothing if it is rejected (the caller draws afresh).
inline std::optional<double> outsideCore(RandomSource& rng, const ZigguratTables& z, int strip, double x) {
  if (strip == 0) {
    // Tail beyond r: Marsaglia's exponential rejection.
    double a, b;
    do {
      a = -std::log(1.0 - rng.uniform()) / kTailStart;
      b = -std::log(1.0 - rng.uniform());
    } while (b + b < a * a);
    return x > 0 ? kTailStart + a : -(kTailStart + a);
  }
  // Wedge between the rectangle and the curve.
  if (z.f[strip + 1] + rng.uniform() * (z.f[strip] - z.f[strip + 1]) < std::exp(-0.5 * x * x)) return x;
  return std::nullopt;
}

// One ziggurat draw.
inline double drawNormal(RandomSource& rng, const ZigguratTables& z) {
  for (;;) {
    const std::uint64_t bits = rng.nextBits();
    const int strip = static_cast<int>(bits & (kStrips - 1));
    // Top 53 bits -> u in [-1, 1).
    const double u = double(bits >> 11) * 0x1.0p-52 - 1.0;
    const double x = u * z.x[strip];
    if (std::fabs(x) < z.x[strip + 1]) return x;  // inside the part of the strip under the curve
    if (const auto v = outsideCore(rng, z, strip, x)) return *v;
  }
}
}  // namespace

double RandomSource::normal() { return drawNormal(*this, tables()); }

namespace {
// The rectangle edges in float, for the batched draws below.
struct FloatEdges {
  float x[kStrips + 1];
  FloatEdges() {
    for (int i = 0; i <= kStrips; ++i) x[i] = static_cast<float>(tables().x[i]);
  }
};

const FloatEdges& floatEdges() {
  static const FloatEdges e;
  return e;
}

}  // namespace

void RandomSource::fillNormal(float* out, std::size_t n) {
  // In blocks: first every candidate of the block from a counter (7 bits pick the strip, 24 bits
  // place the point in float), a loop the compiler vectorises; then the ~1 % of candidates outside
  // their strip's rectangle core go, in order, through the ziggurat's wedge or tail test with
  // this source's own bits, a rejected one replaced by a fresh full draw, which leaves the
  // distribution exact.
  const ZigguratTables& z = tables();
  // A local copy: the output stores could otherwise alias the table and block vectorisation.
  float edge[kStrips + 1];
  std::copy(std::begin(floatEdges().x), std::end(floatEdges().x), edge);
  constexpr std::size_t kBlock = 256;
  std::int32_t bits[kBlock];
  std::uint16_t outside[kBlock / 16];  // bit j % 16 of word j / 16: candidate j needs the full test
  for (std::size_t first = 0; first < n; first += kBlock) {
    const std::size_t m = n - first < kBlock ? n - first : kBlock;
    float* o = out + first;
    const std::uint64_t base = normalCounter_;
    for (std::size_t j = 0; j < m; ++j)
      bits[j] = static_cast<std::int32_t>(mixCounter(base + (j + 1) * kSplitMixStep) >> 32);
    normalCounter_ = base + m * kSplitMixStep;
    std::fill(std::begin(outside), std::end(outside), std::uint16_t(0));
    std::size_t j = 0;
#if defined(__AVX512F__)
    // The scalar loop below, 16 at a time (the compiler would need table gathers, which its tuning
    // for some CPUs refuses); the same IEEE operations, so the same numbers.
    const __m512i stripMask = _mm512_set1_epi32(kStrips - 1), lowBits = _mm512_set1_epi32(0xFFFFFF);
    const __m512i oneIndex = _mm512_set1_epi32(1);
    const __m512 step = _mm512_set1_ps(0x1.0p-23f), one = _mm512_set1_ps(1.0f);
    for (; j + 16 <= m; j += 16) {
      const __m512i b = _mm512_loadu_si512(bits + j);
      const __m512i s = _mm512_and_si512(b, stripMask);
      const __m512 u = _mm512_sub_ps(
          _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_and_si512(_mm512_srli_epi32(b, 8), lowBits)), step), one);
      const __m512 x = _mm512_mul_ps(u, _mm512_i32gather_ps(s, edge, 4));
      const __m512 inner = _mm512_i32gather_ps(_mm512_add_epi32(s, oneIndex), edge, 4);
      _mm512_storeu_ps(o + j, x);
      outside[j / 16] = static_cast<std::uint16_t>(~_mm512_cmp_ps_mask(_mm512_abs_ps(x), inner, _CMP_LT_OQ));
    }
#endif
    for (; j < m; ++j) {
      const std::int32_t s = bits[j] & (kStrips - 1);
      // The top 24 bits as a non-negative integer, exact in float: u in [-1, 1).
      const float u = static_cast<float>((bits[j] >> 8) & 0xFFFFFF) * 0x1.0p-23f - 1.0f;
      const float x = u * edge[s];
      o[j] = x;
      if (!(std::fabs(x) < edge[s + 1]))
        outside[j / 16] = static_cast<std::uint16_t>(outside[j / 16] | (1u << (j % 16)));
    }
    for (std::size_t word = 0; word < (m + 15) / 16; ++word) {
      for (unsigned pending = outside[word]; pending != 0; pending &= pending - 1) {
        const std::size_t k = word * 16 + static_cast<std::size_t>(__builtin_ctz(pending));
        const auto v = outsideCore(*this, z, bits[k] & (kStrips - 1), o[k]);
        o[k] = static_cast<float>(v ? *v : drawNormal(*this, z));
      }
    }
  }
}

}  // namespace wtm::npu
