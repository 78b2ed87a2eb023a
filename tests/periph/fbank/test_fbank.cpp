// FBANK accelerator: each stage of FbankEngine against a straightforward double-precision
// reference (direct DFT sums, exact triangle weights, libm log), the whole FFT → magnitude →
// mel → log chain on a tone, the register protocol of the vendor fft example through TLM (IRQ
// 39 after the engine's time, INT_SOURCE cleared by writing 0), and — when the vendor SDK
// mirror is on the machine — the vendor's own test vectors for the formats this model follows.
#include <cstdlib>
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <complex>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "VendorData.h"
#include "MmioTestbench.h"
#include "common/ClockDomain.h"
#include "periph/fbank/FbankAccelerator.h"
#include "periph/fbank/FbankEngine.h"
#include "periph/fbank/fbank_regs.h"

using namespace periph_test;
using namespace wtm::periph::fbank_regs;
using wtm::periph::FbankAccelerator;
using wtm::periph::FbankEngine;
using Sram = FbankEngine::Sram;

int sc_main(int, char**) { return 0; }

namespace {

const double kPi = std::acos(-1.0);
int32_t s32(uint32_t v) { return static_cast<int32_t>(v); }

// X[k] = Σ x[n] e^{-j2πkn/N}, directly.
std::complex<double> dft(const std::vector<double>& x, unsigned k) {
  std::complex<double> acc = 0;
  for (size_t n = 0; n < x.size(); ++n) acc += x[n] * std::polar(1.0, -2 * kPi * k * n / x.size());
  return acc;
}

// Triangle j of the 40 Kaldi mel bands (20 Hz .. 8 kHz) at bin k of 256, exact (no Q14).
double melWeight(unsigned j, unsigned k) {
  auto mel = [](double hz) { return 1127 * std::log(1 + hz / 700); };
  const double step = (mel(8000) - mel(20)) / 41, l = mel(20) + j * step, c = l + step, r = l + 2 * step;
  const double m = mel(31.25 * k);
  if (!(l < m && m < r)) return 0;
  return m <= c ? (m - l) / (c - l) : (r - m) / (r - c);
}

std::vector<double> noise(size_t n, double amplitude, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-amplitude, amplitude);
  std::vector<double> v(n);
  for (auto& x : v) x = std::round(u(rng));
  return v;
}

}  // namespace

TEST(FbankEngine, FftIsTheDirectDftOver512WithinAFewLsbWithOrWithoutTheWindow) {
  for (bool window : {false, true}) {
    const auto x = noise(512, 30000, 1);
    Sram sram{};
    for (unsigned n = 0; n < 512; ++n) sram[n] = static_cast<uint32_t>(static_cast<int32_t>(x[n]));
    FbankEngine::fft(sram, window, 400);
    std::vector<double> ref = x;
    if (window) {
      const auto w = FbankEngine::poveyWindow(400);
      for (unsigned n = 0; n < 512; ++n) ref[n] = n < 400 ? x[n] * double(w[n]) * 2 : 0;
    }
    // The engine's integer stages: each of the 8 scaled stages floors, which can pull a bin a few
    // LSB below the exact value (the vendor's ramp: 2.5 LSB at bin 1).
    const double tolerance = 4;
    for (unsigned k = 0; k < 256; ++k) {
      const auto X = dft(ref, k) / 512.0;
      EXPECT_NEAR(s32(sram[2 * k]), std::floor(X.real()), tolerance) << "bin " << k << " window " << window;
      if (k > 0) {
        EXPECT_NEAR(s32(sram[2 * k + 1]), std::floor(X.imag()), tolerance) << "bin " << k;
      }
    }
    EXPECT_NEAR(s32(sram[1]), std::floor(dft(ref, 256).real() / 512.0), tolerance) << "X[256] in word 1";
  }
}

