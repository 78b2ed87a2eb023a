#include "FbankEngine.h"

#include "FixedPointFft.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wtm::periph {
namespace {

const double kPi = std::acos(-1.0);

int32_t toInt32(uint32_t w) { return static_cast<int32_t>(w); }
uint32_t fromInt64(int64_t v) {
  v = std::clamp<int64_t>(v, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max());
  return static_cast<uint32_t>(static_cast<int32_t>(v));
}

}  // namespace

unsigned FbankEngine::frameLengthFor(unsigned field) {
  static constexpr unsigned kLengths[4] = {400, 320, 480, 512};
  return kLengths[field & 3];
}

std::vector<int64_t> FbankEngine::poveyWindow(unsigned length) {
  std::vector<int64_t> w(length);
  for (unsigned n = 0; n < length; ++n) {
    const double hann = 0.5 - 0.5 * std::cos(2 * kPi * n / (length > 1 ? length - 1 : 1));
    w[n] = static_cast<int64_t>(std::floor(std::pow(hann, 0.85) * 32767.0));
  }
  return w;
}

unsigned FbankEngine::pairReversed(unsigned word) { return 2 * FixedPointFft::reverse8(word >> 1) + (word & 1u); }

void FbankEngine::fft(Sram& sram, bool window, unsigned frameLength) {
  FixedPointFft::Words x{};
  for (unsigned n = 0; n < kFftSize; ++n) x[n] = toInt32(sram[n]);
  if (window) {
    // The first frameLength samples times the Q15 window, doubled; the rest zero (the vendor's
    // windowed vector: these samples through the forward transform, 211 of 256 words exact).
    const auto w = poveyWindow(frameLength);
    for (unsigned n = 0; n < kFftSize; ++n) x[n] = n < frameLength ? (x[n] * w[n]) * 2 : 0;
  }
  const auto y = FixedPointFft::forward(x);
  for (unsigned n = 0; n < kFftSize; ++n) sram[n] = fromInt64(y[n]);
}

void FbankEngine::ifft(Sram& sram) {
  FixedPointFft::Words x{};
  for (unsigned n = 0; n < kFftSize; ++n) x[n] = toInt32(sram[n]);
  const auto y = FixedPointFft::inverse(x);
  for (unsigned n = 0; n < kFftSize; ++n) sram[n] = fromInt64(y[n]);
}

// Bit-exact with the vendor's sqrt vector (256 of 256 bins) and, through mel and log, with its
// whole-chain vector: each part is the high 16 bits of its word (signed, floor), r the square
// root of re² + im² rounded to nearest, the magnitude (r − 1) >> 1 and at least 0, i.e.
// floor(|z|/2 − 1/4). Bin 0's word 0 (DC, packed with Nyquist) is not used.
void FbankEngine::magnitude(Sram& sram) {
  for (unsigned k = 0; k < kBins; ++k) {
    const int64_t re = k == 0 ? 0 : toInt32(sram[2 * k]) >> 16, im = toInt32(sram[2 * k + 1]) >> 16;
    const uint64_t p = static_cast<uint64_t>(re * re + im * im);
    uint64_t r = static_cast<uint64_t>(std::sqrt(static_cast<double>(p)));
    while (r * r > p) --r;  // the exact integer root...
    while ((r + 1) * (r + 1) <= p) ++r;
    if (p - r * r > r) ++r;                                          // ...rounded to nearest
    sram[2 * k] = static_cast<uint32_t>(r == 0 ? 0 : (r - 1) >> 1);  // at most 23170: fits 16 bits
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
  // Without DO_BITREVERSE the transforms read their input in pair-reversed order, which gives
  // natural data when the CPU wrote it through SRAM_ADDR_SEL (the vendor's pattern); with it,
  // in place (the vendor's vectors show both).
  if ((s.fft || s.ifft) && !s.bitReverse) {
    const Sram written = sram;
    for (unsigned n = 0; n < kWords; ++n) sram[n] = written[pairReversed(n)];
  }
  if (s.fft) fft(sram, s.window, s.frameLength);
  else if (s.ifft) ifft(sram);
  if (s.sqrt) magnitude(sram);
  if (s.mel) mel(sram);
  if (s.log) log(sram);
}

uint64_t FbankEngine::cycles(const Stages& s) {
  uint64_t c = 16;                                        // start-up
  if (s.fft || s.ifft) c += kFftSize + 9 * kFftSize / 2;  // load + 9 radix-2 passes, one butterfly a cycle
  if (s.sqrt) c += kBins;
  if (s.mel) c += 2 * kBins;
  if (s.log) c += kMelBands;
  return c;
}

}  // namespace wtm::periph
