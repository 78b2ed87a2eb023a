// map/map.csv: one line per programmed cell, "col,row,value", no header; weight rows 0..1791,
// bias rows at physical rows 2049 + 2z (reference/mapper-formats.md §2.7).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "npu/CrossbarArray.h"

namespace wtm::npu {

struct MapCsv {
  std::string source;
  CrossbarArray array;              // listed cells set, all others 0
  std::vector<std::uint8_t> listed; // 1 where a cell was listed (CrossbarArray storage layout)
  std::size_t cellCount = 0;

  bool isListed(int storageRow, int column) const { return listed[std::size_t(storageRow) * kColumns + column] != 0; }

  // Throws InputError naming the line for malformed lines, cells outside the array, values
  // beyond ±275 and cells listed twice.
  static MapCsv load(const std::string& path);
  static MapCsv parse(const std::string& text, const std::string& path);
};

}  // namespace wtm::npu
