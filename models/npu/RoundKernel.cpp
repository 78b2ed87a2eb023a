#include "npu/RoundKernel.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "npu/AdcModel.h"
#include "npu/ArrayGeometry.h"
#include "npu/CrossbarArray.h"
#include "npu/Gemm.h"
#include "npu/GoldenArithmetic.h"
#include "npu/ProgrammedArray.h"
#include "npu/RandomSource.h"
#include "npu/RoundConfig.h"

namespace wtm::npu {

namespace {

using RowMatF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Frames per matrix product: large enough for GEMM efficiency, small enough that the scratch
// matrices stay in L2/L3.
constexpr std::size_t kChunkFrames = 512;
// float32 represents every integer of magnitude <= 2^24 exactly.
constexpr double kFloatExactLimit = 16777216.0;

// Golden post-processing of n float column sums, element-wise so it vectorises; exact because
// every value is an integer below 2^24 and the scalings are powers of two. __restrict because
// int8 stores may otherwise alias everything and block vectorisation.
void idealPostProcess(const float* __restrict acc, const float* __restrict bias, float invQuarter,
                      std::int8_t* __restrict out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const float t = std::trunc((acc[k] + bias[k]) * invQuarter);
    float y = std::floor((t + 2.0f) * 0.25f);
    y = std::min(127.0f, std::max(-128.0f, y));
    out[k] = static_cast<std::int8_t>(static_cast<int>(y));
  }
}

// The same post-processing on exact int32 column sums (acc + bias < 2^27 for any round), with
// the division by gain/4 = 2^shift done by shifts: add 2^shift - 1 to a negative sum so that the
// arithmetic shift truncates toward zero like the hardware's division, then floor((t + 2) / 4).
// Equal to postProcess (GoldenArithmetic.h); GCC and Clang shift signed values arithmetically.
void integerPostProcess(const std::int32_t* __restrict acc, const std::int32_t* __restrict bias, int shift,
                        std::int8_t* __restrict out, std::size_t n) {
  const std::int32_t roundUp = (std::int32_t(1) << shift) - 1;
  for (std::size_t k = 0; k < n; ++k) {
    const std::int32_t v = acc[k] + bias[k];
    const std::int32_t t = (v + ((v >> 31) & roundUp)) >> shift;
    const std::int32_t y = (t + 2) >> 2;
    out[k] = static_cast<std::int8_t>(std::min(127, std::max(-128, y)));
  }
}

int log2Exact(int powerOfTwo) {
  int shift = 0;
  while ((1 << shift) < powerOfTwo) ++shift;
  return shift;
}

// ADC and rounding of n noisy column sums (see AdcConfig); `noise` may be null.
void adcPostProcess(const float* __restrict acc, const float* __restrict bias, const float* __restrict noise,
                    const float* __restrict scale, const float* __restrict offset, float codeLo, float codeHi,
                    float codeToOutput, std::int8_t* __restrict out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    float v = acc[k] + bias[k];
    if (noise) v += noise[k];
    float code = std::trunc(v * scale[k] + offset[k]);
    code = std::min(codeHi, std::max(codeLo, code));
    float y = std::floor(code * codeToOutput + 0.5f);
    y = std::min(127.0f, std::max(-128.0f, y));
    out[k] = static_cast<std::int8_t>(static_cast<int>(y));
  }
}

}  // namespace

struct RoundKernel::Impl {
  int rows = 0;
  int columns = 0;
  int firstColumn = 0;
  bool nonIdeal = false;
  bool readNoise = false;
  const AdcModel* adc = nullptr;

  // Ideal rounds whose weights all fit int8 (the mapper's 8-bit weights), where the CPU sums
  // 8-bit products exactly: one u8 × s8 → s32 product serves every column (no float/wide split).
  bool integer = false;
  std::vector<std::int8_t> int8Weights;  // rows x columns, row-major
  std::vector<std::int32_t> intBiasSum;  // 128 · Σ_z B_zj
  mutable std::vector<std::int32_t> intAcc;

  // Columns (round-relative) on the float32 path and on the wide path.
  std::vector<int> floatColumns;
  std::vector<int> wideColumns;
  RowMatF floatWeights;         // rows x floatColumns.size()
  Eigen::MatrixXd wideWeights;  // rows x wideColumns.size()
  // 128 · Σ_z B_zj per round column: exact integers in ideal mode, programmed values otherwise.
  std::vector<double> biasSum;
  std::vector<float> floatBiasSum;  // biasSum of floatColumns[k], for the vectorised ideal path
  // Non-ideal: per-cell read-noise variance (rows x columns) and the bias rows' summed variance.
  RowMatF readVariance;
  std::vector<double> biasVariance;

