// A MEMS PDM microphone playing a recording: the signal is brought to the PDM clock rate
// (libsamplerate: band-limited to an intermediate rate, then linear interpolation, which
// models the continuous sound between samples), scaled to the mic's full scale and turned
// into the 1-bit stream by the sigma-delta modulator. Bits come out in blocks, never one by one.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "audio/Resampler.h"
#include "audio/SigmaDeltaModulator.h"
#include "audio/SignalReader.h"

namespace wtm::audio {

class PdmMicrophone {
 public:
  // Starts `startSeconds` into the recording (the sound played before the clock started).
  PdmMicrophone(SignalPtr signal, EndOfAudio policy, double pdmRate, double startSeconds = 0);

  // The next `count` PDM bits (+1 / −1).
  void generate(int8_t* bits, size_t count);
  // The firmware changed the PDM clock: following bits come at the new rate.
  void setPdmRate(double pdmRate);
  double pdmRate() const { return pdmRate_; }
  const SigmaDeltaModulator& modulator() const { return modulator_; }
  const SignalReader& reader() const { return reader_; }

 private:
  SignalReader reader_;
  double pdmRate_;
  Resampler toAnalogRate_;
  Resampler toPdmRate_;
  SigmaDeltaModulator modulator_;
  std::vector<float> scratch_;
};

}  // namespace wtm::audio
