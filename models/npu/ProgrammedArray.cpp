#include "npu/ProgrammedArray.h"

#include "npu/RandomSource.h"

namespace wtm::npu {

ProgrammedArray::ProgrammedArray(const CrossbarArray& target, const NonIdealConfig& config)
    : config_(config), targetGeneration_(target.generation()) {
  config_.validate();
  const std::size_t cells = std::size_t(CrossbarArray::kStorageRows) * kColumns;
  values_.resize(cells);
  readVariance_.assign(cells, 0.0f);

  // Stuck cells first: a stuck cell's value does not depend on its target or programming error.
  if (config_.stuck.fraction > 0.0) {
    stuck_.assign(cells, 0);
    RandomSource rng = RandomSource::derive(config_.seed, stream::kStuckCells);
    for (std::size_t i = 0; i < cells; ++i) {
      const bool isStuck = rng.uniform() < config_.stuck.fraction;
      // Always draw the sign so the stuck pattern does not depend on the mode.
      const bool positive = rng.uniform() < 0.5;
      if (!isStuck) continue;
      stuck_[i] = positive ? 1 : 2;
      ++stuckCount_;
    }
  }

  RandomSource programming = RandomSource::derive(config_.seed, stream::kProgramming);
  for (int row = 0; row < CrossbarArray::kStorageRows; ++row) {
    const std::int16_t* targetRow = target.rowData(row);
    for (int col = 0; col < kColumns; ++col) {
      const std::size_t i = index(row, col);
      double v = targetRow[col];
      if (config_.programming.enabled) v += config_.programming.law.sigma(v) * programming.normal();
      if (!stuck_.empty() && stuck_[i]) {
        if (config_.stuck.mode == StuckCellConfig::Mode::Value) v = config_.stuck.value;
        else v = stuck_[i] == 1 ? config_.stuck.extreme : -config_.stuck.extreme;
      }
      values_[i] = static_cast<float>(v);
      if (config_.readNoise.enabled) {
        const double s = config_.readNoise.law.sigma(v);
        readVariance_[i] = static_cast<float>(s * s);
      }
    }
  }
}

}  // namespace wtm::npu
