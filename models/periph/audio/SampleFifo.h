// A channel FIFO of the AUDIO block: kFifoWords 32-bit words, i.e. twice as many 16-bit
// samples. Word reads return two samples (older in bits 15:0); the stereo port LRFIFO takes one
// sample from each of FIFO0/FIFO1, so the FIFO is kept per sample. When full, arriving samples
// are dropped and OVERFLOW latches; reading with less than a word inside latches UNDERFLOW.
#pragma once
#include <cstdint>
#include <deque>

#include "audio/AudioPathAssumptions.h"

namespace wtm::periph {

class SampleFifo {
 public:
  static constexpr unsigned kWords = audio::assumptions::kFifoWords;
  static constexpr unsigned kSamples = 2 * kWords;
  static constexpr unsigned kHalfWords = kWords / 2;

  void push(int16_t sample) {
    if (samples_.size() >= kSamples) {
      overflow_ = true;
      return;
    }
    samples_.push_back(sample);
  }
  int16_t popSample() {
    if (samples_.empty()) {
      underflow_ = true;
      return 0;
    }
    const int16_t s = samples_.front();
    samples_.pop_front();
    return s;
  }
  uint32_t popWord() {
    if (samples_.size() < 2) underflow_ = true;
    const uint16_t lo = static_cast<uint16_t>(popSampleQuiet());
    const uint16_t hi = static_cast<uint16_t>(popSampleQuiet());
    return (static_cast<uint32_t>(hi) << 16) | lo;
  }
  void flush() { samples_.clear(); }
  // What popSample() / popWord() would return, leaving the FIFO and its flags as they are.
  int16_t peekSample(unsigned index = 0) const { return index < samples_.size() ? samples_[index] : 0; }
  uint32_t peekWord() const {
    return (static_cast<uint32_t>(static_cast<uint16_t>(peekSample(1))) << 16) | static_cast<uint16_t>(peekSample(0));
  }

  unsigned samples() const { return static_cast<unsigned>(samples_.size()); }
  unsigned words() const { return samples() / 2; }
  bool empty() const { return words() == 0; }
  bool halfFull() const { return words() >= kHalfWords; }
  bool full() const { return words() >= kWords; }
  bool overflow() const { return overflow_; }
  bool underflow() const { return underflow_; }
  void clearOverflow() { overflow_ = false; }
  void clearUnderflow() { underflow_ = false; }
  void reset() {
    flush();
    overflow_ = underflow_ = false;
  }

 private:
  int16_t popSampleQuiet() {
    if (samples_.empty()) return 0;
    const int16_t s = samples_.front();
    samples_.pop_front();
    return s;
  }

  std::deque<int16_t> samples_;
  bool overflow_ = false;
  bool underflow_ = false;
};

}  // namespace wtm::periph