TEST(FbankEngine, PoveyWindowAndPairReversedOrder) {
  const auto w = FbankEngine::poveyWindow(400);
  EXPECT_EQ(w[0], 0);
  EXPECT_EQ(w[199], 32766);  // the peak (0.99998^0.85 of 32767, floored)
  EXPECT_EQ(w[100], int64_t(std::floor(std::pow(0.5 - 0.5 * std::cos(2 * kPi * 100 / 399), 0.85) * 32767)));
  EXPECT_EQ(FbankEngine::pairReversed(0), 0u);
  EXPECT_EQ(FbankEngine::pairReversed(1), 1u);
  EXPECT_EQ(FbankEngine::pairReversed(2), 256u);  // pair 1 -> pair 128
  EXPECT_EQ(FbankEngine::pairReversed(7), 385u);  // pair 3 -> pair 192, second word
  for (unsigned n = 0; n < 512; ++n) EXPECT_EQ(FbankEngine::pairReversed(FbankEngine::pairReversed(n)), n);
  // Without DO_BITREVERSE the FFT reads its input pair-reversed; with it, in place.
  Sram in{};
  for (unsigned n = 0; n < 512; ++n) in[n] = static_cast<uint32_t>(int32_t(n * n % 977) - 400);
  Sram direct = in, reordered{};
  for (unsigned n = 0; n < 512; ++n) reordered[FbankEngine::pairReversed(n)] = in[n];
  FbankEngine::Stages s;
  s.fft = true;
  s.bitReverse = true;
  FbankEngine::run(s, direct);
  s.bitReverse = false;
  FbankEngine::run(s, reordered);
  EXPECT_EQ(direct, reordered);
}

TEST(FbankEngine, IfftIsTheUnscaledInverseOfTheHalfSpectrum) {
  const auto re = noise(256, 2000, 2), im = noise(256, 2000, 3);
  const double nyquist = -1234;  // word 1 carries X[256]
  Sram sram{};
  for (unsigned k = 0; k < 256; ++k) {
    sram[2 * k] = static_cast<uint32_t>(static_cast<int32_t>(re[k]));
    sram[2 * k + 1] = static_cast<uint32_t>(static_cast<int32_t>(k == 0 ? nyquist : im[k]));
  }
  FbankEngine::ifft(sram);
  double worst = 0;
  for (unsigned n = 0; n < 512; ++n) {
    double acc = re[0] + (n % 2 ? -nyquist : nyquist);
    for (unsigned k = 1; k < 256; ++k)
      acc += 2 * (re[k] * std::cos(2 * kPi * k * n / 512) - im[k] * std::sin(2 * kPi * k * n / 512));
    worst = std::max(worst, std::abs(s32(sram[n]) - acc));
  }
  // Rounded Q15 twiddle products in nine unscaled stages: tens of LSB at most on a signal of
  // ~26,000 LSB rms (noise of ±2000 in 255 bins), i.e. below 0.2 %.
  EXPECT_LT(worst, 50) << "largest difference from the exact inverse";
  EXPECT_GT(worst, 0) << "an integer engine is not exact on noise";
}

TEST(FbankEngine, FftThenIfftGivesTheSignalBack) {
  // a few tones (white noise would lose its Nyquist bin, which the 256-bin layout drops)
  std::vector<double> x(512);
  for (unsigned n = 0; n < 512; ++n)
    x[n] = std::round(9000 * std::sin(2 * kPi * 17.3 * n / 512) + 5000 * std::cos(2 * kPi * 101.7 * n / 512 + 1) +
                      3000 * std::sin(2 * kPi * 230.1 * n / 512));
  Sram sram{};
  for (unsigned n = 0; n < 512; ++n) sram[n] = static_cast<uint32_t>(static_cast<int32_t>(x[n]));
  FbankEngine::fft(sram, false, 400);
  FbankEngine::ifft(sram);
  // flooring after the 1/512 scaling errs by < 1 LSB per component, and the inverse sums 511
  // of them: a bias below 512 and noise ~ √(511/6) LSB, far under the signal (≈ −25 dB at
  // the worst sample of a 10⁴-LSB signal, ≈ −30 dB in power)
  double err = 0, sig = 0;
  for (unsigned n = 0; n < 512; ++n) {
    err += (s32(sram[n]) - x[n]) * (s32(sram[n]) - x[n]);
    sig += x[n] * x[n];
    EXPECT_NEAR(s32(sram[n]), x[n], 512 + 4 * std::sqrt(511.0 / 6)) << n;
  }
  EXPECT_LT(10 * std::log10(err / sig), -25);
}

