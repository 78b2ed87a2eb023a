// A 16- or 32-bit PCM WAV file written as samples arrive (the board's speaker, `--speaker FILE.wav`;
// the I2S pins, `--i2s0-out FILE.wav`).
// The sample rate is fixed at the first write (the rate the firmware programmed); after a
// change of rate the samples are written as they come and rateChanged() tells the caller. The header is
// completed on close() / destruction, so a file cut short by a crash is still readable up to
// the last flush. Problems are reported as wtm::InputError "FILE: cause".
#pragma once
#include <cstdint>
#include <string>

struct sf_private_tag;

namespace wtm::audio {

class WavSink {
 public:
  // `bits`: 16 or 32 (the sample width in the file).
  WavSink(std::string path, int channels, int bits = 16);
  ~WavSink();
  WavSink(const WavSink&) = delete;
  WavSink& operator=(const WavSink&) = delete;

  // Interleaved frames (channels() samples each) at `rate` Hz.
  void write(const int16_t* interleaved, size_t frames, double rate);
  void write(const int32_t* interleaved, size_t frames, double rate);  // full scale = 32 bits
  void close();

  const std::string& path() const { return path_; }
  int channels() const { return channels_; }
  int bits() const { return bits_; }
  double sampleRate() const { return rate_; }
  size_t framesWritten() const { return frames_; }
  bool rateChanged() const { return rateChanged_; }

 private:
  void open(double rate);
  bool prepare(size_t frames, double rate);  // false: nothing to write
  int format() const;

  std::string path_;
  int channels_;
  int bits_;
  double rate_ = 0;
  size_t frames_ = 0;
  bool rateChanged_ = false;
  sf_private_tag* file_ = nullptr;
};

}  // namespace wtm::audio
