// Switches and parameters of the non-ideal (analog) model. Every part can be turned off on its
// own; with all of them off the non-ideal pipeline reproduces the golden arithmetic exactly.
// Sources (reference/npu.md §4) and assumptions are stated next to each default and in
// docs/npu-model.md. All quantities are in integer LSBs of the mapper's units: weight codes for
// cells, ADC codes for the converter.
#pragma once
#include <cstdint>
#include <string>

namespace wtm::npu {

// σ = perWeight·|W| + floor, in weight LSBs: the form of witin_nn's NORMAL noise law.
struct CellNoiseLaw {
  double perWeight = 0.0;
  double floor = 0.0;
  double sigma(double weight) const { return perWeight * (weight < 0 ? -weight : weight) + floor; }
  // witin_nn NORMAL model at noise level L (1..9): k = 0.015605·L, b = 0.3145·L (npu.md §4.1).
  static CellNoiseLaw witinLevel(double level) { return {0.015605 * level, 0.3145 * level}; }
};

// Error left in each cell by programming; drawn once per cell when the array is programmed.
struct ProgrammingErrorConfig {
  bool enabled = true;
  // Source: witin_nn NORMAL law at its default level 4 (σ = 1.26 LSB at W = 0, 9.2 at |W| = 127),
  // in the range of the chip's measured 1.7..3.0 LSB per-column error std (npu.md §4.2).
  CellNoiseLaw law = CellNoiseLaw::witinLevel(4);
};

// Fluctuation of each cell's contribution on every evaluation. Drawn per output as one Gaussian
// with the summed variance Σ_i x_i²·σ_ij² (exact in distribution for independent cell noise).
struct ReadNoiseConfig {
  bool enabled = true;
  // ASSUMPTION: no source separates read noise from programming error; the default is the
  // witin_nn law at level 1 (a quarter of the programming default).
  CellNoiseLaw law = CellNoiseLaw::witinLevel(1);
};

// Cells that ignore programming (stuck at a fixed value). ASSUMPTION: no public failure data;
// off by default.
struct StuckCellConfig {
  double fraction = 0.0;  // probability per cell, drawn once at programming
  enum class Mode { Value, RandomExtreme } mode = Mode::Value;
  int value = 0;      // Mode::Value: every stuck cell reads this weight code
  int extreme = 127;  // Mode::RandomExtreme: stuck at +extreme or -extreme, equally likely
};

// Column converter applied to the column sum before the digital post-processing.
// code = clamp(trunc((acc·(1 + gain_j) + offset_j·step) / step)), step = 2·fullScale·G / 2^bits;
// y = round-half-up(code·step / G). With the defaults (10 bits, full scale ±128 output LSBs,
// no offset/gain) step = G/4 and this is exactly the golden trunc / (+2)>>2 / clamp.
// ASSUMPTION: the 10-bit default follows npu.md §1.2 (read path compared against ~10-bit codes);
// the chip's ADC resolution, range and errors are not published.
struct AdcConfig {
  int bits = 10;
  double fullScale = 128.0;     // ± full scale in output LSBs (multiples of G at the column)
  double offsetMean = 0.0;      // ADC LSBs, common to all columns
  double offsetSigma = 0.0;     // ADC LSBs, per column, drawn once
  double gainErrorMean = 0.0;   // relative (0.01 = +1 %), common to all columns
  double gainErrorSigma = 0.0;  // relative, per column, drawn once
};

struct NonIdealConfig {
  std::uint64_t seed = 1;
  ProgrammingErrorConfig programming;
  ReadNoiseConfig readNoise;
  StuckCellConfig stuck;
  AdcConfig adc;

  // All parts off: non-ideal pipeline == golden arithmetic.
  static NonIdealConfig allOff();
  // Throws std::invalid_argument naming the bad parameter (negative σ, bits outside 2..16...).
  void validate() const;
  // One line per part for reports: "programming: sigma = 0.06242*|W| + 1.258 LSB" ...
  std::string describe() const;
};

}  // namespace wtm::npu
