// One point of an architecture what-if study: every knob the NPU model exposes, starting from the
// ideal configuration (a knob left at its default changes nothing, so the default point is
// bit-exact with the mapper). Used by wtm-sweep.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wtm::npu {

// Noise drawn on every evaluation (read noise), by the laws of witin_nn's noise models
// (reference/npu.md §4.1), or a constant per-cell sigma.
enum class EvalNoiseModel { None, Normal, Simple, Mbs, Sigma };

const char* evalNoiseModelName(EvalNoiseModel m);
EvalNoiseModel parseEvalNoiseModel(const std::string& name);  // throws std::invalid_argument

struct WhatIfConfig {
  // Per-evaluation noise: the model and its level (witin_nn levels; 0 = off) or sigma (LSB).
  EvalNoiseModel noiseModel = EvalNoiseModel::None;
  double noiseLevel = 0.0;
  double sigma = 0.0;
  // Programming error, fixed per cell for a seed: witin_nn NORMAL law at this level (0 = off).
  double programmingLevel = 0.0;
  // Column converter (AdcConfig of the what-if model).
  int adcBits = 10;
  double adcFullScale = 128.0;
  double adcOffset = 0.0, adcOffsetSigma = 0.0, adcGain = 0.0, adcGainSigma = 0.0;
  // Digital/array settings: 0 = the mapper's own value.
  int gain = 0;            // replaces every round's G
  int inputBits = 8;       // inputs truncated to this many most significant bits
  double stuckRate = 0.0;  // fraction of cells stuck at 0
  // Array geometry (0 = the WTM2101's: 1792 rows, 1024 columns, none reserved).
  int rows = 0, columns = 0, reservedColumns = 0;

  void validate() const;  // throws std::invalid_argument naming the knob
  bool isIdeal() const;
  // True when the seed matters (some noise, spread or stuck-cell draw is on).
  bool isRandom() const;
  // Canonical text of every knob ("model=none level=0 ...") identifying the point.
  std::string key() const;
};

}  // namespace wtm::npu
