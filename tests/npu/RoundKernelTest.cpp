#include <gtest/gtest.h>

#include <random>

#include "SyntheticMapper.h"
#include "npu/CrossbarArray.h"
#include "npu/Gemm.h"
#include "npu/GoldenArithmetic.h"
#include "npu/NpuCore.h"
#include "npu/RoundKernel.h"

namespace wtm::npu {
namespace {

struct Case {
  int rows, columns, gainCode, biasRows, weightMax;
};

RoundConfig makeRound(const Case& c, int rowStart, int columnStart) {
  RoundConfig r;
  r.gainCode = c.gainCode;
  r.rowStart = r.mirrorRowStart = rowStart;
  r.rowEnd = r.mirrorRowEnd = rowStart + c.rows - 1;
  r.columnStart = columnStart;
  r.columnEnd = columnStart + c.columns - 1;
  r.biasStart = 0;
  r.biasEnd = std::max(0, c.biasRows - 1);
  r.inputAddr = 0;
  r.inputEndAddr = c.rows - 1;
  r.outputAddr = 4000;
  return r;
}

void fill(CrossbarArray& a, const RoundConfig& r, const Case& c, std::mt19937& rng) {
  std::uniform_int_distribution<int> w(-c.weightMax, c.weightMax);
  for (int i = r.rowStart; i <= r.rowEnd; ++i)
    for (int j = r.columnStart; j <= r.columnEnd; ++j) a.setWeight(i, j, w(rng));
  if (c.biasRows > 0)
    for (int z = r.biasStart; z <= r.biasEnd; ++z)
      for (int j = r.columnStart; j <= r.columnEnd; ++j) a.setBias(z, j, w(rng));
}

class NpuRoundKernelExactness : public ::testing::TestWithParam<Case> {};

TEST_P(NpuRoundKernelExactness, BatchMatchesScalarDefinition) {
  const Case c = GetParam();
  std::mt19937 rng(c.rows * 31 + c.columns + c.gainCode);
  CrossbarArray a;
  const RoundConfig r = makeRound(c, 1792 - c.rows, 1024 - c.columns);
  fill(a, r, c, rng);
  const RoundKernel k(a, r);
  // 700 frames: more than one 512-frame chunk, and a partial one.
  const std::size_t frames = 700;
  std::vector<std::uint8_t> in(frames * std::size_t(c.rows));
  for (auto& v : in) v = std::uint8_t(std::uniform_int_distribution<int>(0, 255)(rng));
  // Some frames at the extremes (all 255, all 0) where the bounds are reached.
  for (int i = 0; i < c.rows; ++i) {
    in[std::size_t(i)] = 255;
    in[std::size_t(c.rows + i)] = 0;
  }
  std::vector<std::int8_t> out(frames * std::size_t(c.columns));
  k.run(in.data(), frames, std::size_t(c.rows), out.data(), std::size_t(c.columns), r.gain(), nullptr);
  for (std::size_t f = 0; f < frames; ++f)
    for (int j = 0; j < c.columns; ++j) {
      const long long acc = referenceColumnSum(a, r, &in[f * std::size_t(c.rows)], r.columnStart + j);
      ASSERT_EQ(out[f * std::size_t(c.columns) + std::size_t(j)], test::referencePreActivation(acc, r.gain()))
          << "frame " << f << " column " << j;
    }
}

INSTANTIATE_TEST_SUITE_P(NpuShapes, NpuRoundKernelExactness,
                         ::testing::Values(Case{800, 256, 2, 9, 127}, Case{16, 3, 0, 1, 127}, Case{392, 384, 3, 16, 60},
                                           Case{512, 10, 5, 16, 128}, Case{1, 1, 1, 0, 5},
                                           // Widest values and all rows: beyond float32's exact range.
                                           Case{1792, 40, 5, 16, 275}, Case{300, 64, 4, 0, 275}));

// The integer product at the ends of its range: every row, weights -128 and 127, inputs 0 and
// 255, each gain; a weight outside int8 keeps the round on the float path.
TEST(NpuRoundKernel, IntegerProductIsExactOverTheWholeInt8Range) {
  if (!gemm::exactInt8Available()) GTEST_SKIP() << "this CPU has no exact 8-bit dot product (VNNI)";
  for (int gainCode = 0; gainCode < 8; ++gainCode) {
    CrossbarArray a;
    RoundConfig r = makeRound({1792, 6, gainCode, 16, 0}, 0, 200);
    for (int i = 0; i < 1792; ++i) {
      a.setWeight(i, 200, -128);
      a.setWeight(i, 201, 127);
      a.setWeight(i, 202, i % 2 ? 127 : -128);
      a.setWeight(i, 203, (i * 37) % 256 - 128);
      a.setWeight(i, 204, i < 3 ? -128 : 0);
      a.setWeight(i, 205, 1);
    }
    for (int z = 0; z < 16; ++z)
      for (int j = 200; j < 206; ++j) a.setBias(z, j, z % 2 ? 275 : -275);
    const RoundKernel k(a, r);
    ASSERT_TRUE(k.integerProduct());
    std::vector<std::uint8_t> in(3 * 1792);
    for (std::size_t i = 0; i < in.size(); ++i)
      in[i] = i < 1792 ? 255 : i < 2 * 1792 ? std::uint8_t(i % 2 ? 255 : 0) : std::uint8_t(i * 7);
    std::vector<std::int8_t> out(3 * 6);
    k.run(in.data(), 3, 1792, out.data(), 6, r.gain(), nullptr);
    for (std::size_t f = 0; f < 3; ++f)
      for (int j = 0; j < 6; ++j)
        ASSERT_EQ(out[f * 6 + std::size_t(j)],
                  test::referencePreActivation(referenceColumnSum(a, r, &in[f * 1792], 200 + j), r.gain()))
            << "gain code " << gainCode << " frame " << f << " column " << j;
  }
  CrossbarArray wide;
  const RoundConfig r = makeRound({8, 2, 0, 1, 0}, 0, 0);
  wide.setWeight(3, 1, 128);
  EXPECT_FALSE(RoundKernel(wide, r).integerProduct());
}

TEST(NpuRoundKernel, ChoosesWidePathOnlyWhereTheBoundFails) {
  CrossbarArray a;
  RoundConfig r = makeRound({1792, 4, 2, 1, 0}, 0, 100);
  // Column 100: 1792 x 200 x 255 > 2^24 -> wide. Column 101: small -> float.
  // Column 102: bound exactly 2^24 - 1 -> float. Column 103: bias pushes it over -> wide.
  for (int i = 0; i < 1792; ++i) a.setWeight(i, 100, i % 2 ? 200 : -200);
  a.setWeight(0, 101, 7);
  // 65793 * 255 = 2^24 - 1 + ... : use weights summing to 65793 then check 255*65793 = 16777215.
  int remaining = 65793;
  for (int i = 0; i < 1792 && remaining > 0; ++i) {
    const int v = std::min(remaining, 275);
    a.setWeight(i, 102, v);
    a.setWeight(i, 103, v);
    remaining -= v;
  }
  a.setBias(0, 103, 1);
  const RoundKernel k(a, r);
  EXPECT_EQ(k.wideColumns(), 2);
  std::vector<std::uint8_t> in(1792, 255);
  std::vector<std::int8_t> out(4);
  k.run(in.data(), 1, 1792, out.data(), 4, r.gain(), nullptr);
  for (int j = 0; j < 4; ++j)
    EXPECT_EQ(out[std::size_t(j)],
              test::referencePreActivation(referenceColumnSum(a, r, in.data(), 100 + j), r.gain()));
}

TEST(NpuRoundKernel, RejectsUnrunnableRoundsAndBadGain) {
  CrossbarArray a;
  RoundConfig r = makeRound({10, 10, 2, 1, 1}, 0, 0);
  r.inputEndAddr = 3;
  EXPECT_THROW(RoundKernel(a, r), std::invalid_argument);
  r = makeRound({10, 10, 2, 1, 1}, 0, 0);
  const RoundKernel k(a, r);
  std::vector<std::uint8_t> in(10);
  std::vector<std::int8_t> out(10);
  EXPECT_THROW(k.run(in.data(), 1, 10, out.data(), 10, 1000, nullptr), std::invalid_argument);
}

TEST(NpuCore, ExecuteRoundReadsAndWritesTheRegfileWithTheSelectedLut) {
  NpuCore core;
  RoundConfig r = makeRound({4, 3, 0, 0, 0}, 100, 200);
  r.inputAddr = 10;
  r.inputEndAddr = 13;
  r.outputAddr = 50;
  r.lut = LutSelect::Slot1;
  for (int i = 0; i < 4; ++i) {
    core.array().setWeight(100 + i, 200, 64);   // column 200: positive
    core.array().setWeight(100 + i, 201, -64);  // column 201: negative
    core.array().setWeight(100 + i, 202, 0);
  }
  core.setLut(LutSelect::Slot1, reluLut());
  std::vector<std::uint8_t> regfiles(2 * kRegfileBytes, 0);
  for (int f = 0; f < 2; ++f)
    for (int i = 0; i < 4; ++i)
      regfiles[std::size_t(f) * kRegfileBytes + 10 + std::size_t(i)] = std::uint8_t(100 * (f + 1));
  core.executeRound(r, regfiles.data(), 2, kRegfileBytes);
  for (int f = 0; f < 2; ++f) {
    const std::uint8_t* o = &regfiles[std::size_t(f) * kRegfileBytes + 50];
    const long long acc = 4LL * 64 * 100 * (f + 1);
    EXPECT_EQ(o[0], test::referencePreActivation(acc, 256));
    EXPECT_EQ(o[1], 0);  // ReLU of a negative value
    EXPECT_EQ(o[2], 0);
  }
  // LUT none stores the pre-activation byte.
  r.lut = LutSelect::None;
  core.executeRound(r, regfiles.data(), 2, kRegfileBytes);
  EXPECT_EQ(static_cast<std::int8_t>(regfiles[51]), test::referencePreActivation(-4LL * 64 * 100, 256));
  // Reprogramming a cell invalidates the cached kernel.
  core.array().setWeight(100, 202, 127);
  core.executeRound(r, regfiles.data(), 1, kRegfileBytes);
  EXPECT_EQ(static_cast<std::int8_t>(regfiles[52]), test::referencePreActivation(127LL * 100, 256));
}

}  // namespace
}  // namespace wtm::npu
