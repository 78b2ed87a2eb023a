// The one decoder between round-config records (the u32 words the runtime streams into the
// NPU's round SRAM) and RoundConfig. The mapper-output loaders and the register front end of the
// board both use it, so a field is decoded in exactly one place.
#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "npu/RoundConfig.h"

namespace wtm::npu {

// A record stream that cannot be split into records (truncated, bad command count).
class RoundDecodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Number of u32 words of the record starting with word0 (2 per 64-bit command; the command count
// minus one is in word0 bits 26:24).
std::size_t roundRecordWords(std::uint32_t word0);

// Decodes one record. `count` must equal roundRecordWords(words[0]); throws RoundDecodeError
// otherwise. Records that are not 5-command MV rounds decode as RoundKind::Other.
RoundConfig decodeRound(const std::uint32_t* words, std::size_t count);

// Splits a round table (consecutive records) into rounds. Throws RoundDecodeError if the last
// record runs past the end.
std::vector<RoundConfig> decodeRoundTable(const std::vector<std::uint32_t>& words);

// Writes the decoded fields of an MV round back into record words. Starts from round.words when
// it holds a 10-word record (so undecoded bits are kept) and from the observed constant pattern
// otherwise. Fields are masked to their bit widths; RoundConfig::problems() says whether they fit.
std::vector<std::uint32_t> encodeRound(const RoundConfig& round);

}  // namespace wtm::npu
