// Runs the model against a mapper output folder's golden data and compares value by value:
//  - layer_debug: every array round on its recorded input0, against its recorded output0;
//  - chained: each net end to end on a batch of regfile images, every round reading what the
//    model itself wrote (bytes no round wrote, e.g. the net input, come from the recording);
//  - expected: map/expected_in.bin -> pre-activation outputs vs map/expected_out.bin;
//  - blob: the compensation samples inside the register blob (2 frames per round).
// In non-ideal mode the same comparisons yield error statistics instead of a pass/fail.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "npu/ErrorStats.h"
#include "npu/NonIdealConfig.h"

namespace wtm::npu {

struct MapperOutput;

enum class RegressionMode { LayerDebug, Chained, Expected, Blob };
const char* regressionModeName(RegressionMode mode);

struct RegressionOptions {
  bool layerDebug = true;
  bool chained = true;
  bool expected = true;
  bool blob = true;
  std::size_t maxFrames = 0;  // 0 = every recorded frame
  std::optional<NonIdealConfig> nonIdeal;
};

struct LayerComparison {
  RegressionMode mode = RegressionMode::LayerDebug;
  int net = 0;
  int round = 0;
  std::string layer;
  std::size_t frames = 0;
  std::size_t width = 0;
  ErrorStats stats;
  bool skipped = false;
  std::string note;  // why it was skipped, or how its inputs were fed

  // Skipped before any value was compared (the note says why).
  bool comparedNothing() const { return skipped && stats.total() == 0; }
};

struct RegressionReport {
  std::string directory;
  bool nonIdeal = false;
  std::string nonIdealDescription;
  std::vector<LayerComparison> comparisons;
  std::vector<std::string> disagreements;
  std::vector<std::string> notes;
  double seconds = 0;

  ErrorStats total() const;
  ErrorStats total(RegressionMode mode) const;
  std::size_t comparedCount() const;
  // Comparisons that compared nothing (golden data missing or not comparable; the note says why).
  std::size_t skippedCount() const;
  // At least one value compared and every compared value exact.
  bool allExact() const;
};

// Called after each comparison step with (steps done, steps total, what was just done).
using ProgressCallback = std::function<void(std::size_t, std::size_t, const std::string&)>;

// Throws InputError for unreadable/corrupt trace or bin files, std::invalid_argument for a bad
// non-ideal configuration.
RegressionReport runGoldenRegression(const MapperOutput& output, const RegressionOptions& options,
                                     const ProgressCallback& progress = {});

}  // namespace wtm::npu
