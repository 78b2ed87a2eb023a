// The mapper's bit-exact integer post-processing of a column sum (reference/mapper-formats.md
// §3.1, 100 % of every shipped trace value):
//   t = acc / (G/4) truncated toward zero;  y = (t + 2) >> 2 (arithmetic);  clamp to -128..127.
// Scalar reference versions live here; RoundKernel has the vectorised equivalents and the tests
// hold the two against each other.
#pragma once
#include <cstdint>

namespace wtm::npu {

// G = 256 << code for the 3-bit G code of the round record (observed 256..8192).
constexpr int gainFromCode(int code) { return 256 << code; }

// Pre-activation output of one column: the signed byte the LUT is then indexed with.
constexpr int postProcess(std::int64_t acc, int gain) {
  const std::int64_t quarter = gain / 4;
  const std::int64_t t = acc / quarter;  // C++ division truncates toward zero, as the hardware does
  // (t + 2) >> 2 as an arithmetic shift, i.e. floor((t + 2) / 4); written as a floor division
  // because right-shifting a negative value is implementation-defined before C++20.
  const std::int64_t s = t + 2;
  std::int64_t y = s >= 0 ? s / 4 : -((-s + 3) / 4);
  if (y < -128) y = -128;
  if (y > 127) y = 127;
  return static_cast<int>(y);
}

// Column sum of one round for one frame, by definition: Σ_i x_i·W_ij + 128·Σ_z B_zj.
// The slow but obviously right version, for tests and single-frame use.
class CrossbarArray;
struct RoundConfig;
std::int64_t referenceColumnSum(const CrossbarArray& array, const RoundConfig& round, const std::uint8_t* inputs,
                                int column);

}  // namespace wtm::npu
