// The NPU's numeric core as one object: the programmed array, the two LUT slots, ideal or
// non-ideal evaluation and a cache of compiled round kernels. The SystemC register front end
// drives it one frame at a time; wtm-regress and the benches drive it with batches of frames.
// No SystemC and no file formats here.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <tuple>

#include "npu/ActivationLut.h"
#include "npu/AdcModel.h"
#include "npu/CrossbarArray.h"
#include "npu/NonIdealConfig.h"
#include "npu/ProgrammedArray.h"
#include "npu/RandomSource.h"
#include "npu/RoundConfig.h"
#include "npu/RoundKernel.h"

namespace wtm::npu {

class NpuCore {
 public:
  NpuCore();

  // The programming target. Writing cells is allowed at any time; kernels (and, in non-ideal
  // mode, the programmed cell values) are rebuilt on the next evaluation.
  CrossbarArray& array() { return array_; }
  const CrossbarArray& array() const { return array_; }

  void setLut(LutSelect slot, const ActivationLut& table);
  const ActivationLut& lut(LutSelect slot) const;

  // Ideal (bit-exact golden) evaluation; the default.
  void useIdeal();
  // Non-ideal evaluation: draws programming error/stuck cells/ADC mismatch from config.seed now
  // and restarts the read-noise stream. Throws std::invalid_argument for a bad config.
  void useNonIdeal(const NonIdealConfig& config);
  bool isNonIdeal() const { return nonIdeal_ != nullptr; }
  const NonIdealConfig* nonIdealConfig() const;
  // Restart the read-noise sequence (same seed -> same draws again).
  void resetReadNoise();

  // Pre-activation int8 outputs of `round` for a batch of frames (no LUT); see RoundKernel::run.
  void evaluate(const RoundConfig& round, const std::uint8_t* inputs, std::size_t frames, std::size_t inputStride,
                std::int8_t* preActivation, std::size_t outputStride);

  // A whole round on a batch of regfile images (frame f at regfiles + f*regfileStride, each
  // kRegfileBytes long): reads the input bytes, evaluates, applies `lut` (or, when null, the
  // slot the round selects; LutSelect::None stores the pre-activation byte) and stores the
  // outputs at the round's output address.
  void executeRound(const RoundConfig& round, std::uint8_t* regfiles, std::size_t frames, std::size_t regfileStride,
                    const ActivationLut* lut = nullptr);

  // The compiled kernel for the round's region (built on first use, cached by region).
  const RoundKernel& kernel(const RoundConfig& round);

 private:
  struct NonIdealState {
    NonIdealConfig config;
    std::unique_ptr<ProgrammedArray> programmed;
    AdcModel adc;
    RandomSource readNoise;
    NonIdealState(const NonIdealConfig& c, const CrossbarArray& target);
  };
  using RegionKey = std::tuple<int, int, int, int, int, int>;
  void refreshIfStale();

  CrossbarArray array_;
  ActivationLut slots_[4];
  std::unique_ptr<NonIdealState> nonIdeal_;
  std::map<RegionKey, RoundKernel> kernels_;
  std::uint64_t kernelGeneration_ = ~0ull;
  std::vector<std::int8_t> scratch_;
};

}  // namespace wtm::npu
