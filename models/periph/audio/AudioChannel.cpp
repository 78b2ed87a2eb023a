#include "AudioChannel.h"

#include <algorithm>

namespace wtm::periph {
namespace {
constexpr uint64_t kBlockSamples = 4096;  // samples computed per pass when catching up
}

void AudioChannel::start(const sc_core::sc_time& at, double pcmRate, std::unique_ptr<audio::PcmCapture> capture) {
  capture_ = std::move(capture);
  timeline_.start(at, produced_, 1.0 / pcmRate);
  running_ = true;
}

void AudioChannel::retime(const sc_core::sc_time& at, double pcmRate) {
  settle(at);
  timeline_.start(at, produced_, 1.0 / pcmRate);
}

void AudioChannel::settle(const sc_core::sc_time& t) {
  if (!running_) return;
  const uint64_t target = timeline_.countAt(t);
  while (produced_ < target) {
    const auto n = static_cast<size_t>(std::min(target - produced_, kBlockSamples));
    block_.resize(n);
    if (capture_) capture_->produce(block_.data(), n);
    else std::fill(block_.begin(), block_.end(), int16_t{0});
    deliver(block_.data(), n);
    produced_ += n;
  }
}

void AudioChannel::deliver(const int16_t* samples, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (tap_) tap_(samples[i]);
    switch (mode_) {
      case TransferMode::Fifo:
      case TransferMode::Undefined:  // reported once by the front end; behaves as FIFO
        fifo_.push(samples[i]);
        break;
      case TransferMode::Ram:
        if (ram_) ram_->write(samples[i]);
        break;
      case TransferMode::Fbank:  // direct AUDIO → FBANK streaming is not modelled
        break;
    }
  }
}

}  // namespace wtm::periph
