#include <gtest/gtest.h>

#include <random>

#include "SyntheticMapper.h"
#include "npu/ActivationLut.h"
#include "npu/CrossbarArray.h"
#include "npu/GoldenArithmetic.h"
#include "npu/RoundConfig.h"

namespace wtm::npu {
namespace {

TEST(NpuGoldenArithmetic, TruncatesThenRoundsTheQuarterShift) {
  // reference/mapper-formats.md §3.4: acc/1024 = -3.69 -> -3, -3.77 -> -4 (threshold 0.25 below).
  EXPECT_EQ(postProcess(-3779, 1024), -3);  // t = trunc(-3779/256) = -14, (-14+2)>>2 = -3
  EXPECT_EQ(postProcess(-3860, 1024), -4);  // t = -15 -> -4
  EXPECT_EQ(postProcess(0, 1024), 0);
  EXPECT_EQ(postProcess(511, 1024), 0);    // t = 1 -> 0
  EXPECT_EQ(postProcess(512, 1024), 1);    // t = 2 -> 1
  EXPECT_EQ(postProcess(-767, 1024), 0);   // t = -2 -> 0
  EXPECT_EQ(postProcess(-768, 1024), -1);  // t = -3 -> -1 (arithmetic shift of -1)
}

TEST(NpuGoldenArithmetic, Saturates) {
  EXPECT_EQ(postProcess(1LL << 40, 256), 127);
  EXPECT_EQ(postProcess(-(1LL << 40), 256), -128);
  EXPECT_EQ(postProcess(127 * 1024 + 600, 1024), 127);
  EXPECT_EQ(postProcess(-128 * 1024 - 600, 1024), -128);
}

TEST(NpuGoldenArithmetic, MatchesIndependentReferenceForEveryGain) {
  std::mt19937_64 rng(3);
  for (int code = 0; code <= 5; ++code) {
    const int g = gainFromCode(code);
    ASSERT_EQ(g, 256 << code);
    for (int i = 0; i < 20000; ++i) {
      const long long acc = std::uniform_int_distribution<long long>(-300LL * g, 300LL * g)(rng);
      ASSERT_EQ(postProcess(acc, g), test::referencePreActivation(acc, g)) << "acc " << acc << " G " << g;
    }
    for (long long acc = -4 * g; acc <= 4 * g; ++acc)
      ASSERT_EQ(postProcess(acc, g), test::referencePreActivation(acc, g));
  }
}

TEST(NpuActivationLut, ReluAndIdentity) {
  const ActivationLut relu = reluLut(), id = identityLut();
  EXPECT_EQ(applyLut(relu, 5), 5);
  EXPECT_EQ(applyLut(relu, 127), 127);
  EXPECT_EQ(applyLut(relu, -1), 0);
  EXPECT_EQ(applyLut(relu, -128), 0);
  EXPECT_EQ(applyLut(id, -1), 255);
  EXPECT_EQ(applyLut(id, -128), 128);
  EXPECT_EQ(applyLut(id, 42), 42);
}

TEST(NpuCrossbarArray, LogicalAndPhysicalAddressing) {
  CrossbarArray a;
  const auto g0 = a.generation();
  a.setWeight(1791, 1023, -275);
  a.setBias(15, 0, 275);
  EXPECT_GT(a.generation(), g0);
  EXPECT_EQ(a.weight(1791, 1023), -275);
  EXPECT_EQ(a.physicalCell(1791, 1023), -275);
  EXPECT_EQ(a.physicalCell(2049 + 2 * 15, 0), 275);
  a.setPhysicalCell(2049, 7, 12);
  EXPECT_EQ(a.bias(0, 7), 12);
  EXPECT_TRUE(CrossbarArray::isValidPhysicalRow(2079));
  EXPECT_FALSE(CrossbarArray::isValidPhysicalRow(2048));
  EXPECT_FALSE(CrossbarArray::isValidPhysicalRow(2050));
  EXPECT_FALSE(CrossbarArray::isValidPhysicalRow(2081));
  EXPECT_FALSE(CrossbarArray::isValidPhysicalRow(1792));
  EXPECT_THROW(a.setWeight(1792, 0, 1), std::out_of_range);
  EXPECT_THROW(a.setWeight(0, 1024, 1), std::out_of_range);
  EXPECT_THROW(a.setWeight(0, 0, 276), std::out_of_range);
  EXPECT_THROW(a.setBias(16, 0, 1), std::out_of_range);
  EXPECT_THROW(a.setPhysicalCell(2050, 0, 1), std::out_of_range);
  a.clear();
  EXPECT_EQ(a.weight(1791, 1023), 0);
}

// An array nobody wrote reads as zeros everywhere and equals one whose writes were all zeros.
TEST(NpuCrossbarArray, ABlankArrayReadsAsZerosAndComparesByContent) {
  const CrossbarArray blank;
  CrossbarArray zeroed, programmed;
  zeroed.setWeight(3, 4, 0);
  programmed.setBias(2, 9, 7);
  EXPECT_EQ(blank.weight(1791, 1023), 0);
  EXPECT_EQ(blank.bias(15, 1023), 0);
  for (int row : {0, CrossbarArray::kStorageRows - 1})
    for (int column : {0, 1023}) EXPECT_EQ(blank.rowData(row)[column], 0);
  EXPECT_TRUE(blank == zeroed);
  EXPECT_TRUE(zeroed == blank);
  EXPECT_FALSE(blank == programmed);
  EXPECT_FALSE(programmed == blank);
  EXPECT_EQ(programmed.rowData(kInputRows + 2)[9], 7);
  programmed.clear();
  EXPECT_TRUE(programmed == blank);
  programmed.setWeight(0, 0, -1);
  EXPECT_EQ(programmed.weight(0, 0), -1);
}

TEST(NpuGoldenArithmetic, ReferenceColumnSumIncludesBiasRowsAt128) {
  CrossbarArray a;
  RoundConfig r;
  r.rowStart = 10;
  r.rowEnd = 12;
  r.columnStart = r.columnEnd = 5;
  r.biasStart = 2;
  r.biasEnd = 3;
  a.setWeight(10, 5, 3);
  a.setWeight(11, 5, -4);
  a.setWeight(12, 5, 5);
  a.setBias(2, 5, 7);
  a.setBias(3, 5, -1);
  a.setBias(4, 5, 100);  // outside the round's bias range
  const std::uint8_t x[3] = {1, 2, 255};
  EXPECT_EQ(referenceColumnSum(a, r, x, 5), 3 - 8 + 5 * 255 + 128 * 6);
}

}  // namespace
}  // namespace wtm::npu
