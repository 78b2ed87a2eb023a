// One round of the NPU as its round-config record describes it (reference/mapper-formats.md
// §2.1.5). The record's words are kept verbatim next to the decoded fields, so bits nobody has
// decoded yet survive a decode/encode cycle and a register front end can hand them back to the
// firmware unchanged.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::npu {

enum class RoundKind {
  MatrixVector,  // 5 commands with opcodes 0,1,7,8,9: an array read (Gemm/Conv round)
  Other,         // any other record (PN/copy/mul rounds): kept raw, not modelled
};

// Which activation table the post-processing applies (w1 bits 31:30).
enum class LutSelect : std::uint8_t { None = 0, Slot1 = 1, Slot2 = 2, Reserved = 3 };

struct RoundConfig {
  RoundKind kind = RoundKind::MatrixVector;
  // The record as stored (u32 words, stream order: each 64-bit command is high word first).
  std::vector<std::uint32_t> words;

  // Decoded fields (MatrixVector rounds only; zero otherwise).
  int gainCode = 0;         // w0 12:10, G = 256 << gainCode
  bool systemFlag = false;  // w0 bit 3: set in the runtime's table, clear in compensation copies
  LutSelect lut = LutSelect::None;
  int fetchAddr = 0;       // w1 12:0, scratch address (meaning not confirmed)
  int biasStart = 0;       // w2 18:15
  int biasEnd = 0;         // w2 12:9 (inclusive)
  int columnStart = 0;     // w2 7:0 : w3 31:27
  int columnEnd = 0;       // w3 26:16 (inclusive)
  int outputAddr = 0;      // w3 15:3, regfile byte address of the first output
  int rowStart = 0;        // w6 27:16
  int rowEnd = 0;          // w6 15:4 (inclusive)
  int inputAddr = 0;       // w6 3:0 : w7 31:23
  int inputEndAddr = 0;    // w7 22:10 (inclusive)
  int mirrorRowStart = 0;  // w8 27:16, a copy of the row range (role unknown)
  int mirrorRowEnd = 0;    // w8 15:4

  int gain() const { return 256 << gainCode; }
  int rows() const { return rowEnd - rowStart + 1; }
  int columns() const { return columnEnd - columnStart + 1; }
  int biasRowCount() const { return biasEnd - biasStart + 1; }
  int inputLength() const { return inputEndAddr - inputAddr + 1; }
  bool isMatrixVector() const { return kind == RoundKind::MatrixVector; }
  // w3 bit 0, read from the raw words (the mapper writes w3 2:0 = 2; the runtime sets bit 0 in
  // multi-round flows so the NPU pauses after the round, reference/npu.md §3.4 [INF]). Kept out
  // of the decoded mask: its meaning is inferred, so dumps still list it as undecoded.
  bool pauseAfter() const { return kind == RoundKind::MatrixVector && words.size() > 3 && (words[3] & 1u) != 0; }

  // Human-readable statements of everything that makes this round impossible to run
  // (ranges outside the array or regfile, input length != row count, ...). Empty = runnable.
  std::vector<std::string> problems() const;
  // "rows 896..1695 cols 768..1023 bias 0..8 G 1024 lut 1 in 2050 out 256"
  std::string summary() const;

  // Bits of word i that the decoder does not interpret (preserved verbatim).
  std::uint32_t undecodedBits(std::size_t i) const;
};

// Bits of each MV-record word the decoder interprets; everything else is carried raw.
extern const std::array<std::uint32_t, 10> kMatrixVectorDecodedMask;

}  // namespace wtm::npu
