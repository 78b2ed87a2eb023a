// The programming target of the crossbar: the integer value the mapper asked for in every cell
// (1792 input rows + 16 bias rows, 1024 columns). What the cells actually hold after an imperfect
// programming pass is ProgrammedArray's job; this class is the ideal picture both start from.
#pragma once
#include <cstdint>
#include <vector>

#include "npu/ArrayGeometry.h"

namespace wtm::npu {

class CrossbarArray {
 public:
  CrossbarArray();

  // Logical addressing: weight rows 0..1791, bias rows z 0..15, columns 0..1023.
  // Out-of-range indices or values throw std::out_of_range (a caller bug or a bad file the
  // caller forgot to check; loaders check first and report the file).
  int weight(int row, int column) const;
  void setWeight(int row, int column, int value);
  int bias(int z, int column) const;
  void setBias(int z, int column, int value);

  // map.csv addressing: physical rows 0..1791 are weight rows, 2049 + 2z are bias rows.
  static bool isValidPhysicalRow(int physicalRow);
  int physicalCell(int physicalRow, int column) const;
  void setPhysicalCell(int physicalRow, int column, int value);

  void clear();
  // Incremented by every write, so compiled round kernels can tell they are stale.
  std::uint64_t generation() const { return generation_; }

  // Raw storage, row-major over (kInputRows + kBiasRows) x kColumns; bias row z is stored at
  // row kInputRows + z. For fast extraction by the round kernels.
  const std::int16_t* rowData(int storageRow) const;
  static constexpr int kStorageRows = kInputRows + kBiasRows;

  bool operator==(const CrossbarArray& other) const;

 private:
  static void checkValue(int value);
  std::int16_t& cell(std::size_t index);
  // Empty until the first write: an array that stays blank (a loader that fails early, a folder
  // that programs nothing) never pays for its 3.7 MB.
  std::vector<std::int16_t> cells_;
  std::uint64_t generation_ = 0;
};

}  // namespace wtm::npu
