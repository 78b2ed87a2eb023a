#include "npu/RoundDecoder.h"

#include <cstdio>
#include <iterator>
#include <string>

namespace wtm::npu {

namespace {

constexpr std::uint32_t bits(std::uint32_t word, int hi, int lo) {
  return (word >> lo) & ((hi - lo == 31) ? 0xFFFFFFFFu : ((1u << (hi - lo + 1)) - 1u));
}

// Replaces bits hi..lo of word with value (masked to the field width).
void put(std::uint32_t& word, int hi, int lo, std::uint32_t value) {
  const std::uint32_t mask = ((1u << (hi - lo + 1)) - 1u) << lo;
  word = (word & ~mask) | ((value << lo) & mask);
}

// Opcodes of the five commands of an array round, in stream order.
constexpr std::uint32_t kMvOpcodes[5] = {0, 1, 7, 8, 9};

// Constant pattern of the MV records the mapper emits (all shipped models agree): used as the
// starting point when a round is built from fields alone (tests, a front end composing rounds).
constexpr std::uint32_t kMvTemplate[10] = {0x04440082u, 0x00000000u, 0x10082000u, 0x00000002u, 0x70000000u,
                                           0x00000000u, 0x80000000u, 0x00000000u, 0x90000000u, 0x00000000u};

}  // namespace

std::size_t roundRecordWords(std::uint32_t word0) { return 2 * (bits(word0, 26, 24) + 1); }

RoundConfig decodeRound(const std::uint32_t* words, std::size_t count) {
  if (count == 0) throw RoundDecodeError("empty round record");
  const std::size_t expected = roundRecordWords(words[0]);
  if (count != expected) {
    char word0[16];
    std::snprintf(word0, sizeof word0, "0x%08X", static_cast<unsigned>(words[0]));
    throw RoundDecodeError("round record of " + std::to_string(count) + " words, but word0 " + word0 + " announces " +
                           std::to_string(expected));
  }

  RoundConfig r;
  r.words.assign(words, words + count);
  bool mv = count == 10;
  for (std::size_t c = 0; mv && c < 5; ++c)
    if (bits(words[2 * c], 31, 28) != kMvOpcodes[c]) mv = false;
  if (!mv) {
    r.kind = RoundKind::Other;
    return r;
  }
  r.kind = RoundKind::MatrixVector;
  const std::uint32_t* w = words;
  r.gainCode = static_cast<int>(bits(w[0], 12, 10));
  r.systemFlag = bits(w[0], 3, 3) != 0;
  r.lut = static_cast<LutSelect>(bits(w[1], 31, 30));
  r.fetchAddr = static_cast<int>(bits(w[1], 12, 0));
  r.biasStart = static_cast<int>(bits(w[2], 18, 15));
  r.biasEnd = static_cast<int>(bits(w[2], 12, 9));
  r.columnStart = static_cast<int>((bits(w[2], 7, 0) << 5) | bits(w[3], 31, 27));
  r.columnEnd = static_cast<int>(bits(w[3], 26, 16));
  r.outputAddr = static_cast<int>(bits(w[3], 15, 3));
  r.rowStart = static_cast<int>(bits(w[6], 27, 16));
  r.rowEnd = static_cast<int>(bits(w[6], 15, 4));
  r.inputAddr = static_cast<int>((bits(w[6], 3, 0) << 9) | bits(w[7], 31, 23));
  r.inputEndAddr = static_cast<int>(bits(w[7], 22, 10));
  r.mirrorRowStart = static_cast<int>(bits(w[8], 27, 16));
  r.mirrorRowEnd = static_cast<int>(bits(w[8], 15, 4));
  return r;
}

std::vector<RoundConfig> decodeRoundTable(const std::vector<std::uint32_t>& words) {
  std::vector<RoundConfig> rounds;
  std::size_t i = 0;
  while (i < words.size()) {
    const std::size_t n = roundRecordWords(words[i]);
    if (i + n > words.size())
      throw RoundDecodeError("round record at word " + std::to_string(i) + " needs " + std::to_string(n) +
                             " words but the table ends after " + std::to_string(words.size() - i));
    rounds.push_back(decodeRound(&words[i], n));
    i += n;
  }
  return rounds;
}

std::vector<std::uint32_t> encodeRound(const RoundConfig& r) {
  std::vector<std::uint32_t> w;
  if (r.words.size() == 10) w = r.words;
  else w.assign(std::begin(kMvTemplate), std::end(kMvTemplate));
  for (std::size_t c = 0; c < 5; ++c) put(w[2 * c], 31, 28, kMvOpcodes[c]);
  put(w[0], 26, 24, 4);
  put(w[0], 12, 10, static_cast<std::uint32_t>(r.gainCode));
  put(w[0], 3, 3, r.systemFlag ? 1u : 0u);
  put(w[1], 31, 30, static_cast<std::uint32_t>(r.lut));
  put(w[1], 12, 0, static_cast<std::uint32_t>(r.fetchAddr));
  put(w[2], 18, 15, static_cast<std::uint32_t>(r.biasStart));
  put(w[2], 12, 9, static_cast<std::uint32_t>(r.biasEnd));
  put(w[2], 7, 0, static_cast<std::uint32_t>(r.columnStart) >> 5);
  put(w[3], 31, 27, static_cast<std::uint32_t>(r.columnStart) & 0x1Fu);
  put(w[3], 26, 16, static_cast<std::uint32_t>(r.columnEnd));
  put(w[3], 15, 3, static_cast<std::uint32_t>(r.outputAddr));
  put(w[6], 27, 16, static_cast<std::uint32_t>(r.rowStart));
  put(w[6], 15, 4, static_cast<std::uint32_t>(r.rowEnd));
  put(w[6], 3, 0, static_cast<std::uint32_t>(r.inputAddr) >> 9);
  put(w[7], 31, 23, static_cast<std::uint32_t>(r.inputAddr) & 0x1FFu);
  put(w[7], 22, 10, static_cast<std::uint32_t>(r.inputEndAddr));
  put(w[8], 27, 16, static_cast<std::uint32_t>(r.mirrorRowStart));
  put(w[8], 15, 4, static_cast<std::uint32_t>(r.mirrorRowEnd));
  return w;
}

}  // namespace wtm::npu