  // Scratch reused between calls (the kernel is not thread-safe; use one per thread).
  mutable RowMatF x, floatAcc, x2, variance;
  mutable RowMatD xWide, wideAcc;
  mutable std::vector<float> normals, adcScale, adcOffset, floatBiasVariance;

  void splitColumns(const CrossbarArray& target, const RoundConfig& round) {
    for (int k = 0; k < columns; ++k) {
      const int col = round.columnStart + k;
      double bound = 0;
      for (int i = 0; i < rows; ++i) bound += std::abs(target.weight(round.rowStart + i, col));
      bound *= kMaxInput;
      for (int z = round.biasStart; z <= round.biasEnd; ++z)
        bound += double(kBiasInput) * std::abs(target.bias(z, col));
      (bound < kFloatExactLimit ? floatColumns : wideColumns).push_back(k);
    }
  }

  template <typename CellValue>
  void fillWeights(const RoundConfig& round, CellValue cell) {
    floatWeights.resize(rows, Eigen::Index(floatColumns.size()));
    wideWeights.resize(rows, Eigen::Index(wideColumns.size()));
    for (int i = 0; i < rows; ++i) {
      for (std::size_t k = 0; k < floatColumns.size(); ++k)
        floatWeights(i, Eigen::Index(k)) = float(cell(round.rowStart + i, round.columnStart + floatColumns[k]));
      for (std::size_t k = 0; k < wideColumns.size(); ++k)
        wideWeights(i, Eigen::Index(k)) = double(cell(round.rowStart + i, round.columnStart + wideColumns[k]));
    }
    biasSum.assign(columns, 0.0);
    for (int k = 0; k < columns; ++k)
      for (int z = round.biasStart; z <= round.biasEnd; ++z)
        biasSum[k] += double(kBiasInput) * double(cell(kInputRows + z, round.columnStart + k));
    floatBiasSum.resize(floatColumns.size());
    for (std::size_t k = 0; k < floatColumns.size(); ++k) floatBiasSum[k] = float(biasSum[floatColumns[k]]);
  }

  // Scratch matrices only grow (to the largest chunk seen) and chunks use their top rows: a
  // resize per chunk would reallocate (and page-fault) megabytes whenever chunk sizes differ.
  template <typename Matrix>
  static void ensureRows(Matrix& m, std::size_t frames, Eigen::Index cols) {
    if (m.rows() < Eigen::Index(frames) || m.cols() != cols) m.resize(Eigen::Index(frames), cols);
  }

  // Loads a chunk of input bytes into x (and xWide when needed).
  void loadInputs(const std::uint8_t* inputs, std::size_t frames, std::size_t stride) const {
    ensureRows(x, frames, rows);
    for (std::size_t f = 0; f < frames; ++f) {
      const std::uint8_t* src = inputs + f * stride;
      float* dst = x.row(Eigen::Index(f)).data();
      for (int i = 0; i < rows; ++i) dst[i] = float(src[i]);
    }
    if (!wideColumns.empty()) {
      ensureRows(xWide, frames, rows);
      xWide.topRows(Eigen::Index(frames)) = x.topRows(Eigen::Index(frames)).cast<double>();
    }
  }

  void multiply(std::size_t frames) const {
    const Eigen::Index n = Eigen::Index(frames);
    if (!floatColumns.empty()) {
      ensureRows(floatAcc, frames, floatWeights.cols());
      gemm::f32(x.data(), std::size_t(x.cols()), floatWeights.data(), std::size_t(floatWeights.cols()), floatAcc.data(),
                std::size_t(floatAcc.cols()), frames, std::size_t(floatWeights.cols()), std::size_t(rows));
    }
    if (!wideColumns.empty()) {
      ensureRows(wideAcc, frames, wideWeights.cols());
      wideAcc.topRows(n).noalias() = xWide.topRows(n) * wideWeights;
    }
  }

  // Takes the integer path when every weight of the round fits int8 and the CPU allows it.
  bool tryInteger(const CrossbarArray& array, const RoundConfig& round) {
    if (!gemm::exactInt8Available()) return false;
    std::vector<std::int8_t> w(std::size_t(rows) * std::size_t(columns));
    for (int i = 0; i < rows; ++i)
      for (int c = 0; c < columns; ++c) {
        const int v = array.weight(round.rowStart + i, round.columnStart + c);
        if (v < -128 || v > 127) return false;
        w[std::size_t(i) * std::size_t(columns) + std::size_t(c)] = static_cast<std::int8_t>(v);
      }
    int8Weights = std::move(w);
    intBiasSum.assign(std::size_t(columns), 0);
    for (int c = 0; c < columns; ++c)
      for (int z = round.biasStart; z <= round.biasEnd; ++z)
        intBiasSum[std::size_t(c)] += kBiasInput * array.bias(z, round.columnStart + c);
    integer = true;
    return true;
  }