TEST(FbankEngine, MagnitudeIsHalfTheRootOfTheHighHalvesSquaredLessAQuarterFloored) {
  Sram sram{};
  // (re, im) in the high halves; the low halves are ignored. Bin 0 uses its im part only.
  const int32_t pairs[][2] = {{99, 5},          {3, 4},   {-3, -4}, {0, 0}, {1000, 1},
                              {-32768, -32768}, {7, -24}, {16, 0},  {1, 0}, {2, 1}};
  for (unsigned k = 0; k < std::size(pairs); ++k) {
    sram[2 * k] = static_cast<uint32_t>(pairs[k][0]) << 16 | 0xBEEFu;
    sram[2 * k + 1] = static_cast<uint32_t>(pairs[k][1]) << 16 | 0x1234u;
  }
  FbankEngine::magnitude(sram);
  for (unsigned k = 0; k < std::size(pairs); ++k) {
    const double re = k == 0 ? 0 : pairs[k][0], im = pairs[k][1];
    EXPECT_EQ(sram[2 * k], static_cast<uint32_t>(std::max(0.0, std::floor(std::hypot(re, im) / 2 - 0.25)))) << k;
    EXPECT_EQ(sram[2 * k + 1], 0u);
  }
  EXPECT_EQ(sram[2 * 1], 2u);      // |3 + 4j| = 5: 2.5 - 0.25 floored
  EXPECT_EQ(sram[2 * 8], 0u);      // |1| = 1: 0.25 floored
  EXPECT_EQ(sram[2 * 5], 23170u);  // the largest: |(-32768, -32768)| / 2 = 23170.5
}

TEST(FbankEngine, MelBandsAreAQuarterOfTheKaldiTrianglesAndPeakAtTheTone) {
  const auto x = noise(256, 3000, 5);
  Sram sram{};
  for (unsigned k = 0; k < 256; ++k)
    sram[2 * k] = static_cast<uint32_t>(std::fabs(x[k])) | 0xABCD0000u;  // high half ignored
  FbankEngine::mel(sram);
  for (unsigned j = 0; j < 40; ++j) {
    double ref = 0;
    unsigned taps = 0;
    for (unsigned k = 0; k < 256; ++k) {
      ref += melWeight(j, k) * std::fabs(x[k]) / 4;
      taps += melWeight(j, k) > 0;
    }
    // Q14 weights (1.0 = 16383), each product rounded, the sum floored after >> 2
    EXPECT_NEAR(s32(sram[2 * j]), ref, 1 + taps / 8.0 + ref * 2e-4) << "band " << j;
  }
  // a single bin lights the band(s) whose triangle covers it, most the nearest centre
  for (unsigned bin : {10u, 64u, 200u}) {
    Sram one{};
    one[2 * bin] = 10000;
    FbankEngine::mel(one);
    unsigned best = 0;
    for (unsigned j = 1; j < 40; ++j)
      if (one[2 * j] > one[2 * best]) best = j;
    double bestRef = -1;
    unsigned refBand = 0;
    for (unsigned j = 0; j < 40; ++j)
      if (melWeight(j, bin) > bestRef) bestRef = melWeight(j, bin), refBand = j;
    EXPECT_EQ(best, refBand) << "bin " << bin;
  }
}

TEST(FbankEngine, LogIsEightNaturalLogsPlus66Point84FlooredPackedFourPerWord) {
  Sram sram{};
  std::vector<uint32_t> in(40);
  for (unsigned j = 0; j < 40; ++j) {
    in[j] = j == 0 ? 0 : static_cast<uint32_t>(std::lround(std::exp(j * 0.27))) & 0x7FFF;
    sram[2 * j] = in[j];
  }
  FbankEngine::log(sram);
  for (unsigned j = 0; j < 40; ++j) {
    const uint32_t b = (sram[j / 4] >> (8 * (j % 4))) & 0xFF;
    const double ref = in[j] == 0 ? 64.0 : std::floor(8 * std::log(double(in[j])) + 66.84);
    EXPECT_EQ(b, ref) << "band " << j << " input " << in[j];
  }
  // Bit 15 set (a mel sum that wrapped): the exponent from the first bit unlike bit 15, the raw
  // bits below it as mantissa, as the vendor vector shows.
  EXPECT_EQ(FbankEngine::logByte(0x8000), FbankEngine::logByte(0x4000));  // exponent 14, mantissa 0
  EXPECT_EQ(FbankEngine::logByte(0xC000), FbankEngine::logByte(0x2000));  // ~x = 0x3FFF: exponent 13
  EXPECT_EQ(FbankEngine::logByte(0xFFFF), 64);
  EXPECT_EQ(FbankEngine::logByte(1), 66);
}

