// Plays a MonoSignal from start to end and then follows the end-of-audio policy: start over
// (Loop) or continue with zeros (Silence; Stop plays zeros too, the board decides when to stop).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "audio/MonoSignal.h"

namespace wtm::audio {

enum class EndOfAudio { Stop, Loop, Silence };

// "stop", "loop" or "silence"; throws wtm::InputError for anything else.
EndOfAudio parseEndOfAudio(const std::string& text);
const char* toString(EndOfAudio policy);

class SignalReader {
 public:
  SignalReader(SignalPtr signal, EndOfAudio policy);

  // Fills `out` with the next `count` samples; returns `count` (the stream never ends).
  size_t read(float* out, size_t count);
  // Skips `count` samples without producing them.
  void skip(uint64_t count);

  uint64_t position() const { return position_; }  // samples played so far
  bool pastEnd() const { return position_ >= signal_->samples.size() && policy_ != EndOfAudio::Loop; }
  const MonoSignal& signal() const { return *signal_; }

 private:
  SignalPtr signal_;
  EndOfAudio policy_;
  uint64_t position_ = 0;
};

}  // namespace wtm::audio
