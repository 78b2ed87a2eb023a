#include "FbankEngine.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>

namespace wtm::periph {
namespace {

using Complex = std::complex<double>;
const double kPi = std::acos(-1.0);

int32_t toInt32(uint32_t w) { return static_cast<int32_t>(w); }
uint32_t fromInt64(int64_t v) {
  v = std::clamp<int64_t>(v, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max());
  return static_cast<uint32_t>(static_cast<int32_t>(v));
}

// In-place radix-2 FFT; sign −1 forward, +1 inverse (unscaled).
void transform(std::vector<Complex>& x, int sign) {
  const size_t n = x.size();
  for (size_t i = 1, j = 0; i < n; ++i) {
    size_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j |= bit;
    if (i < j) std::swap(x[i], x[j]);
  }
  for (size_t len = 2; len <= n; len <<= 1) {
    for (size_t k = 0; k < len / 2; ++k) {
      const Complex w = std::polar(1.0, sign * 2 * kPi * static_cast<double>(k) / static_cast<double>(len));
      for (size_t s = 0; s < n; s += len) {
        const Complex u = x[s + k], v = x[s + k + len / 2] * w;
        x[s + k] = u + v;
        x[s + k + len / 2] = u - v;
      }
    }
  }
}


}  // namespace

unsigned FbankEngine::frameLengthFor(unsigned field) {
  static constexpr unsigned kLengths[4] = {400, 320, 480, 512};
  return kLengths[field & 3];
}

std::vector<double> FbankEngine::hammingWindow(unsigned length) {
  std::vector<double> w(length);
  for (unsigned n = 0; n < length; ++n)
    w[n] = 0.54 - 0.46 * std::cos(2 * kPi * n / (length > 1 ? length - 1 : 1));
  return w;
}

void FbankEngine::fft(Sram& sram, bool window, unsigned frameLength) {
  std::vector<Complex> x(kFftSize);
  const auto w = hammingWindow(frameLength);
  for (unsigned n = 0; n < kFftSize; ++n) {
    double v = toInt32(sram[n]);
    if (window) v = n < frameLength ? v * w[n] : 0.0;
    x[n] = v;
  }
  transform(x, -1);
  // Without the window X/512 (the vendor's vector: within 3 LSB). With it, as a feature chain
  // runs, the magnitude stage reads the high 16 bits of each part: X/512 there (X * 128), an
  // assumption that keeps the chain's scale (the vendor's windowed vector is not matched yet).
  const double scale = window ? 128.0 : 1.0 / kFftSize;
  for (unsigned k = 0; k < kBins; ++k) {
    sram[2 * k] = fromInt64(static_cast<int64_t>(std::floor(x[k].real() * scale)));
    sram[2 * k + 1] = k == 0 ? 0 : fromInt64(static_cast<int64_t>(std::floor(x[k].imag() * scale)));
  }
}

void FbankEngine::ifft(Sram& sram) {
  std::vector<Complex> x(kFftSize, 0.0);
  x[0] = static_cast<double>(toInt32(sram[0]));
  for (unsigned k = 1; k < kBins; ++k) {
    x[k] = Complex(toInt32(sram[2 * k]), toInt32(sram[2 * k + 1]));
    x[kFftSize - k] = std::conj(x[k]);
  }
  transform(x, +1);
  for (unsigned n = 0; n < kFftSize; ++n) sram[n] = fromInt64(std::llround(x[n].real()));
}

// Bit-exact with the vendor's sqrt vector (256 of 256 bins): each part is the high 16 bits of its
// word (signed), the magnitude the square root, rounded to nearest, of (re² + im²) >> 3. Bin 0's
// word 0 (DC, packed with Nyquist) is not used: its vector entry is 0.
void FbankEngine::magnitude(Sram& sram) {
  for (unsigned k = 0; k < kBins; ++k) {
    const int64_t re = k == 0 ? 0 : toInt32(sram[2 * k]) >> 16, im = toInt32(sram[2 * k + 1]) >> 16;
    const uint64_t p = static_cast<uint64_t>(re * re + im * im) >> 3;
    uint64_t r = static_cast<uint64_t>(std::sqrt(static_cast<double>(p)));
    while (r * r > p) --r;  // the exact integer root...
    while ((r + 1) * (r + 1) <= p) ++r;
    if (p - r * r > r) ++r;  // ...rounded to nearest
    sram[2 * k] = static_cast<uint32_t>(std::min<uint64_t>(r, 65535));
    sram[2 * k + 1] = 0;
  }
}

// The Kaldi mel bank (40 bands, 20 Hz .. 8 kHz, mel = 1127 ln(1 + f/700), triangles over the
// 256 bins at 31.25 Hz with strict edges), in Q14 with 1.0 as 16383, rounded half up: with
// products rounded to Q14 and the sum shifted by 2, bit-exact with the vendor's mel vector (40 of
// 40 bands); quantising the vendor's Q16 table instead differs in 35 of its 492 weights.
const std::vector<std::array<uint16_t, FbankEngine::kBins>>& FbankEngine::melWeights() {
  static const auto weights = [] {
    auto mel = [](double hz) { return 1127.0 * std::log(1.0 + hz / 700.0); };
    std::vector<std::array<uint16_t, kBins>> w(kMelBands);
    const double low = mel(20.0), high = mel(kSampleRate / 2), step = (high - low) / (kMelBands + 1);
    for (unsigned j = 0; j < kMelBands; ++j) {
      const double l = low + j * step, c = l + step, r = l + 2 * step;
      for (unsigned k = 0; k < kBins; ++k) {
        const double m = mel(kSampleRate / kFftSize * k);
        double t = 0;
        if (l < m && m < r) t = m <= c ? (m - l) / (c - l) : (r - m) / (r - c);
        w[j][k] = static_cast<uint16_t>(std::floor(t * 16383.0 + 0.5));
      }
    }
    return w;
  }();
  return weights;
}

// Input: the signed low 16 bits of words 2k; each product rounded to Q14, the band's sum >> 2,
// wrapped to 16 bits (a band that overflows comes out negative, as the vendor vector shows).
void FbankEngine::mel(Sram& sram) {
  std::array<int32_t, kBins> x{};
  for (unsigned k = 0; k < kBins; ++k) x[k] = static_cast<int16_t>(sram[2 * k] & 0xFFFFu);
  const auto& w = melWeights();
  for (unsigned j = 0; j < kMelBands; ++j) {
    int64_t acc = 0;
    for (unsigned k = 0; k < kBins; ++k)
      if (w[j][k]) acc += (static_cast<int64_t>(w[j][k]) * x[k] + 8192) >> 14;
    sram[2 * j] = static_cast<uint32_t>(acc >> 2) & 0xFFFFu;
    sram[2 * j + 1] = 0;
  }
}

uint8_t FbankEngine::logByte(uint16_t x) {
  // Bit-exact with the vendor's log vector (40 of 40 bands), inputs with bit 15 set included:
  // the exponent is that of the first bit that differs from bit 15, the mantissa the raw bits
  // below it; the result floor(8·ln 2 · (exponent + log2(1 + mantissa)) + 66.84) (the offset lies
  // in [66.797, 66.882), the range the vector allows). 0 and 0xFFFF (no such bit) give 64.
  const unsigned t = (x & 0x8000u) ? (~x & 0x7FFFu) : x;
  if (t == 0) return 64;
  unsigned e = 0;
  while ((t >> (e + 1)) != 0) ++e;
  const double mantissa = static_cast<double>(x & ((1u << e) - 1u)) / static_cast<double>(1u << e);
  const double v = std::floor(8.0 * std::log(2.0) * (e + std::log2(1.0 + mantissa)) + 66.84);
  return static_cast<uint8_t>(std::clamp(v, 0.0, 255.0));
}

void FbankEngine::log(Sram& sram) {
  std::array<uint8_t, kMelBands> b{};
  for (unsigned j = 0; j < kMelBands; ++j) b[j] = logByte(static_cast<uint16_t>(sram[2 * j] & 0xFFFFu));
  for (unsigned i = 0; i < kMelBands / 4; ++i)
    sram[i] = b[4 * i] | (b[4 * i + 1] << 8) | (b[4 * i + 2] << 16) | (static_cast<uint32_t>(b[4 * i + 3]) << 24);
}

void FbankEngine::run(const Stages& s, Sram& sram) {
  if (s.fft) fft(sram, s.window, s.frameLength);
  else if (s.ifft) ifft(sram);
  if (s.sqrt) magnitude(sram);
  if (s.mel) mel(sram);
  if (s.log) log(sram);
}

uint64_t FbankEngine::cycles(const Stages& s) {
  uint64_t c = 16;                                   // start-up
  if (s.fft || s.ifft) c += kFftSize + 9 * kFftSize / 2;  // load + 9 radix-2 passes, one butterfly a cycle
  if (s.sqrt) c += kBins;
  if (s.mel) c += 2 * kBins;
  if (s.log) c += kMelBands;
  return c;
}

}  // namespace wtm::periph
