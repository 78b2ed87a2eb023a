// What the NPU's flash holds besides the weight cells: the two trim rows (0x820 / 0x821, 256
// halfwords with CRC-16/CCITT-FALSE sections, reference/npu.md §2.7), the table of programmed
// layers (what WitinProgramTool wrote, for checking the firmware's round records against it) and
// how the cells were programmed (ideal or with a seeded programming error). Together with the
// CrossbarArray this is the content of the board's NPU flash, saved and loaded by --npu-flash.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "npu/CrossbarArray.h"
#include "npu/NonIdealConfig.h"

namespace wtm::npu {

// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor ("123456789" -> 0x29B1).
std::uint16_t crc16CcittFalse(const std::uint8_t* data, std::size_t length);

class TrimImage {
 public:
  static constexpr int kWords = 256;  // uint16 trim_data[256] = rows 0x820 and 0x821
  static constexpr int kRowFirst = 0x820;
  static constexpr int kRowSecond = 0x821;
  // Section 1 (clock and voltage): CRC of bytes 0..291 at [146]; newer format CRC of 0..317 at [159].
  static constexpr int kSection1OldCrc = 146;
  static constexpr int kSection1Crc = 159;
  // Section 2 (NPU programming, written at chip init): CRC of bytes 384..445 at [223].
  static constexpr int kSection2Crc = 223;
  static constexpr int kNameOffset = 198;  // first halfword of the 8-character map name

  // A plausible chip's trims (values of the shape logged by WitinProgramTool, npu.md §2.7) with
  // valid CRCs: 24 MHz OSC coarse/fine 5/18, 320 kHz 4/11, voltage trims unset (0xFFFF).
  static TrimImage synthetic();

  std::uint16_t word(int i) const { return words_.at(static_cast<std::size_t>(i)); }
  void setWord(int i, std::uint16_t v) { words_.at(static_cast<std::size_t>(i)) = v; }
  const std::array<std::uint16_t, kWords>& words() const { return words_; }

  // Recomputes the three CRC fields (after changing anything).
  void updateCrcs();
  // The value NPU_READ_TRIM returns: 2 * (section 1 bad) + (section 2 bad); 0 = both good.
  int crcStatus() const;
  // Stores an up-to-8-character name (map/name.txt) in section 2 and updates the CRCs.
  void setMapName(const std::string& name);
  std::string mapName() const;

  // The 32-bit word an array read of a trim row returns (row 0x820 -> words 0..63, 0x821 ->
  // 64..127; little-endian pairs of halfwords).
  std::uint32_t rowWord(int row, int index) const;

  bool operator==(const TrimImage& o) const { return words_ == o.words_; }

 private:
  std::uint16_t crcOfBytes(int first, int last) const;
  std::array<std::uint16_t, kWords> words_{};
};

// One programmed layer: the rectangle WitinProgramTool wrote (layers.txt: columns, input rows,
// bias rows, divisor G).
struct ProgrammedLayer {
  int columnStart = 0, columnEnd = 0, rowStart = 0, rowEnd = 0, biasStart = 0, biasEnd = 0, gain = 0;
  bool operator==(const ProgrammedLayer& o) const {
    return columnStart == o.columnStart && columnEnd == o.columnEnd && rowStart == o.rowStart && rowEnd == o.rowEnd &&
           biasStart == o.biasStart && biasEnd == o.biasEnd && gain == o.gain;
  }
  std::string describe() const;  // "rows 896..1695 cols 768..1023 bias 0..8 G 1024"
};

// How the cells were programmed: ideal, or with the seeded programming error / stuck cells of a
// NonIdealConfig (only its seed, programming and stuck parts matter here).
struct ProgrammingRecord {
  bool withError = false;
  std::uint64_t seed = 1;
  ProgrammingErrorConfig programming;
  StuckCellConfig stuck;
  std::string source;  // the --npu-weights folder
};

struct NpuFlashContent {
  TrimImage trims = TrimImage::synthetic();
  std::vector<ProgrammedLayer> layers;
  ProgrammingRecord programming;
};

// --npu-flash file: "WTMNPUFL" + version, programming record, layer table, trims, then the int16
// cells of the whole array (weight rows 0..1791, bias rows 0..15, 1024 columns each). Little-endian.
void saveNpuFlash(const std::string& path, const NpuFlashContent& content, const CrossbarArray& array);
// Throws InputError("path: cause") for a missing, truncated or foreign file or out-of-range cells.
void loadNpuFlash(const std::string& path, NpuFlashContent& content, CrossbarArray& array);

}  // namespace wtm::npu
