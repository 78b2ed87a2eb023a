#include "npu/GoldenArithmetic.h"

#include "npu/ArrayGeometry.h"
#include "npu/CrossbarArray.h"
#include "npu/RoundConfig.h"

namespace wtm::npu {

std::int64_t referenceColumnSum(const CrossbarArray& array, const RoundConfig& round, const std::uint8_t* inputs,
                                int column) {
  std::int64_t acc = 0;
  for (int i = 0; i < round.rows(); ++i) acc += std::int64_t(inputs[i]) * array.weight(round.rowStart + i, column);
  for (int z = round.biasStart; z <= round.biasEnd; ++z) acc += std::int64_t(kBiasInput) * array.bias(z, column);
  return acc;
}

}  // namespace wtm::npu
