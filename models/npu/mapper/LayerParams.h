// params/net<n>/layer<k>/: the cell values of one weight matrix (reference/mapper-formats.md
// §2.6): weight.txt (in_dim lines = physical array rows x out_dim), bias.txt (one line per bias
// row used), bias_high.txt (1 line x out_dim, zero in every shipped case; semantics unknown).
#pragma once
#include <string>

#include "npu/mapper/TextFile.h"

namespace wtm::npu {

struct LayerParams {
  std::string directory;
  IntMatrix weights;   // rows x columns
  IntMatrix bias;      // bias rows x columns (may have 0 rows when bias.txt is absent)
  IntMatrix biasHigh;  // 1 x columns, or empty when the file is absent
  bool hasNonZeroBiasHigh() const;

  // Reads the three files; weight.txt is required. Values must be within ±275 and the column
  // counts must agree between the files. Throws InputError naming the offending file.
  static LayerParams load(const std::string& directory);
};

}  // namespace wtm::npu
