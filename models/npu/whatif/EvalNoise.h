// Noise drawn on every evaluation of a round, by one of witin_nn's laws (reference/npu.md §4.1)
// or a constant per-cell sigma, added to a batch of column sums. Independent per-cell terms are
// drawn as one Gaussian per output with the summed variance (exact in distribution); terms
// shared across columns (SIMPLE's input noise and per-row term) are drawn per frame and row.
// Private to the what-if evaluator (Eigen types).
#pragma once
#include <Eigen/Dense>

#include "npu/RandomSource.h"
#include "npu/whatif/WhatIfConfig.h"

namespace wtm::npu {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixRef = Eigen::Ref<const Matrix>;

class EvalNoise {
 public:
  explicit EvalNoise(const WhatIfConfig& config) : config_(config) {}

  // acc (frames x columns) += noise of one ADC read of the rows whose inputs are X (frames x n),
  // target weights W and programmed weights Wp (n x columns), target bias rows B (may be empty)
  // at gain G.
  void apply(Matrix& acc, const MatrixRef& X, const MatrixRef& W, const MatrixRef& Wp, const MatrixRef& B, int G,
             RandomSource& rng) const;

  // MBS law's input-dependent slope k(x) (npu.md §4.1).
  static double mbsSlope(double x);

 private:
  void addGaussian(Matrix& acc, const Matrix& variance, RandomSource& rng) const;
  WhatIfConfig config_;
};

}  // namespace wtm::npu
