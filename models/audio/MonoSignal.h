// One channel of recorded audio held in memory: what a microphone hears, as floats in ±1.0 at
// the recording's own sample rate. Shared read-only between the readers that play it.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace wtm::audio {

struct MonoSignal {
  std::string name;            // "FILE.wav" or "FILE.wav[right]" for diagnostics
  double sampleRate = 0;       // Hz
  std::vector<float> samples;  // ±1.0 full scale

  double durationSeconds() const { return sampleRate > 0 ? static_cast<double>(samples.size()) / sampleRate : 0; }
};

using SignalPtr = std::shared_ptr<const MonoSignal>;

}  // namespace wtm::audio
