// Voice activity detector of the AUDIO block — an ASSUMED algorithm: the vendor sources give
// only the register names (short/long-term power thresholds, deviation threshold, window
// lengths and shifts) and the defaults (256², 64², 256², windows 2 and 64 with shifts 1 and 6).
// Model: the selected channel's 16-bit samples pass the biquad (unless bypassed); their mean
// square over frames of kVadFrameSamples is the frame power; the short-term power is the sum
// of the last STP_WINLEN frame powers >> SPT_WIN_SHIFT, the long-term power (noise floor) the
// same over LTP_WINLEN frames >> LPT_WIN_SHIFT. Voice is detected when
//   short-term ≥ VAD0  and  short-term − max(long-term, VAD1) ≥ VAD2,
// which latches VAD_ACT (IRQ 38) until VAD_RST. docs/audio-path.md, "VAD".
#pragma once
#include <cstdint>
#include <deque>

#include "audio/PostFilters.h"

namespace wtm::periph {

struct VadSettings {
  uint32_t shortThreshold = 0;               // VAD0
  uint32_t longThreshold = 0;                // VAD1
  uint32_t deviation = 0;                    // VAD2
  uint32_t shortWindow = 0, shortShift = 0;  // VAD3
  uint32_t longWindow = 0, longShift = 0;    // VAD4
  bool biquadBypass = false;
};

class VadDetector {
 public:
  void configure(const VadSettings& settings) { settings_ = settings; }
  audio::Biquad& biquad() { return biquad_; }

  // One PCM sample; true when it ends a frame that detects voice (VAD_ACT rises).
  bool feed(int16_t sample);
  void reset();  // VAD_RST: clears the detection and the short-term history

  bool active() const { return active_; }
  uint32_t samplesSeen() const { return samples_; }
  uint64_t shortTermPower() const { return shortPower_; }
  uint64_t longTermPower() const { return longPower_; }
  uint32_t framesEvaluated() const { return frames_; }
  // Samples still to come before the current frame ends (≥ 1).
  uint32_t samplesUntilFrameEnd() const;

 private:
  static uint64_t windowedPower(const std::deque<uint64_t>& history, uint32_t window, uint32_t shift);

  VadSettings settings_;
  audio::Biquad biquad_;
  double frameEnergy_ = 0;
  uint32_t inFrame_ = 0;
  std::deque<uint64_t> shortHistory_, longHistory_;
  uint64_t shortPower_ = 0, longPower_ = 0;
  uint32_t samples_ = 0, frames_ = 0;
  bool active_ = false;
};

}  // namespace wtm::periph
