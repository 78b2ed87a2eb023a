#include "DecimationChain.h"

#include <algorithm>

#include "audio/AudioPathAssumptions.h"
#include "audio/FirDesign.h"

namespace wtm::audio {

using namespace assumptions;

unsigned DecimationConfig::decimation() const {
  return kCicDecimation * (sincCompensation ? kHalfStageDecimation : 1) * (halfBand ? kHalfStageDecimation : 1);
}

namespace {

// The compensator runs at the CIC output rate and halves it: its edges, as fractions of its
// input rate, are the PCM-relative edges divided by 2.
std::vector<double> compensatorTaps() {
  const double toInputRate = 1.0 / kHalfStageDecimation;
  return designShapedLowPass(kCompensatorTaps, kPassBandEdge * toInputRate, kStopBandEdge * toInputRate, kKaiserBeta,
                             [](double f) { return 1.0 / cicMagnitude(kCicOrder, kCicDecimation, f); });
}

const std::vector<double>& cachedCompensator() {
  static const std::vector<double> taps = compensatorTaps();
  return taps;
}

const std::vector<double>& cachedHalfBand() {
  static const std::vector<double> taps = designHalfBand(kHalfBandTaps, kKaiserBeta);
  return taps;
}

}  // namespace

DecimationChain::DecimationChain(const DecimationConfig& config)
    : config_(config),
      cic_(kCicOrder, kCicDecimation),
      highPass_(kHighPassShift),
      preEmphasis_(kPreEmphasis),
      gain_(config.gainCode) {
  buildDecimators();
}

void DecimationChain::buildDecimators() {
  cic_.reset();
  compensator_ =
      config_.sincCompensation ? std::make_unique<FirDecimator>(cachedCompensator(), kHalfStageDecimation) : nullptr;
  halfBand_ = config_.halfBand ? std::make_unique<FirDecimator>(cachedHalfBand(), kHalfStageDecimation) : nullptr;
  highPass_.reset();
  preEmphasis_.reset();
}

void DecimationChain::reconfigure(const DecimationConfig& config) {
  const bool rebuild = !config_.sameDecimators(config);
  config_ = config;
  gain_ = OutputGain(config.gainCode);
  if (rebuild) buildDecimators();
}

int16_t DecimationChain::finish(double x) {
  if (config_.highPass) x = highPass_.step(x);
  if (config_.preEmphasis) x = preEmphasis_.step(x);
  return gain_.apply(x);
}

size_t DecimationChain::processBits(const int8_t* bits, size_t count, int16_t* out) {
  const size_t cicOut = count / kCicDecimation + 1;
  if (stage1_.size() < cicOut) {
    stage1_.resize(cicOut);
    stage2_.resize(cicOut);
    stage3_.resize(cicOut);
  }
  size_t n = cic_.process(bits, count, stage1_.data());
  const double* x = stage1_.data();
  if (compensator_) {
    n = compensator_->process(x, n, stage2_.data());
    x = stage2_.data();
  }
  if (halfBand_) {
    n = halfBand_->process(x, n, stage3_.data());
    x = stage3_.data();
  }
  for (size_t i = 0; i < n; ++i) out[i] = finish(x[i]);
  return n;
}

size_t DecimationChain::processDecimated(const double* in, size_t count, int16_t* out) {
  for (size_t i = 0; i < count; ++i) out[i] = finish(in[i]);
  return count;
}

double DecimationChain::decimatorDelaySeconds(double pdmRate) const {
  // A decimating stage computes output k from the window ending at input kM + M − 1, so the
  // output lags the instant k·M by (group delay − (M − 1)) input samples.
  auto lag = [](double groupDelay, unsigned factor) { return groupDelay - (factor - 1.0); };
  double delay = lag(cic_.groupDelayInputSamples(), kCicDecimation) / pdmRate;
  double rate = pdmRate / kCicDecimation;
  for (const auto* stage : {compensator_.get(), halfBand_.get()}) {
    if (!stage) continue;
    delay += lag(stage->groupDelayInputSamples(), stage->factor()) / rate;
    rate /= stage->factor();
  }
  return delay;
}

}  // namespace wtm::audio