TEST(FbankEngine, WholeChainOnAToneAgreesWithTheDoubleReference) {
  std::vector<double> x(512, 0.0);
  for (unsigned n = 0; n < 400; ++n) x[n] = std::round(8000 * std::sin(2 * kPi * 1000 * n / 16000.0));
  Sram sram{};
  for (unsigned n = 0; n < 512; ++n) sram[n] = static_cast<uint32_t>(static_cast<int32_t>(x[n]));
  FbankEngine::Stages s;
  s.fft = s.sqrt = s.mel = s.log = s.window = s.bitReverse = true;
  FbankEngine::run(s, sram);
  // reference: Povey window, DFT/512, |X|/2 − 1/4 (the magnitude), exact triangles and a quarter
  // (the mel's >> 2), 8·ln + 66.84 — all in double (the engine's window
  // is 2·32767/65536 of this one in the high halves the magnitude reads: < 0.01 in 8·ln)
  std::vector<double> w(512, 0.0);
  for (unsigned n = 0; n < 400; ++n) w[n] = x[n] * std::pow(0.5 - 0.5 * std::cos(2 * kPi * n / 399), 0.85);
  std::vector<double> mag(256);
  for (unsigned k = 0; k < 256; ++k) mag[k] = k == 0 ? 0 : std::max(0.0, std::abs(dft(w, k) / 512.0) / 2 - 0.25);
  unsigned loudest = 0;
  for (unsigned j = 0; j < 40; ++j) {
    double m = 0;
    for (unsigned k = 0; k < 256; ++k) m += melWeight(j, k) * mag[k] / 4;
    const double ref = m < 0.5 ? 64.0 : 8 * std::log(m) + 66.84 - 0.5;  // floored: the middle of its step
    const uint32_t b = (sram[j / 4] >> (8 * (j % 4))) & 0xFF;
    // each part is floored to an integer before the root (< 1 LSB, i.e. < √2/2 + 1 per magnitude
    // with its final floor), the mel rounds per product and floors the sum: the band errs by
    // < 1.71·(Σw)/4 + taps/8 + 1; after 8·ln that is the bound
    double weights = 0, taps = 0;
    for (unsigned k = 0; k < 256; ++k) weights += melWeight(j, k), taps += melWeight(j, k) > 0;
    const double tol = m < 0.5 ? 0.0 : 1.0 + 8 * std::log(1 + (1.71 * weights / 4 + taps / 8 + 1) / m);
    EXPECT_NEAR(b, ref, tol) << "band " << j << " (mel " << m << ")";
    if (b > ((sram[loudest / 4] >> (8 * (loudest % 4))) & 0xFF)) loudest = j;
  }
  // 1 kHz = bin 32: the band whose centre is nearest
  double best = -1;
  unsigned expect = 0;
  for (unsigned j = 0; j < 40; ++j)
    if (melWeight(j, 32) > best) best = melWeight(j, 32), expect = j;
  EXPECT_EQ(loudest, expect);
}

// ------------------------------------------------------------------ through TLM

namespace {
struct Bench {
  wtm::ClockDomain hclk{"hclk", 24.576e6};
  FbankAccelerator fbank{"fbank", hclk};
  sc_core::sc_signal<bool> irq{"irq"};
  MmioTestbench tb{"tb", fbank};
  Bench() { fbank.irq.bind(irq); }
};
Bench& bench() { return wtm::test::elaboratedOnce<Bench>(); }
void runScenario(MmioTestbench::Scenario s) {
  Bench& b = bench();
  ASSERT_TRUE(b.tb.run(std::move(s), [&b] { b.fbank.reset(); })) << "scenario blocked";
}
}  // namespace

