#include "PcmCapture.h"

#include <cmath>

#include "audio/AudioPathAssumptions.h"

namespace wtm::audio {
namespace {
constexpr size_t kMaxSamplesPerPass = 1024;  // bounds the bit buffer (64 Ki bits at ÷64)
}

PcmCapture::PcmCapture(SignalPtr signal, EndOfAudio policy, double pdmRate, const DecimationConfig& config,
                       CapturePath path, double startSeconds)
    : signal_(signal), pdmRate_(pdmRate), path_(path), chain_(config) {
  if (path == CapturePath::Pdm) {
    mic_ = std::make_unique<PdmMicrophone>(signal, policy, pdmRate, startSeconds);
  } else {
    reader_ = std::make_unique<SignalReader>(signal, policy);
    if (startSeconds > 0) reader_->skip(static_cast<uint64_t>(std::llround(startSeconds * signal->sampleRate)));
    makeBypassResampler();
  }
}

void PcmCapture::makeBypassResampler() {
  toPcmRate_ = std::make_unique<Resampler>([this](float* out, size_t n) { reader_->read(out, n); },
                                           pcmRate() / signal_->sampleRate, Resampler::Quality::BandLimited);
}

void PcmCapture::produce(int16_t* out, size_t count) {
  while (count > 0) {
    const size_t n = count < kMaxSamplesPerPass ? count : kMaxSamplesPerPass;
    if (path_ == CapturePath::Pdm) {
      const size_t bitCount = n * chain_.config().decimation();
      if (bits_.size() < bitCount) bits_.resize(bitCount);
      mic_->generate(bits_.data(), bitCount);
      chain_.processBits(bits_.data(), bitCount, out);
    } else {
      if (floats_.size() < n) {
        floats_.resize(n);
        doubles_.resize(n);
      }
      toPcmRate_->read(floats_.data(), n);
      for (size_t i = 0; i < n; ++i) doubles_[i] = floats_[i] * assumptions::kMicFullScale;
      chain_.processDecimated(doubles_.data(), n, out);
    }
    out += n;
    count -= n;
  }
}

void PcmCapture::setPdmRate(double pdmRate) {
  pdmRate_ = pdmRate;
  if (mic_) mic_->setPdmRate(pdmRate);
  if (toPcmRate_) toPcmRate_->setRatio(pcmRate() / signal_->sampleRate);
}

void PcmCapture::reconfigure(const DecimationConfig& config) {
  chain_.reconfigure(config);
  if (toPcmRate_) toPcmRate_->setRatio(pcmRate() / signal_->sampleRate);
}

double PcmCapture::sourceSeconds() const {
  const auto& reader = mic_ ? mic_->reader() : *reader_;
  return static_cast<double>(reader.position()) / signal_->sampleRate;
}

}  // namespace wtm::audio