  void runIntegerChunk(const std::uint8_t* inputs, std::size_t frames, std::size_t inputStride, std::int8_t* outputs,
                       std::size_t outputStride, int gain) const {
    const std::size_t cols = std::size_t(columns);
    if (intAcc.size() < frames * cols) intAcc.resize(frames * cols);
    gemm::u8s8(inputs, inputStride, int8Weights.data(), cols, intAcc.data(), cols, frames, cols, std::size_t(rows));
    const int shift = log2Exact(gain / 4);
    for (std::size_t f = 0; f < frames; ++f)
      integerPostProcess(&intAcc[f * cols], intBiasSum.data(), shift, outputs + f * outputStride, cols);
  }

  void runIdealChunk(std::size_t frames, std::int8_t* outputs, std::size_t outputStride, int gain) const {
    // Everything below is exact in float: integers < 2^24 and power-of-two scalings.
    const float invQuarter = 4.0f / float(gain);
    const bool identityMap = wideColumns.empty();
    const std::size_t nf = floatColumns.size();
    std::vector<std::int8_t> tmp(identityMap ? 0 : nf);
    for (std::size_t f = 0; f < frames; ++f) {
      const float* acc = floatAcc.row(Eigen::Index(f)).data();
      std::int8_t* out = outputs + f * outputStride;
      std::int8_t* dst = identityMap ? out : tmp.data();
      idealPostProcess(acc, floatBiasSum.data(), invQuarter, dst, nf);
      if (!identityMap) {
        for (std::size_t k = 0; k < nf; ++k) out[floatColumns[k]] = tmp[k];
        for (std::size_t k = 0; k < wideColumns.size(); ++k) {
          const int c = wideColumns[k];
          const auto acc64 = static_cast<std::int64_t>(std::llround(wideAcc(Eigen::Index(f), Eigen::Index(k)))) +
                             static_cast<std::int64_t>(biasSum[c]);
          out[c] = static_cast<std::int8_t>(postProcess(acc64, gain));
        }
      }
    }
  }

  void runNonIdealChunk(std::size_t frames, std::int8_t* outputs, std::size_t outputStride, int gain,
                        RandomSource* rng) const {
    if (readNoise) {
      const Eigen::Index n = Eigen::Index(frames);
      ensureRows(x2, frames, rows);
      ensureRows(variance, frames, columns);
      x2.topRows(n) = x.topRows(n).array().square().matrix();
      gemm::f32(x2.data(), std::size_t(x2.cols()), readVariance.data(), std::size_t(readVariance.cols()),
                variance.data(), std::size_t(variance.cols()), frames, std::size_t(columns), std::size_t(rows));
      // One N(0,1) per output, frame-major: the order is part of the seeded result.
      normals.resize(frames * std::size_t(columns));
      rng->fillNormal(normals.data(), normals.size());
    }
    // Per-call ADC constants (the step depends on G): code = trunc(v·scale + offset).
    const double step = adc->step(gain);
    const float codeLo = float(adc->minCode()), codeHi = float(adc->maxCode());
    const float codeToOutput = float(step / gain);
    const std::size_t nf = floatColumns.size();
    adcScale.resize(nf);
    adcOffset.resize(nf);
    for (std::size_t k = 0; k < nf; ++k) {
      const int col = firstColumn + floatColumns[k];
      adcScale[k] = float((1.0 + adc->gainError(col)) / step);
      adcOffset[k] = float(adc->offset(col));
    }
    if (readNoise) {
      floatBiasVariance.resize(nf);
      for (std::size_t k = 0; k < nf; ++k) floatBiasVariance[k] = float(biasVariance[floatColumns[k]]);
    }
    const bool identityMap = wideColumns.empty();
    std::vector<std::int8_t> tmp(identityMap ? 0 : nf);
    std::vector<float> noise(readNoise ? nf : 0);
    for (std::size_t f = 0; f < frames; ++f) {
      const Eigen::Index row = Eigen::Index(f);
      const float* acc = floatAcc.row(row).data();
      std::int8_t* out = outputs + f * outputStride;
      std::int8_t* dst = identityMap ? out : tmp.data();
      const float* n = readNoise ? &normals[f * std::size_t(columns)] : nullptr;
      const float* var = readNoise ? variance.row(row).data() : nullptr;
      if (readNoise) {
        // Gather this frame's normals in float-column order (identity when no wide columns).
        for (std::size_t k = 0; k < nf; ++k) noise[k] = identityMap ? n[k] : n[floatColumns[k]];
        for (std::size_t k = 0; k < nf; ++k)
          noise[k] *= std::sqrt(var[identityMap ? k : std::size_t(floatColumns[k])] + floatBiasVariance[k]);
      }
      adcPostProcess(acc, floatBiasSum.data(), readNoise ? noise.data() : nullptr, adcScale.data(), adcOffset.data(),
                     codeLo, codeHi, codeToOutput, dst, nf);
      if (identityMap) continue;
      for (std::size_t k = 0; k < nf; ++k) out[floatColumns[k]] = tmp[k];
      // Wide columns: double precision, same transfer function (AdcModel::convert).
      for (std::size_t k = 0; k < wideColumns.size(); ++k) {
        const int c = wideColumns[k];
        double v = wideAcc(row, Eigen::Index(k)) + biasSum[c];
        if (readNoise) v += std::sqrt(double(var[c]) + biasVariance[c]) * double(n[c]);
        out[c] = static_cast<std::int8_t>(adc->convert(v, firstColumn + c, gain));
      }
    }
  }
};

