// One capture channel of the AUDIO block while it runs: its PCM stream (computed in blocks by
// audio::PcmCapture, or silence when nothing is connected), the timeline that says how many
// samples exist at a given simulated time, and where they go (FIFO or frame RAM). Nothing is
// computed per sample in SystemC: settle(t) produces every sample complete by `t` in one go.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <systemc>

#include "audio/PcmCapture.h"
#include "periph/audio/FrameRam.h"
#include "periph/audio/SampleFifo.h"
#include "periph/audio/SampleTimeline.h"

namespace wtm::periph {

enum class TransferMode : unsigned { Fifo = 0, Undefined = 1, Ram = 2, Fbank = 3 };

class AudioChannel {
 public:
  AudioChannel(unsigned index, FrameRam* ram) : index_(index), ram_(ram) {}

  // Starts producing at `at` with `pcmRate` samples/s from `capture` (null: silence).
  void start(const sc_core::sc_time& at, double pcmRate, std::unique_ptr<audio::PcmCapture> capture);
  void stop() { running_ = false; }
  // Block reset: stopped, FIFO empty, counts from zero.
  void reset() {
    running_ = false;
    produced_ = 0;
    capture_.reset();
    fifo_.reset();
    mode_ = TransferMode::Fifo;
  }
  // Rate change while running (clock or decimation): samples so far are kept.
  void retime(const sc_core::sc_time& at, double pcmRate);

  // Produces and delivers every sample complete by `t`.
  void settle(const sc_core::sc_time& t);
  // Simulated time at which `more` further samples are complete.
  sc_core::sc_time timeAfter(uint64_t more) const { return timeline_.timeOf(produced_ + more); }

  void setMode(TransferMode mode) { mode_ = mode; }
  TransferMode mode() const { return mode_; }
  // Called with every produced sample of this channel (the VAD taps the selected channel).
  void setTap(std::function<void(int16_t)> tap) { tap_ = std::move(tap); }

  bool running() const { return running_; }
  unsigned index() const { return index_; }
  uint64_t produced() const { return produced_; }
  audio::PcmCapture* capture() { return capture_.get(); }
  SampleFifo& fifo() { return fifo_; }
  const SampleFifo& fifo() const { return fifo_; }
  FrameRam* ram() { return ram_; }

 private:
  void deliver(const int16_t* samples, size_t count);

  unsigned index_;
  FrameRam* ram_;
  SampleFifo fifo_;
  TransferMode mode_ = TransferMode::Fifo;
  bool running_ = false;
  SampleTimeline timeline_;
  uint64_t produced_ = 0;
  std::unique_ptr<audio::PcmCapture> capture_;
  std::function<void(int16_t)> tap_;
  std::vector<int16_t> block_;
};

}  // namespace wtm::periph
