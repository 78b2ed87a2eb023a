#include "PdmMicrophone.h"

#include <cmath>

#include "audio/AudioPathAssumptions.h"

namespace wtm::audio {
namespace {
constexpr size_t kBlock = 4096;  // PDM bits converted per pass
double analogRate(double pdmRate) { return pdmRate / assumptions::kAnalogRateDivider; }
}  // namespace

PdmMicrophone::PdmMicrophone(SignalPtr signal, EndOfAudio policy, double pdmRate, double startSeconds)
    : reader_(signal, policy),
      pdmRate_(pdmRate),
      toAnalogRate_([this](float* out, size_t n) { reader_.read(out, n); }, analogRate(pdmRate) / signal->sampleRate,
                    Resampler::Quality::BandLimited),
      toPdmRate_([this](float* out, size_t n) { toAnalogRate_.read(out, n); }, assumptions::kAnalogRateDivider,
                 Resampler::Quality::Linear),
      modulator_(assumptions::kModulatorOrder, assumptions::kModulatorPeakGain),
      scratch_(kBlock) {
  if (startSeconds > 0) reader_.skip(static_cast<uint64_t>(std::llround(startSeconds * signal->sampleRate)));
  // libsamplerate's linear converter lags by one input sample (the sinc one does not): drop
  // that many outputs so bit n is the sound at n / pdmRate, as the bypass path assumes.
  std::vector<float> lag(assumptions::kAnalogRateDivider);
  toPdmRate_.read(lag.data(), lag.size());
}

void PdmMicrophone::generate(int8_t* bits, size_t count) {
  while (count > 0) {
    const size_t n = count < kBlock ? count : kBlock;
    toPdmRate_.read(scratch_.data(), n);
    for (size_t i = 0; i < n; ++i) scratch_[i] *= static_cast<float>(assumptions::kMicFullScale);
    modulator_.modulate(scratch_.data(), bits, n);
    bits += n;
    count -= n;
  }
}

void PdmMicrophone::setPdmRate(double pdmRate) {
  pdmRate_ = pdmRate;
  toAnalogRate_.setRatio(analogRate(pdmRate) / reader_.signal().sampleRate);
}

}  // namespace wtm::audio
