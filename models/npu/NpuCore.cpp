#include "npu/NpuCore.h"

#include <stdexcept>

namespace wtm::npu {

NpuCore::NonIdealState::NonIdealState(const NonIdealConfig& c, const CrossbarArray& target)
    : config(c),
      programmed(std::make_unique<ProgrammedArray>(target, c)),
      adc(c.adc, c.seed),
      readNoise(RandomSource::derive(c.seed, stream::kReadNoise)) {}

NpuCore::NpuCore() {
  // Until firmware (or a loader) writes tables: no LUT and identity in both slots.
  for (auto& s : slots_) s = identityLut();
}

void NpuCore::setLut(LutSelect slot, const ActivationLut& table) { slots_[static_cast<int>(slot) & 3] = table; }
const ActivationLut& NpuCore::lut(LutSelect slot) const { return slots_[static_cast<int>(slot) & 3]; }

void NpuCore::useIdeal() {
  nonIdeal_.reset();
  kernels_.clear();
}

void NpuCore::useNonIdeal(const NonIdealConfig& config) {
  config.validate();
  nonIdeal_ = std::make_unique<NonIdealState>(config, array_);
  kernels_.clear();
  kernelGeneration_ = array_.generation();
}

const NonIdealConfig* NpuCore::nonIdealConfig() const { return nonIdeal_ ? &nonIdeal_->config : nullptr; }

void NpuCore::resetReadNoise() {
  if (nonIdeal_) nonIdeal_->readNoise = RandomSource::derive(nonIdeal_->config.seed, stream::kReadNoise);
}

void NpuCore::refreshIfStale() {
  if (kernelGeneration_ == array_.generation()) return;
  kernels_.clear();
  // New target values: program them again (same seed -> the same per-cell draws).
  if (nonIdeal_) nonIdeal_->programmed = std::make_unique<ProgrammedArray>(array_, nonIdeal_->config);
  kernelGeneration_ = array_.generation();
}

const RoundKernel& NpuCore::kernel(const RoundConfig& round) {
  refreshIfStale();
  const RegionKey key{round.rowStart, round.rowEnd, round.columnStart, round.columnEnd, round.biasStart, round.biasEnd};
  auto it = kernels_.find(key);
  if (it == kernels_.end()) {
    if (nonIdeal_) it = kernels_.emplace(key, RoundKernel(array_, *nonIdeal_->programmed, nonIdeal_->adc, round)).first;
    else it = kernels_.emplace(key, RoundKernel(array_, round)).first;
  }
  return it->second;
}

void NpuCore::evaluate(const RoundConfig& round, const std::uint8_t* inputs, std::size_t frames,
                       std::size_t inputStride, std::int8_t* preActivation, std::size_t outputStride) {
  const RoundKernel& k = kernel(round);
  k.run(inputs, frames, inputStride, preActivation, outputStride, round.gain(),
        nonIdeal_ ? &nonIdeal_->readNoise : nullptr);
}

void NpuCore::executeRound(const RoundConfig& round, std::uint8_t* regfiles, std::size_t frames,
                           std::size_t regfileStride, const ActivationLut* lut) {
  const auto problems = round.problems();
  if (!problems.empty()) throw std::invalid_argument("round not runnable: " + problems.front());
  if (regfileStride < std::size_t(kRegfileBytes)) throw std::invalid_argument("regfile stride below 8192 bytes");
  const std::size_t cols = std::size_t(round.columns());
  scratch_.resize(frames * cols);
  // Inputs are read for all frames before any output is written, as the hardware reads the
  // whole input vector into the DAC FIFO before the array result comes back.
  evaluate(round, regfiles + round.inputAddr, frames, regfileStride, scratch_.data(), cols);
  const ActivationLut* table = lut;
  if (!table && round.lut != LutSelect::None) table = &slots_[static_cast<int>(round.lut)];
  for (std::size_t f = 0; f < frames; ++f) {
    std::uint8_t* out = regfiles + f * regfileStride + round.outputAddr;
    const std::int8_t* y = &scratch_[f * cols];
    if (table)
      for (std::size_t c = 0; c < cols; ++c) out[c] = (*table)[static_cast<std::uint8_t>(y[c])];
    else
      for (std::size_t c = 0; c < cols; ++c) out[c] = static_cast<std::uint8_t>(y[c]);
  }
}

}  // namespace wtm::npu
