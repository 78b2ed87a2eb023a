// One capture channel from recording to 16-bit PCM, by either path:
//   Pdm    — microphone modulator → PDM bits → decimation chain (what the hardware does);
//   Bypass — recording resampled straight to the PCM rate → the PCM-rate stages only. Faster,
//            without modulator noise or decimator delay; documented as an option, and the tests
//            hold both paths to the same tone/chirp result (docs/audio-path.md, "Bypass").
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "audio/DecimationChain.h"
#include "audio/PdmMicrophone.h"
#include "audio/Resampler.h"
#include "audio/SignalReader.h"

namespace wtm::audio {

enum class CapturePath { Pdm, Bypass };

class PcmCapture {
 public:
  PcmCapture(SignalPtr signal, EndOfAudio policy, double pdmRate, const DecimationConfig& config, CapturePath path,
             double startSeconds = 0);

  // The next `count` PCM samples.
  void produce(int16_t* out, size_t count);
  void setPdmRate(double pdmRate);
  void reconfigure(const DecimationConfig& config);

  double pdmRate() const { return pdmRate_; }
  double pcmRate() const { return pdmRate_ / chain_.config().decimation(); }
  const DecimationChain& chain() const { return chain_; }
  CapturePath path() const { return path_; }
  // Position in the recording (seconds played so far, before resampler look-ahead).
  double sourceSeconds() const;

 private:
  void makeBypassResampler();

  SignalPtr signal_;
  double pdmRate_;
  CapturePath path_;
  DecimationChain chain_;
  std::unique_ptr<PdmMicrophone> mic_;    // Pdm path
  std::unique_ptr<SignalReader> reader_;  // Bypass path
  std::unique_ptr<Resampler> toPcmRate_;  // Bypass path
  std::vector<int8_t> bits_;
  std::vector<float> floats_;
  std::vector<double> doubles_;
};

}  // namespace wtm::audio
