#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "SyntheticMapper.h"
#include "npu/AdcModel.h"
#include "npu/GoldenArithmetic.h"
#include "npu/NpuCore.h"
#include "npu/ProgrammedArray.h"
#include "npu/RandomSource.h"

namespace wtm::npu {
namespace {

RoundConfig region(int rowStart, int rows, int columnStart, int columns, int gainCode, int biasRows) {
  RoundConfig r;
  r.gainCode = gainCode;
  r.rowStart = r.mirrorRowStart = rowStart;
  r.rowEnd = r.mirrorRowEnd = rowStart + rows - 1;
  r.columnStart = columnStart;
  r.columnEnd = columnStart + columns - 1;
  r.biasStart = 0;
  r.biasEnd = std::max(0, biasRows - 1);
  r.inputAddr = 0;
  r.inputEndAddr = rows - 1;
  r.outputAddr = 4096;
  return r;
}

void randomize(CrossbarArray& a, const RoundConfig& r, int maxWeight, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> w(-maxWeight, maxWeight);
  for (int i = r.rowStart; i <= r.rowEnd; ++i)
    for (int j = r.columnStart; j <= r.columnEnd; ++j) a.setWeight(i, j, w(rng));
  for (int z = r.biasStart; z <= r.biasEnd; ++z)
    for (int j = r.columnStart; j <= r.columnEnd; ++j) a.setBias(z, j, w(rng) / 8);
}

std::vector<std::uint8_t> randomInputs(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::uint8_t> v(n);
  for (auto& x : v) x = std::uint8_t(std::uniform_int_distribution<int>(0, 255)(rng));
  return v;
}

TEST(NpuRandomSource, NormalHasUnitMomentsAndGaussianTails) {
  RandomSource rng(42);
  const int n = 400000;
  std::vector<float> batch(n);
  rng.fillNormal(batch.data(), batch.size());
  for (int pass = 0; pass < 2; ++pass) {
    double s = 0, s2 = 0, s4 = 0;
    int beyond3 = 0;
    for (int i = 0; i < n; ++i) {
      const double x = pass == 0 ? rng.normal() : double(batch[std::size_t(i)]);
      s += x;
      s2 += x * x;
      s4 += x * x * x * x;
      beyond3 += std::fabs(x) > 3.0;
    }
    const double mean = s / n, var = s2 / n - mean * mean;
    EXPECT_NEAR(mean, 0.0, 0.01) << "pass " << pass;
    EXPECT_NEAR(var, 1.0, 0.01) << "pass " << pass;
    EXPECT_NEAR(s4 / n, 3.0, 0.06) << "pass " << pass;                    // kurtosis of a normal
    EXPECT_NEAR(double(beyond3) / n, 0.0027, 0.0006) << "pass " << pass;  // two-sided 3-sigma tail
  }
}

// One call fills in vector blocks; single draws take the scalar path: both must give the same
// numbers, also across block boundaries and through the rare wedge/tail draws.
TEST(NpuRandomSource, FillNormalGivesTheSameNumbersInOneCallOrOneAtATime) {
  RandomSource whole(9), single(9);
  const std::size_t n = 5000;  // ~60 candidates outside their rectangle, several 256-draw blocks
  std::vector<float> a(n), b(n);
  whole.fillNormal(a.data(), n);
  for (std::size_t i = 0; i < n; ++i) single.fillNormal(&b[i], 1);
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(a[i], b[i]) << "draw " << i;
  EXPECT_EQ(whole.nextBits(), single.nextBits());  // the same bits used by the full tests
}

TEST(NpuRandomSource, SameSeedSameNumbersDifferentStreamsDiffer) {
  RandomSource a(5), b(5), c(6);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const double x = a.normal();
    EXPECT_EQ(x, b.normal());
    differs |= x != c.normal();
  }
  EXPECT_TRUE(differs);
  RandomSource s1 = RandomSource::derive(5, stream::kProgramming), s2 = RandomSource::derive(5, stream::kReadNoise);
  EXPECT_NE(s1.nextBits(), s2.nextBits());
}

TEST(NpuProgrammedArray, ProgrammingErrorFollowsTheConfiguredLaw) {
  CrossbarArray a;
  // 64 rows at W = 0 and 64 rows at W = 100, all 1024 columns.
  for (int i = 0; i < 64; ++i)
    for (int j = 0; j < kColumns; ++j) a.setWeight(64 + i, j, 100);
  NonIdealConfig c = NonIdealConfig::allOff();
  c.programming.enabled = true;
  c.programming.law = CellNoiseLaw::witinLevel(4);  // sigma(0) = 1.258, sigma(100) = 7.5
  const ProgrammedArray p(a, c);
  double s0 = 0, s0sq = 0, s1 = 0, s1sq = 0;
  const int n = 64 * kColumns;
  for (int i = 0; i < 64; ++i)
    for (int j = 0; j < kColumns; ++j) {
      const double e0 = p.value(i, j), e1 = p.value(64 + i, j) - 100.0;
      s0 += e0;
      s0sq += e0 * e0;
      s1 += e1;
      s1sq += e1 * e1;
    }
  EXPECT_NEAR(s0 / n, 0.0, 0.03);
  EXPECT_NEAR(std::sqrt(s0sq / n), 0.3145 * 4, 0.03);
  EXPECT_NEAR(std::sqrt(s1sq / n), 0.015605 * 4 * 100 + 0.3145 * 4, 0.1);
  // Same seed -> identical cells; another seed -> different cells.
  const ProgrammedArray again(a, c);
  c.seed = 2;
  const ProgrammedArray other(a, c);
  EXPECT_EQ(p.value(70, 3), again.value(70, 3));
  EXPECT_NE(p.value(70, 3), other.value(70, 3));
}

TEST(NpuProgrammedArray, StuckCells) {
  CrossbarArray a;
  for (int j = 0; j < kColumns; ++j)
    for (int i = 0; i < 200; ++i) a.setWeight(i, j, 50);
  NonIdealConfig c = NonIdealConfig::allOff();
  c.stuck.fraction = 0.05;
  c.stuck.value = -3;
  const ProgrammedArray p(a, c);
  const double total = double(CrossbarArray::kStorageRows) * kColumns;
  EXPECT_NEAR(double(p.stuckCount()) / total, 0.05, 0.002);
  int checked = 0;
  for (int i = 0; i < 200; ++i)
    for (int j = 0; j < kColumns; ++j) {
      EXPECT_EQ(p.value(i, j), p.isStuck(i, j) ? -3.0f : 50.0f);
      checked += p.isStuck(i, j);
    }
  EXPECT_GT(checked, 0);
  c.stuck.mode = StuckCellConfig::Mode::RandomExtreme;
  c.stuck.extreme = 127;
  const ProgrammedArray q(a, c);
  int plus = 0, minus = 0;
  for (int i = 0; i < 200; ++i)
    for (int j = 0; j < kColumns; ++j)
      if (q.isStuck(i, j)) (q.value(i, j) > 0 ? plus : minus)++;
  EXPECT_GT(plus, 0);
  EXPECT_GT(minus, 0);
  EXPECT_NEAR(double(plus) / (plus + minus), 0.5, 0.05);
}

TEST(NpuAdcModel, DefaultsReproduceTheGoldenPostProcessing) {
  const AdcModel adc(AdcConfig{}, 1);
  std::mt19937_64 rng(1);
  for (int code = 0; code <= 5; ++code) {
    const int g = 256 << code;
    for (int i = 0; i < 5000; ++i) {
      const long long acc = std::uniform_int_distribution<long long>(-200LL * g, 200LL * g)(rng);
      ASSERT_EQ(adc.convert(double(acc), i % kColumns, g), postProcess(acc, g)) << acc;
    }
  }
}

TEST(NpuAdcModel, OffsetGainResolutionAndRange) {
  AdcConfig c;
  c.offsetMean = 2.0;  // ADC LSBs = G/4 each at 10 bits -> +0.5 output LSB
  EXPECT_EQ(AdcModel(c, 1).convert(0.0, 0, 1024), 1);
  c = AdcConfig{};
  c.gainErrorMean = 0.10;
  EXPECT_EQ(AdcModel(c, 1).convert(10.0 * 1024, 0, 1024), 11);
  c = AdcConfig{};
  c.fullScale = 64;  // clips at +/-64 output LSBs
  EXPECT_EQ(AdcModel(c, 1).convert(100.0 * 1024, 0, 1024), 64);
  EXPECT_EQ(AdcModel(c, 1).convert(-100.0 * 1024, 0, 1024), -64);
  c = AdcConfig{};
  c.bits = 6;  // step = 4 output LSBs, codes -32..31
  const AdcModel coarse(c, 1);
  EXPECT_EQ(coarse.convert(22.0 * 1024, 0, 1024), 20);
  EXPECT_EQ(coarse.convert(200.0 * 1024, 0, 1024), 124);  // max code 31 x 4
  c = AdcConfig{};
  c.offsetSigma = 3.0;
  c.gainErrorSigma = 0.02;
  const AdcModel spread(c, 9), spreadAgain(c, 9);
  double so = 0, so2 = 0;
  for (int j = 0; j < kColumns; ++j) {
    so += spread.offset(j);
    so2 += spread.offset(j) * spread.offset(j);
    EXPECT_EQ(spread.offset(j), spreadAgain.offset(j));
  }
  EXPECT_NEAR(std::sqrt(so2 / kColumns), 3.0, 0.3);
  EXPECT_NE(spread.gainError(0), spread.gainError(1));
}

TEST(NpuNonIdeal, AllPartsOffIsBitExactIncludingWideColumns) {
  NpuCore ideal, analog;
  RoundConfig r = region(0, 1792, 300, 48, 4, 16);
  randomize(ideal.array(), r, 275, 11);  // wide columns present
  analog.array() = ideal.array();
  analog.useNonIdeal(NonIdealConfig::allOff());
  ASSERT_GT(ideal.kernel(r).wideColumns(), 0);
  const auto in = randomInputs(300 * 1792, 12);
  std::vector<std::int8_t> a(300 * 48), b(300 * 48);
  ideal.evaluate(r, in.data(), 300, 1792, a.data(), 48);
  analog.evaluate(r, in.data(), 300, 1792, b.data(), 48);
  EXPECT_EQ(a, b);
}

TEST(NpuNonIdeal, ReadNoiseOnMixedFloatAndWideColumns) {
  // Wide (double, ±275) and float (|W| <= 1) columns side by side with read noise proportional
  // to |W|: the wide columns get large errors, the narrow ones must stay within one LSB, which
  // fails if noise or variances are attached to the wrong column.
  NpuCore ideal, analog;
  RoundConfig r = region(0, 1792, 600, 40, 5, 4);
  randomize(ideal.array(), r, 275, 31);
  for (int i = 0; i < 1792; ++i)
    for (int j = 620; j < 640; ++j) ideal.array().setWeight(i, j, (i + j) % 3 - 1);  // narrow columns
  for (int z = 0; z < 4; ++z)
    for (int j = 620; j < 640; ++j) ideal.array().setBias(z, j, 0);
  analog.array() = ideal.array();
  NonIdealConfig c = NonIdealConfig::allOff();
  c.readNoise.enabled = true;
  c.readNoise.law = {0.2, 0.0};  // narrow columns: sigma 0.13 output LSB; wide: ~20
  analog.useNonIdeal(c);
  ASSERT_EQ(ideal.kernel(r).wideColumns(), 20);
  const auto in = randomInputs(64 * 1792, 32);
  std::vector<std::int8_t> a(64 * 40), b(64 * 40);
  ideal.evaluate(r, in.data(), 64, 1792, a.data(), 40);
  analog.evaluate(r, in.data(), 64, 1792, b.data(), 40);
  double wideSquares = 0;
  for (std::size_t f = 0; f < 64; ++f)
    for (std::size_t j = 0; j < 40; ++j) {
      const int e = b[f * 40 + j] - a[f * 40 + j];
      if (j >= 20) {
        ASSERT_LE(std::abs(e), 1) << "frame " << f << " column " << j << " ideal " << int(a[f * 40 + j]) << " got "
                                  << int(b[f * 40 + j]);
      } else {
        wideSquares += double(e) * e;
      }
    }
  EXPECT_GT(std::sqrt(wideSquares / (64 * 20)), 5.0);
}

TEST(NpuNonIdeal, SameSeedBitIdenticalOtherSeedDifferent) {
  RoundConfig r = region(100, 256, 128, 64, 2, 4);
  auto run = [&](std::uint64_t seed) {
    NpuCore core;
    randomize(core.array(), r, 100, 3);
    NonIdealConfig c;
    c.seed = seed;
    c.adc.offsetSigma = 1.0;
    c.stuck.fraction = 0.001;
    core.useNonIdeal(c);
    const auto in = randomInputs(50 * 256, 4);
    std::vector<std::int8_t> out(2 * 50 * 64);
    core.evaluate(r, in.data(), 50, 256, out.data(), 64);
    core.evaluate(r, in.data(), 50, 256, out.data() + 50 * 64, 64);  // second read: new noise
    return out;
  };
  const auto a = run(7), b = run(7), c = run(8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  // Read noise differs between the two evaluations of the same inputs.
  EXPECT_FALSE(std::equal(a.begin(), a.begin() + 50 * 64, a.begin() + 50 * 64));
}

TEST(NpuNonIdeal, ReadNoiseHasTheSummedVariance) {
  // 16 rows at input 100, zero weights, read sigma 2 LSB per cell: sigma_acc = sqrt(16 * 100^2 * 4)
  // = 800, i.e. 3.125 output LSBs at G = 256; 2 bias rows with sigma 2 add 128^2 * 4 * 2.
  RoundConfig r = region(0, 16, 500, 8, 0, 2);
  NpuCore core;
  NonIdealConfig c = NonIdealConfig::allOff();
  c.readNoise.enabled = true;
  c.readNoise.law = {0.0, 2.0};
  c.adc.bits = 16;  // fine ADC so the output quantisation is the only other error
  core.useNonIdeal(c);
  const std::size_t frames = 20000;
  std::vector<std::uint8_t> in(frames * 16, 100);
  std::vector<std::int8_t> out(frames * 8);
  core.evaluate(r, in.data(), frames, 16, out.data(), 8);
  double s = 0, s2 = 0;
  for (std::int8_t y : out) {
    s += y;
    s2 += double(y) * y;
  }
  const double n = double(out.size()), mean = s / n, sd = std::sqrt(s2 / n - mean * mean);
  const double expected = std::sqrt(16.0 * 100 * 100 * 4 + 2.0 * 128 * 128 * 4) / 256.0;
  EXPECT_NEAR(mean, 0.0, 0.05);
  EXPECT_NEAR(sd, std::sqrt(expected * expected + 1.0 / 12), 0.05 * expected);
}

TEST(NpuNonIdeal, DefaultModelErrorMatchesItsNoiseLaws) {
  // The default model's output error must match what its laws predict: for each output,
  // var = Σ_i x_i² (σ_prog(W_ij)² + σ_read(W_ij)²) + 128² Σ_z (same for bias cells), in G units,
  // plus the two roundings. Guards against a noise model off by a factor.
  RoundConfig r = region(0, 256, 128, 128, 3, 2);
  NpuCore ideal, analog;
  randomize(ideal.array(), r, 20, 21);
  analog.array() = ideal.array();
  const NonIdealConfig config;
  analog.useNonIdeal(config);
  const std::size_t frames = 200;
  const auto in = randomInputs(frames * 256, 22);
  std::vector<std::int8_t> a(frames * 128), b(frames * 128);
  ideal.evaluate(r, in.data(), frames, 256, a.data(), 128);
  analog.evaluate(r, in.data(), frames, 256, b.data(), 128);
  double se = 0, predicted = 0;
  int saturated = 0;
  for (std::size_t f = 0; f < frames; ++f)
    for (int j = 0; j < 128; ++j) {
      const std::size_t k = f * 128 + std::size_t(j);
      se += double(a[k] - b[k]) * (a[k] - b[k]);
      saturated += a[k] == 127 || a[k] == -128;
      double var = 0;
      auto cellVar = [&](int w) {
        const double p = config.programming.law.sigma(w), q = config.readNoise.law.sigma(w);
        return p * p + q * q;
      };
      for (int i = 0; i < 256; ++i) {
        const double x = in[f * 256 + std::size_t(i)];
        var += x * x * cellVar(ideal.array().weight(i, 128 + j));
      }
      for (int z = 0; z < 2; ++z) var += 128.0 * 128.0 * cellVar(ideal.array().bias(z, 128 + j));
      predicted += var / (2048.0 * 2048.0);
    }
  ASSERT_LT(saturated, 50);
  const double n = double(a.size());
  const double rms = std::sqrt(se / n), expected = std::sqrt(predicted / n + 1.0 / 6);
  EXPECT_GT(expected, 1.0);
  EXPECT_NEAR(rms, expected, 0.15 * expected);
}

TEST(NpuNonIdealConfig, ValidateRejectsBadParameters) {
  NonIdealConfig c;
  EXPECT_NO_THROW(c.validate());
  c.programming.law.floor = -1;
  EXPECT_THROW(c.validate(), std::invalid_argument);
  c = NonIdealConfig{};
  c.adc.bits = 1;
  EXPECT_THROW(c.validate(), std::invalid_argument);
  c = NonIdealConfig{};
  c.stuck.fraction = 1.5;
  EXPECT_THROW(c.validate(), std::invalid_argument);
  c = NonIdealConfig{};
  c.adc.fullScale = 0;
  EXPECT_THROW(c.validate(), std::invalid_argument);
  NpuCore core;
  EXPECT_THROW(core.useNonIdeal(c), std::invalid_argument);
  EXPECT_NE(NonIdealConfig{}.describe().find("programming error"), std::string::npos);
}

}  // namespace
}  // namespace wtm::npu
