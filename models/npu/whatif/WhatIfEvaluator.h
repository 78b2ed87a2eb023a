// Runs every net of a mapper output end to end under a WhatIfConfig: each array round reads the
// regfile bytes earlier rounds wrote (the rest from its recorded input trace), computes its column
// sums with the configured programming error, stuck cells and per-evaluation noise law, converts
// them with the configured ADC (summing ADC codes digitally when a layer has to be split over
// several rounds because the array is smaller), and stores the LUT's output for the next round.
// The ideal configuration reproduces the mapper bit for bit.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "npu/whatif/WhatIfConfig.h"

namespace wtm::npu {

struct MapperOutput;

struct WhatIfLayer {
  std::string label;  // "net0 round2 (linear_3)"
  int net = 0;
  int rows = 0, columns = 0, gain = 0;
};

// How a layer maps onto an array of the configured geometry.
struct LayerFit {
  bool fits = true;  // in one round
  int rounds = 1;    // rounds needed (row chunks x column chunks)
};

// Inputs of the caller's own instead of the recorded ones: for each net (in MapperOutput order)
// frames x rows bytes for its first array layer; later layers read what earlier ones wrote (bytes
// no earlier layer writes read 0).
struct FrameInputs {
  std::size_t frames = 0;
  std::vector<std::vector<std::uint8_t>> perNet;
};

struct WhatIfRun {
  std::size_t frames = 0;  // the frames run
  // Per array layer (WhatIfEvaluator::layers() order): frames x columns pre-activation outputs.
  std::vector<std::vector<std::int8_t>> preActivation;
  // Per array layer: frames x columns bytes stored to the regfile (after the LUT, if any).
  std::vector<std::vector<std::uint8_t>> stored;
  std::vector<LayerFit> fits;
};

// How a run's stored outputs compare with the recorded layer_debug output traces.
struct RecordedAgreement {
  std::size_t compared = 0;  // values with a recording
  std::size_t equal = 0;
  std::size_t layersCompared = 0;
  bool exact() const { return compared > 0 && compared == equal; }
};

class WhatIfEvaluator {
 public:
  // Uses at most maxFrames recorded frames (0 = all). Throws wtm::InputError when the folder has
  // no recorded round inputs to drive the nets with.
  WhatIfEvaluator(const MapperOutput& model, std::size_t maxFrames = 0);
  ~WhatIfEvaluator();

  std::size_t frames() const;
  // The most frames any layer's recording holds: more than frames() when the recordings differ in
  // length (every run uses the first frames() of each).
  std::size_t longestRecording() const;
  const std::vector<WhatIfLayer>& layers() const;
  // Index of the last array layer of each net (the net's decision layer).
  std::vector<std::size_t> finalLayers() const;

  // Deterministic for (config, seed, inputs); independent of other calls and threads. Without
  // `inputs` the nets are driven by the recorded inputs. Throws InputError for inputs of the
  // wrong shape.
  WhatIfRun run(const WhatIfConfig& config, std::uint64_t seed, const FrameInputs* inputs = nullptr) const;
  // Rows of each net's first array layer (the shape FrameInputs wants).
  std::vector<int> netInputRows() const;
  // The recorded inputs of net `net`'s first array layer, frames() x rows.
  std::vector<std::uint8_t> recordedInputs(std::size_t net) const;
  // Compares with the recorded output traces (layers without one are skipped). The ideal
  // configuration must agree exactly: that is the check that the model is the mapper's.
  RecordedAgreement compareWithRecorded(const WhatIfRun& run) const;

 private:
  std::vector<std::size_t> firstLayers() const;  // index of each net's first array layer

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wtm::npu
