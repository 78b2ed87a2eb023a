#include "npu/mapper/LayerParams.h"

#include <algorithm>

#include "common/InputError.h"
#include "npu/ArrayGeometry.h"

namespace wtm::npu {

bool LayerParams::hasNonZeroBiasHigh() const {
  return std::any_of(biasHigh.values.begin(), biasHigh.values.end(), [](int v) { return v != 0; });
}

LayerParams LayerParams::load(const std::string& directory) {
  LayerParams p;
  p.directory = directory;
  const std::string weightPath = joinPath(directory, "weight.txt");
  p.weights = parseIntMatrix(readTextFile(weightPath), weightPath, -kMaxCellMagnitude, kMaxCellMagnitude);
  if (p.weights.rows == 0) throw InputError(weightPath, "no weights (empty file)");
  const std::string biasPath = joinPath(directory, "bias.txt");
  if (fileExists(biasPath)) {
    p.bias = parseIntMatrix(readTextFile(biasPath), biasPath, -kMaxCellMagnitude, kMaxCellMagnitude);
    if (p.bias.rows > 0 && p.bias.cols != p.weights.cols)
      throw InputError(biasPath, "has " + std::to_string(p.bias.cols) + " columns, weight.txt has " +
                                     std::to_string(p.weights.cols));
    if (p.bias.rows > std::size_t(kBiasRows))
      throw InputError(biasPath, std::to_string(p.bias.rows) + " bias rows, the array has 16");
  }
  const std::string highPath = joinPath(directory, "bias_high.txt");
  if (fileExists(highPath)) {
    p.biasHigh = parseIntMatrix(readTextFile(highPath), highPath, INT32_MIN, INT32_MAX);
    if (p.biasHigh.rows > 0 && p.biasHigh.cols != p.weights.cols)
      throw InputError(highPath, "has " + std::to_string(p.biasHigh.cols) + " columns, weight.txt has " +
                                     std::to_string(p.weights.cols));
  }
  return p;
}

}  // namespace wtm::npu