TEST(FbankAccelerator, VendorProtocolRunsTheFftAndRaisesIrq39) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(INT_MASK, tb.read(INT_MASK) | INT_MASK_FBANK_DONE.mask());
    const uint32_t ctl =
        FBANK_CONTROL_DO_RFFT_HCLK.mask() | FBANK_CONTROL_DO_CFFT_HCLK.mask() | FBANK_CONTROL_FFT_ENABLE.mask();
    // The vendor's pattern: the input written in the core's order (SRAM_ADDR_SEL), then the run.
    tb.write(FBANK_CONTROL, ctl | FBANK_CONTROL_FBANK_DATA_RAM_SEL.mask() | FBANK_CONTROL_SRAM_ADDR_SEL.mask());
    for (uint32_t n = 0; n < 512; ++n) tb.write(SRAM + 4 * n, n);  // a ramp, as the vendor example
    tb.write(FBANK_CONTROL, ctl | FBANK_CONTROL_FBANK_DATA_RAM_SEL.mask());
    EXPECT_EQ(tb.read(SRAM + 4 * 256), 2u);  // word 2 went to word 256 (pair 1 → pair 128)
    EXPECT_EQ(tb.read(SRAM + 4 * 3), 257u);
    tb.write(FBANK_CONTROL, ctl);
    const sc_core::sc_time t0 = sc_core::sc_time_stamp();
    tb.write(FBANK_EN, tb.read(FBANK_EN) | 1);
    EXPECT_EQ(tb.read(FBANK_EN), 1u);  // busy
    EXPECT_EQ(tb.read(SRAM), 0u);      // results not visible before the end
    tb.wait(b.irq.posedge_event());
    FbankEngine::Stages s;
    s.fft = true;
    EXPECT_EQ(sc_core::sc_time_stamp(), t0 + b.hclk.cycles(FbankEngine::cycles(s)));
    EXPECT_EQ(tb.read(FBANK_EN), 0u);
    EXPECT_EQ(tb.read(INT_SOURCE), INT_SOURCE_FBANK_DONE.mask() | INT_SOURCE_FFT_DONE.mask());
    tb.write(INT_SOURCE, tb.read(INT_SOURCE) & ~INT_SOURCE_FBANK_DONE.mask());  // the vendor ISR
    tb.settle();
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(INT_SOURCE), INT_SOURCE_FFT_DONE.mask());  // masked, still pending
    tb.write(FBANK_CONTROL, ctl | FBANK_CONTROL_FBANK_DATA_RAM_SEL.mask());
    // ramp 0..511: DC = 255.5 → 255; bin 1 imaginary = cot(π/512)/2 = 81.5 → 81
    EXPECT_EQ(tb.read(SRAM + 0), 255u);
    EXPECT_EQ(s32(tb.read(SRAM + 12)), 81);
    // a second run: FBANK_EN |= 1 starts again (the bit dropped at the end)
    tb.write(FBANK_EN, tb.read(FBANK_EN) | 1);
    tb.wait(b.irq.posedge_event());
    EXPECT_EQ(b.fbank.runs(), 2u);
  });
}

TEST(FbankAccelerator, MaskedEventsLatchWithoutTheLine) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(FBANK_CONTROL, FBANK_CONTROL_LOG_ENABLE.mask());
    tb.write(FBANK_EN, 1);
    tb.wait(10, sc_core::SC_US);
    EXPECT_FALSE(b.irq.read());
    EXPECT_EQ(tb.read(INT_SOURCE), INT_SOURCE_FBANK_DONE.mask() | INT_SOURCE_LOG_DONE.mask());
    tb.write(INT_MASK, INT_MASK_LOG_DONE.mask());  // unmasking a pending event raises the line
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    tb.write(INT_SOURCE, 0);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
  });
}

