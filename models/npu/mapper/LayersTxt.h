// map/layers.txt: one line per weight matrix (all nets, in order):
// col_start, col_end, row_start, row_end, bias_z_start, bias_z_end, G
// (reference/mapper-formats.md §2.7).
#pragma once
#include <string>
#include <vector>

namespace wtm::npu {

struct LayerPlacement {
  std::size_t line = 0;
  int columnStart = 0, columnEnd = 0;
  int rowStart = 0, rowEnd = 0;
  int biasStart = 0, biasEnd = 0;
  int gain = 0;
};

struct LayersTxt {
  std::string source;
  std::vector<LayerPlacement> layers;

  // Ranges are checked against the array (columns 0..1023, rows 0..1791, bias 0..15) and G must
  // be a power of two 256..32768; violations throw InputError naming the line.
  static LayersTxt load(const std::string& path);
  static LayersTxt parse(const std::string& text, const std::string& path);
};

}  // namespace wtm::npu
