// What the cells hold after an imperfect programming pass: the target value plus a programming
// error drawn once per cell, stuck cells replaced by their stuck value, and each cell's read-noise
// variance. Built from a CrossbarArray and a NonIdealConfig; deterministic for a given seed
// (every cell of the array draws in a fixed order, whatever rounds are later run).
#pragma once
#include <cstdint>
#include <vector>

#include "npu/CrossbarArray.h"
#include "npu/NonIdealConfig.h"

namespace wtm::npu {

class ProgrammedArray {
 public:
  ProgrammedArray(const CrossbarArray& target, const NonIdealConfig& config);

  // Same storage layout as CrossbarArray (bias row z at storage row kInputRows + z).
  float value(int storageRow, int column) const { return values_[index(storageRow, column)]; }
  float readVariance(int storageRow, int column) const { return readVariance_[index(storageRow, column)]; }
  bool isStuck(int storageRow, int column) const { return !stuck_.empty() && stuck_[index(storageRow, column)] != 0; }
  std::size_t stuckCount() const { return stuckCount_; }

  const NonIdealConfig& config() const { return config_; }
  // Generation of the target array this was programmed from.
  std::uint64_t targetGeneration() const { return targetGeneration_; }

 private:
  static std::size_t index(int storageRow, int column) { return std::size_t(storageRow) * kColumns + column; }
  NonIdealConfig config_;
  std::uint64_t targetGeneration_;
  std::vector<float> values_;
  std::vector<float> readVariance_;
  std::vector<std::uint8_t> stuck_;
  std::size_t stuckCount_ = 0;
};

}  // namespace wtm::npu