// A block reset abandons the run in progress; a run started after it takes its own full time
// (the abandoned run's completion time must not end it early).
TEST(FbankAccelerator, ARunAfterAResetTakesItsOwnTime) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    FbankEngine::Stages s;
    s.fft = true;
    const sc_core::sc_time runTime = b.hclk.cycles(FbankEngine::cycles(s));
    tb.write(FBANK_CONTROL, FBANK_CONTROL_FFT_ENABLE.mask());
    tb.write(FBANK_EN, 1);
    tb.wait(runTime / 2);
    b.fbank.reset();
    EXPECT_EQ(tb.read(FBANK_EN), 0u);
    tb.write(FBANK_CONTROL, FBANK_CONTROL_FFT_ENABLE.mask());
    const sc_core::sc_time t1 = sc_core::sc_time_stamp();
    tb.write(FBANK_EN, 1);
    tb.wait(runTime * 0.75);  // past the abandoned run's end
    EXPECT_EQ(tb.read(FBANK_EN), 1u);
    EXPECT_EQ(tb.read(INT_SOURCE), 0u);
    tb.wait(t1 + runTime - sc_core::sc_time_stamp());
    tb.settle();
    EXPECT_EQ(tb.read(FBANK_EN), 0u);
    EXPECT_EQ(tb.read(INT_SOURCE) & INT_SOURCE_FFT_DONE.mask(), INT_SOURCE_FFT_DONE.mask());
  });
}

// A debugger reads the results, the status and the interrupt source of a finished run (and the
// results window while one is in progress): nothing changes, the line stays high until the
// firmware clears the source.
TEST(FbankAccelerator, DebugReadsChangeNothing) {
  runScenario([](MmioTestbench& tb) {
    Bench& b = bench();
    tb.write(INT_MASK, INT_MASK_FBANK_DONE.mask());
    tb.write(FBANK_CONTROL, FBANK_CONTROL_LOG_ENABLE.mask());
    for (uint32_t n = 0; n < 512; ++n) tb.write(SRAM + 4 * n, 1000 + n);
    tb.write(FBANK_EN, 1);
    periph_test::expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(FBANK_EN), 1u);
      EXPECT_EQ(tb.debugRead(SRAM + 4), 1001u);  // the input until the run ends
    });
    tb.wait(b.irq.posedge_event());
    std::vector<uint32_t> results;
    periph_test::expectQuiet([&] {
      EXPECT_EQ(tb.debugRead(INT_SOURCE), INT_SOURCE_FBANK_DONE.mask() | INT_SOURCE_LOG_DONE.mask());
      EXPECT_EQ(tb.debugRead(FBANK_EN), 0u);
      for (uint32_t n = 0; n < 8; ++n) results.push_back(tb.debugRead(SRAM + 4 * n));
    });
    tb.settle();
    EXPECT_TRUE(b.irq.read());
    for (uint32_t n = 0; n < 8; ++n) EXPECT_EQ(tb.read(SRAM + 4 * n), results[n]);
    EXPECT_NE(results[1], 1001u);  // the log stage ran
    EXPECT_EQ(tb.read(INT_SOURCE), INT_SOURCE_FBANK_DONE.mask() | INT_SOURCE_LOG_DONE.mask());
    tb.write(INT_SOURCE, 0);
    tb.settle();
    EXPECT_FALSE(b.irq.read());
  });
}

// ------------------------------------------------------------------ vendor vectors (optional)

