#include <gtest/gtest.h>

#include <random>

#include "SyntheticMapper.h"
#include "npu/RoundConfig.h"
#include "npu/RoundDecoder.h"

namespace wtm::npu {
namespace {

// Round 0 of the keyword DNN as printed in reference/mapper-formats.md §2.1.5, with its
// documented decoding: G 1024, LUT 1, bias 0..8, columns 768..1023, out 256, rows 896..1695,
// input 2050..2849.
const std::vector<std::uint32_t> kDocumentedRound = {0x0444088A, 0x40000000, 0x10083018, 0x03FF0802, 0x70000000,
                                                     0x00000000, 0x838069F4, 0x012C8400, 0x938069F0, 0x00000000};

TEST(NpuRoundDecoder, DecodesTheDocumentedRecord) {
  const RoundConfig r = decodeRound(kDocumentedRound.data(), kDocumentedRound.size());
  ASSERT_TRUE(r.isMatrixVector());
  EXPECT_EQ(r.gain(), 1024);
  EXPECT_TRUE(r.systemFlag);
  EXPECT_EQ(r.lut, LutSelect::Slot1);
  EXPECT_EQ(r.biasStart, 0);
  EXPECT_EQ(r.biasEnd, 8);
  EXPECT_EQ(r.columnStart, 768);
  EXPECT_EQ(r.columnEnd, 1023);
  EXPECT_EQ(r.outputAddr, 256);
  EXPECT_EQ(r.rowStart, 896);
  EXPECT_EQ(r.rowEnd, 1695);
  EXPECT_EQ(r.inputAddr, 2050);
  EXPECT_EQ(r.inputEndAddr, 2849);
  EXPECT_EQ(r.mirrorRowStart, 896);
  EXPECT_EQ(r.mirrorRowEnd, 1695);
  EXPECT_TRUE(r.problems().empty());
}

TEST(NpuRoundDecoder, DecodesLargeGainAndLowAddresses) {
  // A G = 8192 round reading rows 0..511 from regfile 10, writing 10 outputs at 522 (fields of the
  // attention demo's second net, reference/mapper-formats.md §2.4/§2.7).
  const auto w = test::packRoundRecord(5, true, 1, 0, 0, 15, 512, 521, 522, 0, 511, 10, 521);
  const RoundConfig r = decodeRound(w.data(), w.size());
  EXPECT_EQ(r.gain(), 8192);
  EXPECT_EQ(r.columnStart, 512);
  EXPECT_EQ(r.columnEnd, 521);
  EXPECT_EQ(r.rows(), 512);
  EXPECT_EQ(r.inputAddr, 10);
  EXPECT_EQ(r.outputAddr, 522);
  EXPECT_EQ(r.biasRowCount(), 16);
}

TEST(NpuRoundDecoder, EncodeReproducesRealWordsIncludingUndecodedBits) {
  RoundConfig r = decodeRound(kDocumentedRound.data(), kDocumentedRound.size());
  EXPECT_EQ(encodeRound(r), kDocumentedRound);
  // Undecoded bits survive a field change.
  std::vector<std::uint32_t> words = kDocumentedRound;
  words[5] = 0xDEADBEEF;  // a word nobody decodes
  words[3] |= 0x5;        // w3 2:0
  r = decodeRound(words.data(), words.size());
  EXPECT_EQ(r.undecodedBits(5), 0xDEADBEEFu);
  EXPECT_EQ(r.undecodedBits(3) & 0x7u, 0x7u);
  r.outputAddr = 1000;
  const auto re = encodeRound(r);
  EXPECT_EQ(re[5], 0xDEADBEEFu);
  EXPECT_EQ(re[3] & 0x7u, 0x7u);
  EXPECT_EQ(decodeRound(re.data(), re.size()).outputAddr, 1000);
}

TEST(NpuRoundDecoder, RandomFieldsRoundTripThroughIndependentPacker) {
  std::mt19937 rng(7);
  auto u = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int i = 0; i < 500; ++i) {
    const int gainCode = u(0, 7), lut = u(0, 3), zs = u(0, 15), ze = u(0, 15), cs = u(0, 1023), ce = u(0, 1023);
    const int out = u(0, 8191), rs = u(0, 1791), re = u(0, 1791), in = u(0, 8191), ie = u(0, 8191), fetch = u(0, 8191);
    const auto w = test::packRoundRecord(gainCode, i % 2, lut, fetch, zs, ze, cs, ce, out, rs, re, in, ie);
    const RoundConfig r = decodeRound(w.data(), w.size());
    ASSERT_EQ(r.gainCode, gainCode);
    ASSERT_EQ(static_cast<int>(r.lut), lut);
    ASSERT_EQ(r.fetchAddr, fetch);
    ASSERT_EQ(r.biasStart, zs);
    ASSERT_EQ(r.biasEnd, ze);
    ASSERT_EQ(r.columnStart, cs);
    ASSERT_EQ(r.columnEnd, ce);
    ASSERT_EQ(r.outputAddr, out);
    ASSERT_EQ(r.rowStart, rs);
    ASSERT_EQ(r.rowEnd, re);
    ASSERT_EQ(r.inputAddr, in);
    ASSERT_EQ(r.inputEndAddr, ie);
    ASSERT_EQ(encodeRound(r), w);
  }
}

TEST(NpuRoundDecoder, EncodeWithoutWordsUsesTheObservedPattern) {
  RoundConfig r;
  r.gainCode = 2;
  r.systemFlag = true;
  r.lut = LutSelect::Slot1;
  r.biasEnd = 8;
  r.columnStart = 768;
  r.columnEnd = 1023;
  r.outputAddr = 256;
  r.rowStart = r.mirrorRowStart = 896;
  r.rowEnd = r.mirrorRowEnd = 1695;
  r.inputAddr = 2050;
  r.inputEndAddr = 2849;
  EXPECT_EQ(encodeRound(r), kDocumentedRound);
}

TEST(NpuRoundDecoder, TableWithSixCommandRecordAndMvRecords) {
  std::vector<std::uint32_t> table;
  // A 6-command non-array record (opcodes 2/3 as in PN rounds).
  const std::vector<std::uint32_t> other = {0x05440000, 1, 0x20000000, 2, 0x30000000, 3,
                                            0x70000000, 0, 0x80000000, 0, 0x90000000, 0};
  table.insert(table.end(), other.begin(), other.end());
  table.insert(table.end(), kDocumentedRound.begin(), kDocumentedRound.end());
  const auto rounds = decodeRoundTable(table);
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_EQ(rounds[0].kind, RoundKind::Other);
  EXPECT_EQ(rounds[0].words, other);
  EXPECT_EQ(rounds[0].undecodedBits(1), 1u);
  EXPECT_FALSE(rounds[0].problems().empty());
  EXPECT_TRUE(rounds[1].isMatrixVector());
  EXPECT_EQ(rounds[1].columnStart, 768);
}

TEST(NpuRoundDecoder, TruncatedTableAndWrongCountThrow) {
  std::vector<std::uint32_t> table(kDocumentedRound.begin(), kDocumentedRound.end() - 1);
  EXPECT_THROW(decodeRoundTable(table), RoundDecodeError);
  EXPECT_THROW(decodeRound(kDocumentedRound.data(), 8), RoundDecodeError);
  EXPECT_THROW(decodeRound(kDocumentedRound.data(), 0), RoundDecodeError);
  EXPECT_TRUE(decodeRoundTable({}).empty());
}

TEST(NpuRoundDecoder, WrongOpcodeIsNotAnArrayRound) {
  std::vector<std::uint32_t> w = kDocumentedRound;
  w[4] = 0x60000000;  // command 3 opcode 6 instead of 7
  EXPECT_EQ(decodeRound(w.data(), w.size()).kind, RoundKind::Other);
}

TEST(NpuRoundConfig, ProblemsNameImpossibleRounds) {
  RoundConfig r = decodeRound(kDocumentedRound.data(), kDocumentedRound.size());
  r.inputEndAddr = r.inputAddr + 10;
  ASSERT_FALSE(r.problems().empty());
  EXPECT_NE(r.problems()[0].find("input length 11 != row count 800"), std::string::npos);
  r = decodeRound(kDocumentedRound.data(), kDocumentedRound.size());
  r.outputAddr = 8100;
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_NE(r.problems()[0].find("regfile"), std::string::npos);
  r = decodeRound(kDocumentedRound.data(), kDocumentedRound.size());
  r.rowEnd = 1800;
  EXPECT_FALSE(r.problems().empty());
  r = decodeRound(kDocumentedRound.data(), kDocumentedRound.size());
  r.lut = LutSelect::Reserved;
  EXPECT_FALSE(r.problems().empty());
}

}  // namespace
}  // namespace wtm::npu
