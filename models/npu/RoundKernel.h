// One round's array region compiled for fast batched evaluation: the weights of the round's
// rows x columns extracted into GEMM-ready matrices, so N frames cost one matrix product.
//
// Ideal kernels are exact. Where every weight fits int8 (the mapper's 8-bit weights) and the CPU
// has 8-bit dot products (VNNI), one u8 × s8 → s32 product (Gemm.h). Otherwise float32 GEMM,
// exact for integer data while every partial sum stays below 2^24, so each column's bound
// 255·Σ|W_ij| + 128·Σ|B_zj| is checked when the kernel is built; columns that fail it take a
// double-precision path (exact to 2^53).
// Non-ideal kernels use the programmed (noisy) cell values, add read noise as one Gaussian per
// output with the summed variance Σ x_i²·σ_ij² (a second matrix product), and pass the column
// sums through the AdcModel.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>

namespace wtm::npu {

class CrossbarArray;
class ProgrammedArray;
class AdcModel;
class RandomSource;
struct RoundConfig;

class RoundKernel {
 public:
  // Ideal kernel over the target values.
  RoundKernel(const CrossbarArray& array, const RoundConfig& round);
  // Non-ideal kernel. `adc` must outlive the kernel. The exact/wide column split is taken from
  // `target` so that with every non-ideality off the result is still bit-exact.
  RoundKernel(const CrossbarArray& target, const ProgrammedArray& programmed, const AdcModel& adc,
              const RoundConfig& round);
  ~RoundKernel();
  RoundKernel(RoundKernel&&) noexcept;
  RoundKernel& operator=(RoundKernel&&) noexcept;

  int rows() const;
  int columns() const;
  // Columns whose bound does not fit float32 and use the wide path.
  int wideColumns() const;
  bool isNonIdeal() const;
  // Whether this (ideal) kernel runs as one exact 8-bit integer product.
  bool integerProduct() const;

  // Pre-activation outputs for `frames` frames: frame f reads rows() bytes at
  // inputs + f*inputStride and writes columns() int8 values at outputs + f*outputStride.
  // `readNoise` is required for a non-ideal kernel with read noise on, ignored otherwise.
  void run(const std::uint8_t* inputs, std::size_t frames, std::size_t inputStride, std::int8_t* outputs,
           std::size_t outputStride, int gain, RandomSource* readNoise) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wtm::npu