namespace {
bool isWord(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Every `name[N] = { numbers }` (N optional, no nested braces) of a C source, numbers in C
// notation. Scanned by hand: std::regex recurses once per character matched, and the vendor file
// is 68 KB, enough to overflow the stack under AddressSanitizer.
std::map<std::string, std::vector<uint32_t>> parseCArrays(const std::string& text) {
  std::map<std::string, std::vector<uint32_t>> out;
  size_t from = 0;  // matches never overlap: the next one starts after the previous '}'
  for (size_t open = text.find('[', from); open != std::string::npos; open = text.find('[', open + 1)) {
    if (open < from) continue;
    // The name: a word right before the '[' (spaces allowed in between).
    size_t nameEnd = open;
    while (nameEnd > from && isSpace(text[nameEnd - 1])) --nameEnd;
    size_t nameStart = nameEnd;
    while (nameStart > from && isWord(text[nameStart - 1])) --nameStart;
    if (nameStart == nameEnd) continue;
    // "[digits] = {"
    size_t p = open + 1;
    while (p < text.size() && isDigit(text[p])) ++p;
    if (p >= text.size() || text[p] != ']') continue;
    ++p;
    while (p < text.size() && isSpace(text[p])) ++p;
    if (p >= text.size() || text[p] != '=') continue;
    ++p;
    while (p < text.size() && isSpace(text[p])) ++p;
    if (p >= text.size() || text[p] != '{') continue;
    const size_t bodyStart = p + 1;
    const size_t close = text.find_first_of("{}", bodyStart);
    if (close == std::string::npos || text[close] != '}') continue;
    // The numbers of the body: 0x... in hex, else decimal (stoul base 0, as C reads them).
    std::vector<uint32_t> v;
    for (size_t q = bodyStart; q < close;) {
      size_t end = q;
      if (text.compare(q, 2, "0x") == 0 && q + 2 < close && std::isxdigit(static_cast<unsigned char>(text[q + 2]))) {
        end = q + 2;
        while (end < close && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
      } else if (isDigit(text[q])) {
        while (end < close && isDigit(text[end])) ++end;
      } else {
        ++q;
        continue;
      }
      v.push_back(static_cast<uint32_t>(std::stoul(text.substr(q, end - q), nullptr, 0)));
      q = end;
    }
    out[text.substr(nameStart, nameEnd - nameStart)] = v;
    from = close + 1;
    open = close;
  }
  return out;
}

// The arrays of the vendor fft example, read from the SDK mirror at run time (never copied).
std::map<std::string, std::vector<uint32_t>> vendorVectors() {
  // Skipped without the vendor sources (VendorData.h).
  const std::string text = wtm::test::vendorAlgFile("WTM2101_SDK/Common/Examples/fft_example/fft/Src/main.c");
  return parseCArrays(text);
}
}  // namespace

// The vendor-vector reader takes large C sources without per-character recursion (a regex over
// the vendor's 68 KB file overflowed the stack under AddressSanitizer): a ~1 MB array, plus the
// C spellings the vendor files use.
TEST(FbankVendorVectors, ArrayReaderScansLargeSourcesIteratively) {
  std::string text = "#include <x.h>\nint a[1];\nstatic const uint32_t big[] = {";
  const unsigned kCount = 150000;
  for (unsigned i = 0; i < kCount; ++i) text += (i % 2 ? "0x" + std::to_string(i) : std::to_string(i)) + ", ";
  text += "};\nint32_t log_i [4]= { 0x1F, 7,\n 0x0a, 10 };\nint nested[2] = {{1}, {2}};\n";
  const auto arrays = parseCArrays(text);
  ASSERT_EQ(arrays.count("big"), 1u);
  ASSERT_EQ(arrays.at("big").size(), kCount);
  EXPECT_EQ(arrays.at("big")[2], 2u);
  EXPECT_EQ(arrays.at("big")[3], 0x3u);
  EXPECT_EQ(arrays.at("big")[kCount - 1], 0x149999u);
  EXPECT_EQ(arrays.at("log_i"), (std::vector<uint32_t>{0x1F, 7, 0x0a, 10}));
  EXPECT_EQ(arrays.count("a"), 0u);       // a declaration, not an initialised array
  EXPECT_EQ(arrays.count("nested"), 0u);  // nested braces are not vectors
}

TEST(FbankVendorVectors, EveryVectorOfTheFftExampleIsBitExact) {
  const auto v = vendorVectors();
  for (const char* name :
       {"fft_wdata", "fft_odata", "ifft_wdata", "ifft_odata", "log_i", "log_o", "sqrt_i", "sqrt_o", "mel_i", "mel_o"})
    if (!v.count(name)) GTEST_SKIP() << "vendor SDK mirror not available";
  if (v.at("fft_wdata").size() != 512 || v.at("sqrt_i").size() < 512 || v.at("mel_i").size() < 512)
    GTEST_SKIP() << "vendor SDK mirror not available";
  Sram sram{};
  std::copy_n(v.at("fft_wdata").begin(), 512, sram.begin());
  FbankEngine::fft(sram, false, 400);
  int worst = 0;
  unsigned exactWords = 0;
  for (unsigned i = 0; i < 512; ++i) {
    worst = std::max(worst, std::abs(s32(sram[i]) - s32(v.at("fft_odata")[i])));
    exactWords += sram[i] == v.at("fft_odata")[i];
  }
  std::printf("vendor FFT vector: %u of 512 words exact, largest difference %d LSB\n", exactWords, worst);
  EXPECT_EQ(exactWords, 512u);
  Sram inverse{};
  std::copy_n(v.at("ifft_wdata").begin(), 512, inverse.begin());
  FbankEngine::ifft(inverse);
  unsigned exactSamples = 0;
  for (unsigned i = 0; i < 512; ++i) exactSamples += inverse[i] == v.at("ifft_odata")[i];
  std::printf("vendor IFFT vector: %u of 512 words exact\n", exactSamples);
  EXPECT_EQ(exactSamples, 512u);
  // The windowed run of the example: the ramp written through SRAM_ADDR_SEL, DO_WINDOW and
  // DO_BITREVERSE; the example checks the even words, the model matches all of them.
  if (v.count("fft_output") && v.at("fft_output").size() >= 512) {
    Sram windowed{};
    for (unsigned n = 0; n < 512; ++n) windowed[FbankEngine::pairReversed(n)] = v.at("fft_wdata")[n];
    FbankEngine::Stages st;
    st.fft = st.window = st.bitReverse = true;
    FbankEngine::run(st, windowed);
    unsigned exactWindowed = 0;
    for (unsigned j = 0; j < 512; ++j) exactWindowed += windowed[j] == v.at("fft_output")[j];
    std::printf("vendor windowed FFT vector: %u of 512 words exact\n", exactWindowed);
    EXPECT_EQ(exactWindowed, 512u);
  }
  // The whole chain of the example (window, FFT, magnitude, mel, log; written in place, DO_BITREVERSE).
  if (v.count("fbank_wdata") && v.count("fbank_rdata") && v.at("fbank_wdata").size() >= 512 &&
      v.at("fbank_rdata").size() >= 10) {
    Sram chain{};
    std::copy_n(v.at("fbank_wdata").begin(), 512, chain.begin());
    FbankEngine::Stages st;
    st.fft = st.window = st.bitReverse = st.sqrt = st.mel = st.log = true;
    FbankEngine::run(st, chain);
    unsigned exactBands = 0;
    int worstBand = 0;
    for (unsigned j = 0; j < 40; ++j) {
      const int got = int((chain[j / 4] >> (8 * (j % 4))) & 0xFF);
      const int want = int((v.at("fbank_rdata")[j / 4] >> (8 * (j % 4))) & 0xFF);
      exactBands += got == want;
      worstBand = std::max(worstBand, std::abs(got - want));
    }
    std::printf("vendor whole-chain vector: %u of 40 log bands exact, largest difference %d\n", exactBands, worstBand);
    EXPECT_EQ(exactBands, 40u);
    EXPECT_EQ(worstBand, 0);
  }
  Sram logIn{};
  std::copy_n(v.at("log_i").begin(), std::min<size_t>(v.at("log_i").size(), 512), logIn.begin());
  Sram out = logIn;
  FbankEngine::log(out);
  unsigned exact = 0;
  for (unsigned j = 0; j < 40; ++j) exact += ((out[j / 4] >> (8 * (j % 4))) & 0xFF) == v.at("log_o")[j];
  std::printf("vendor log vector: %u of 40 bands exact\n", exact);
  EXPECT_EQ(exact, 40u);
  // Stages whose results sit in the even words: the vector's input, its expected outputs.
  const struct {
    const char *in, *out;
    void (*stage)(Sram&);
    unsigned count;
  } evenWordStages[] = {{"sqrt_i", "sqrt_o", FbankEngine::magnitude, 256}, {"mel_i", "mel_o", FbankEngine::mel, 40}};
  for (const auto& st : evenWordStages) {
    Sram stageSram{};
    std::copy_n(v.at(st.in).begin(), 512, stageSram.begin());
    st.stage(stageSram);
    exact = 0;
    for (unsigned i = 0; i < st.count; ++i) exact += stageSram[2 * i] == v.at(st.out)[i];
    std::printf("vendor %s vector: %u of %u exact\n", st.out, exact, st.count);
    EXPECT_EQ(exact, st.count) << st.out;
  }
}
