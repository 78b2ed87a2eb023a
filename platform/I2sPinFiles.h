// Host files on the I2S pins: what a logic analyser would record from a block's SDO, and what a
// codec on its SDI would send (--i2s0-out/--i2s1-out, --i2s0-in/--i2s1-in).
#pragma once
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include "audio/Resampler.h"
#include "audio/SignalReader.h"
#include "audio/WavSink.h"
#include "periph/i2s/DwApbI2s.h"

namespace wtm::audio {
class WavSource;
}

namespace wtm::platform {

// Every transmitted frame, in order. FILE.csv or FILE.txt: one line per frame, "time_s,left,right"
// with the words in hex at the programmed word length (underruns show as zeros, as on the pins).
// Anything else: a stereo 32-bit WAV at the frame rate, each word left-justified, so a full-scale
// word is full scale and 32-bit words are kept exactly.
class I2sFrameRecorder {
 public:
  explicit I2sFrameRecorder(const std::string& path);  // InputError when it cannot be created
  void record(const periph::I2sFrame& frame, const periph::I2sFormat& format, const sc_core::sc_time& at);
  uint64_t frames() const { return frames_; }

 private:
  std::string path_;
  std::unique_ptr<audio::WavSink> wav_;
  std::ofstream text_;
  uint64_t frames_ = 0;
};

// A sound file sent to a block's SDI, one stereo frame per LRCLK period (a mono file on both
// sides), scaled to the receive word length. A file recorded at another rate is resampled to the
// frame rate (band-limited); at equal rates the samples pass unchanged. Silence after the end.
class I2sFramePlayer {
 public:
  explicit I2sFramePlayer(const std::string& path);  // InputError for an unreadable file
  bool next(periph::I2sFrame& frame, const periph::I2sFormat& format);
  uint64_t frames() const { return frames_; }

 private:
  explicit I2sFramePlayer(const audio::WavSource& file);
  float pull(int side);

  double fileRate_;
  audio::SignalReader left_, right_;
  std::unique_ptr<audio::Resampler> leftResampler_, rightResampler_;
  uint64_t frames_ = 0;
};

}  // namespace wtm::platform
