// A sound file read with libsndfile (WAV and the other formats libsndfile opens), mono or
// stereo, at any rate between kMinRate and kMaxRate. The whole file is decoded into memory on
// construction; problems are reported as wtm::InputError "FILE: cause".
#pragma once
#include <string>

#include "audio/MonoSignal.h"

namespace wtm::audio {

class WavSource {
 public:
  static constexpr double kMinRate = 4000;    // below this nothing audible survives
  static constexpr double kMaxRate = 384000;  // the highest rate of common recording gear
  static constexpr int kMaxChannels = 2;      // a microphone pair at most

  explicit WavSource(const std::string& path);

  const std::string& path() const { return path_; }
  double sampleRate() const { return rate_; }
  int channels() const { return channels_; }
  size_t frames() const { return left_->samples.size(); }
  double durationSeconds() const { return left_->durationSeconds(); }

  // Samples that were NaN or ±Inf in the file (warned about once on stderr when the file is
  // read), and the frame of the first; they play as 0 (NaN) or full scale (Inf).
  size_t nonFiniteSamples() const { return nonFinite_; }
  size_t firstNonFiniteFrame() const { return firstNonFinite_; }

  // Channel 0 (left / mono) or 1 (right; the left again for a mono file).
  SignalPtr channel(int index) const;
  // The average of both channels (the channel itself for a mono file).
  SignalPtr mixdown() const;

 private:
  std::string path_;
  double rate_ = 0;
  int channels_ = 0;
  SignalPtr left_, right_, mix_;
  size_t nonFinite_ = 0, firstNonFinite_ = 0;
};

}  // namespace wtm::audio
