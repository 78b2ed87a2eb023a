// map/map.csv: one line per programmed cell, "col,row,value", no header; weight rows 0..1791,
// bias rows at physical rows 2049 + 2z (reference/mapper-formats.md §2.7).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "npu/CrossbarArray.h"

namespace wtm::npu {

struct MapCsv {
  // A listed cell in CrossbarArray storage addressing (bias row z at kInputRows + z).
  struct Cell {
    int storageRow;
    int column;
    int value;
  };

  std::string source;
  // The listed cells, each once, in storage order (row-major). Sparse: what the loader holds
  // grows with the file, not with the 1808 x 1024 array (callers that want the whole array
  // build it with toArray() / programInto()).
  std::vector<Cell> cells;
  std::size_t cellCount = 0;

  bool isListed(int storageRow, int column) const;
  // The array with the listed cells set, all others 0.
  CrossbarArray toArray() const;
  // Clears `array` and sets the listed cells (storage order).
  void programInto(CrossbarArray& array) const;

  // Throws InputError naming the line for malformed lines, cells outside the array, values
  // beyond ±275 and cells listed twice.
  static MapCsv load(const std::string& path);
  static MapCsv parse(const std::string& text, const std::string& path);
};

}  // namespace wtm::npu
