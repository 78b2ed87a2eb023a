#include "EvalNoise.h"

#include <cmath>

#include "npu/NonIdealConfig.h"

namespace wtm::npu {

namespace {
// witin_nn constants (reference/npu.md §4.1).
constexpr double kSimpleInputSlope = 0.021, kSimpleInputFloor = 1.0;
constexpr double kSimpleWeightSlope = 0.035, kSimpleWeightFloor = 0.57;
constexpr double kSimpleRowCommon = 0.7125;  // wstd_time 2.85 x 0.25, shared by a row's columns
constexpr double kSimpleBiasRatio = 2.6;     // bstd_ratio
constexpr double kSimpleOutput = 0.25;       // ystd 1 x 0.25, in output LSB
constexpr double kMbsFloor = 1.00665;
constexpr double kMbsActiveScale = 0.4, kMbsIdleSigma = 0.2;
constexpr double kMbsBiasSlope = 0.05867, kMbsBiasActive = 1.95, kMbsBiasIdle = 0.6;
constexpr double kMbsOutput = 0.9;    // output LSB
constexpr double kBiasInput = 128.0;  // bias rows are driven with 128
}  // namespace

double EvalNoise::mbsSlope(double x) {
  return x < 128 ? -3.6823e-6 * x * x + 7.5374e-4 * x + 0.0082169 : 1.0488e-5 * x * x - 3.0926e-3 * x + 0.28270;
}

void EvalNoise::addGaussian(Matrix& acc, const Matrix& variance, RandomSource& rng) const {
  for (Eigen::Index f = 0; f < acc.rows(); ++f)
    for (Eigen::Index j = 0; j < acc.cols(); ++j) {
      const double v = variance(f, j);
      const double n = rng.normal();  // drawn for every output so the stream never shifts
      if (v > 0) acc(f, j) += std::sqrt(v) * n;
    }
}

void EvalNoise::apply(Matrix& acc, const MatrixRef& X, const MatrixRef& W, const MatrixRef& Wp, const MatrixRef& B,
                      int G, RandomSource& rng) const {
  const double level = config_.noiseLevel;
  switch (config_.noiseModel) {
    case EvalNoiseModel::None: return;
    case EvalNoiseModel::Normal: {
      if (level <= 0) return;
      const CellNoiseLaw law = CellNoiseLaw::witinLevel(level);
      const Matrix s2 = W.unaryExpr([&](double w) { return std::pow(law.sigma(w), 2); });
      Matrix var = X.array().square().matrix() * s2;
      if (B.rows() > 0) {
        const Eigen::RowVectorXd b2 = B.unaryExpr([&](double b) { return std::pow(law.sigma(b), 2); }).colwise().sum();
        var.rowwise() += kBiasInput * kBiasInput * b2;
      }
      addGaussian(acc, var, rng);
      return;
    }
    case EvalNoiseModel::Sigma: {
      const double s2 = config_.sigma * config_.sigma;
      if (s2 <= 0) return;
      Eigen::VectorXd perFrame = X.array().square().rowwise().sum().matrix() * s2;
      Matrix var(acc.rows(), acc.cols());
      var.colwise() = perFrame;
      var.array() += kBiasInput * kBiasInput * double(B.rows()) * s2;
      addGaussian(acc, var, rng);
      return;
    }
    case EvalNoiseModel::Simple: {
      const double s = level / 4.0;  // level L scales every term by L/4
      if (s <= 0) return;
      // Input noise, shared by all columns: (x + dx) W' - x W' = dx W'.
      Matrix dx(X.rows(), X.cols());
      for (Eigen::Index f = 0; f < X.rows(); ++f)
        for (Eigen::Index i = 0; i < X.cols(); ++i)
          dx(f, i) = (kSimpleInputSlope * std::abs(X(f, i)) + kSimpleInputFloor) * s * rng.normal();
      acc += dx * Wp;
      // Per-row common weight term: one draw per frame and row, the same for every column.
      for (Eigen::Index f = 0; f < X.rows(); ++f) {
        double common = 0;
        for (Eigen::Index i = 0; i < X.cols(); ++i) common += X(f, i) * kSimpleRowCommon * s * rng.normal();
        acc.row(f).array() += common;
      }
      // Independent per-cell term and bias rows.
      const Matrix s2 = W.unaryExpr(
          [&](double w) { return std::pow((kSimpleWeightSlope * std::abs(w) + kSimpleWeightFloor) * s, 2); });
      Matrix var = X.array().square().matrix() * s2;
      if (B.rows() > 0) {
        const Eigen::RowVectorXd b2 =
            B.unaryExpr([&](double b) {
               return std::pow(kSimpleBiasRatio * (kSimpleWeightSlope * std::abs(b) + kSimpleWeightFloor) * s, 2);
             })
                .colwise()
                .sum();
        var.rowwise() += kBiasInput * kBiasInput * b2;
      }
      // Output noise after the division by G: in column-sum units, times G.
      var.array() += std::pow(kSimpleOutput * s * G, 2);
      addGaussian(acc, var, rng);
      return;
    }
    case EvalNoiseModel::Mbs: {
      const double ns = level / 4.0;  // NS = 1 at level 4
      if (ns <= 0) return;
      // Each product x_i w_ij / 128 carries N(0, sigma_ij NS); summed over rows x 128:
      // var = 128^2 NS^2 sum_i sigma_ij^2 with sigma = 0.4 (k(x)|w| + b) where x w != 0, else 0.2.
      const Matrix active = X.unaryExpr([](double x) { return x != 0 ? 1.0 : 0.0; });
      const Matrix k1 = X.unaryExpr([](double x) { return x != 0 ? mbsSlope(x) : 0.0; });
      const Matrix k2 = k1.array().square().matrix();
      const Matrix wAbs = W.cwiseAbs();
      const Matrix wSq = W.array().square().matrix();
      const Matrix wNonZero = W.unaryExpr([](double w) { return w != 0 ? 1.0 : 0.0; });
      const Matrix both = active * wNonZero;  // count of rows with x w != 0, per frame and column
      const double a2 = kMbsActiveScale * kMbsActiveScale;
      Matrix sumSigma2 = a2 * (k2 * wSq + 2.0 * kMbsFloor * (k1 * wAbs) + kMbsFloor * kMbsFloor * both);
      sumSigma2.array() += kMbsIdleSigma * kMbsIdleSigma * (double(X.cols()) - both.array());
      Matrix var = (128.0 * 128.0 * ns * ns) * sumSigma2;
      if (B.rows() > 0) {
        const Eigen::RowVectorXd b2 = B.unaryExpr([](double b) {
                                         const double sigma = (kMbsBiasSlope * std::abs(b) + kMbsFloor) *
                                                              (b != 0 ? kMbsBiasActive : kMbsBiasIdle);
                                         return sigma * sigma;
                                       })
                                          .colwise()
                                          .sum();
        var.rowwise() += (128.0 * 128.0 * ns * ns) * b2;
      }
      var.array() += std::pow(kMbsOutput * ns * G, 2);
      addGaussian(acc, var, rng);
      return;
    }
  }
}

}  // namespace wtm::npu