RoundKernel::RoundKernel(const CrossbarArray& array, const RoundConfig& round) : impl_(std::make_unique<Impl>()) {
  if (!round.problems().empty()) throw std::invalid_argument("round not runnable: " + round.problems().front());
  Impl& k = *impl_;
  k.rows = round.rows();
  k.columns = round.columns();
  k.firstColumn = round.columnStart;
  if (k.tryInteger(array, round)) return;
  k.splitColumns(array, round);
  k.fillWeights(round, [&](int storageRow, int col) -> double {
    return storageRow < kInputRows ? array.weight(storageRow, col) : array.bias(storageRow - kInputRows, col);
  });
}

RoundKernel::RoundKernel(const CrossbarArray& target, const ProgrammedArray& programmed, const AdcModel& adc,
                         const RoundConfig& round)
    : impl_(std::make_unique<Impl>()) {
  if (!round.problems().empty()) throw std::invalid_argument("round not runnable: " + round.problems().front());
  Impl& k = *impl_;
  k.rows = round.rows();
  k.columns = round.columns();
  k.firstColumn = round.columnStart;
  k.nonIdeal = true;
  k.adc = &adc;
  k.readNoise = programmed.config().readNoise.enabled;
  k.splitColumns(target, round);
  k.fillWeights(round, [&](int storageRow, int col) -> double { return programmed.value(storageRow, col); });
  if (k.readNoise) {
    k.readVariance.resize(k.rows, k.columns);
    for (int i = 0; i < k.rows; ++i)
      for (int c = 0; c < k.columns; ++c)
        k.readVariance(i, c) = programmed.readVariance(round.rowStart + i, round.columnStart + c);
    k.biasVariance.assign(k.columns, 0.0);
    for (int c = 0; c < k.columns; ++c)
      for (int z = round.biasStart; z <= round.biasEnd; ++z)
        k.biasVariance[c] +=
            double(kBiasInput) * kBiasInput * programmed.readVariance(kInputRows + z, round.columnStart + c);
  }
}

RoundKernel::~RoundKernel() = default;
RoundKernel::RoundKernel(RoundKernel&&) noexcept = default;
RoundKernel& RoundKernel::operator=(RoundKernel&&) noexcept = default;

int RoundKernel::rows() const { return impl_->rows; }
int RoundKernel::columns() const { return impl_->columns; }
int RoundKernel::wideColumns() const { return int(impl_->wideColumns.size()); }
bool RoundKernel::isNonIdeal() const { return impl_->nonIdeal; }
bool RoundKernel::integerProduct() const { return impl_->integer; }

void RoundKernel::run(const std::uint8_t* inputs, std::size_t frames, std::size_t inputStride, std::int8_t* outputs,
                      std::size_t outputStride, int gain, RandomSource* readNoise) const {
  const Impl& k = *impl_;
  if (gain < 4 || (gain & (gain - 1)) != 0) throw std::invalid_argument("gain must be a power of two >= 4");
  if (k.nonIdeal && k.readNoise && readNoise == nullptr)
    throw std::invalid_argument("non-ideal kernel with read noise needs a random source");
  for (std::size_t first = 0; first < frames; first += kChunkFrames) {
    const std::size_t n = std::min(kChunkFrames, frames - first);
    if (k.integer) {
      k.runIntegerChunk(inputs + first * inputStride, n, inputStride, outputs + first * outputStride, outputStride,
                        gain);
      continue;
    }
    k.loadInputs(inputs + first * inputStride, n, inputStride);
    k.multiply(n);
    if (k.nonIdeal) k.runNonIdealChunk(n, outputs + first * outputStride, outputStride, gain, readNoise);
    else k.runIdealChunk(n, outputs + first * outputStride, outputStride, gain);
  }
}

}  // namespace wtm::npu
