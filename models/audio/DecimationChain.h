// The AUDIO block's digital filter chain for one channel, as TRCTRL and PCMGAIN configure it:
//
//   PDM bits ─ sinc5 ÷32 ─ [sinc compensation ÷2] ─ [half-band ÷2] ─ [high-pass] ─ [pre-emphasis]
//            ─ gain window ─ 16-bit PCM
//
// Stages in brackets can be bypassed (SINC5D2 / HALFBAND / HIGHPASS (CH2_HIGH for channel 2) /
// PRE_EMPHASIS bypass bits). With the HAL defaults (1.024 MHz PDM, compensation on, half-band
// off) the output rate is 16 kHz; with the speech demo's (2.048 MHz, both on) as well.
// processDecimated() is the documented bypass: samples already at the PCM rate enter after the
// decimators, so both paths share the PCM-rate stages.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "audio/CicDecimator.h"
#include "audio/FirDecimator.h"
#include "audio/PostFilters.h"

namespace wtm::audio {

struct DecimationConfig {
  bool sincCompensation = true;  // TRCTRL.SINC5D2_BYPASS = 0
  bool halfBand = false;         // TRCTRL.HALFBAND_BYPASS = 0
  bool highPass = true;          // TRCTRL.HIGHPASS_BYPASS (CH2_HIGH_BYPASS) = 0
  bool preEmphasis = false;      // TRCTRL.PRE_EMPHASIS_BYPASS = 0
  unsigned gainCode = 10;        // PCMGAIN.CHn_GAIN

  unsigned decimation() const;  // PDM bits per PCM sample
  bool sameDecimators(const DecimationConfig& o) const {
    return sincCompensation == o.sincCompensation && halfBand == o.halfBand;
  }
};

class DecimationChain {
 public:
  explicit DecimationChain(const DecimationConfig& config);

  // PDM bits (±1) → PCM samples; returns the number written (`out` must hold count/decimation + 1).
  size_t processBits(const int8_t* bits, size_t count, int16_t* out);
  // Bypass: PCM-rate samples in PDM full-scale units (mic scale applied) → PCM samples.
  size_t processDecimated(const double* in, size_t count, int16_t* out);

  // Changes that keep the decimators (gain, high-pass, pre-emphasis) apply from the next sample;
  // a different decimator set-up restarts the filters.
  void reconfigure(const DecimationConfig& config);
  const DecimationConfig& config() const { return config_; }
  // Delay of the decimators (the bypass path does not have it), in seconds at `pdmRate`.
  double decimatorDelaySeconds(double pdmRate) const;

 private:
  void buildDecimators();
  int16_t finish(double x);

  DecimationConfig config_;
  CicDecimator cic_;
  std::unique_ptr<FirDecimator> compensator_;
  std::unique_ptr<FirDecimator> halfBand_;
  DcBlocker highPass_;
  PreEmphasis preEmphasis_;
  OutputGain gain_;
  std::vector<double> stage1_, stage2_, stage3_;
};

}  // namespace wtm::audio
