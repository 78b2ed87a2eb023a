// RAM mode of an AUDIO channel (inferred from the vendor HAL and examples, soc.md §4.7): a ring
// of DEPTH_CFG + 1 words; after every FRAME_MOVE + 1 new words the frame-valid flag latches and
// the read port is pointed at the newest LENTH_CFG + 1 words (the frame). RAMxDATA reads walk
// that frame two samples at a time (older in bits 15:0); data is never held back, so a slow
// reader sees the ring being overwritten as on the chip. Kept per sample for the stereo port.
#pragma once
#include <cstdint>
#include <vector>

namespace wtm::periph {

class FrameRam {
 public:
  FrameRam();

  // Register values (all "minus one" encodings). A changed depth empties the ring.
  void configure(uint32_t depthCfg, uint32_t frameMoveCfg, uint32_t lengthCfg);
  // Stores one sample; true if it completed a frame (frame-valid latched).
  bool write(int16_t sample);

  uint32_t readWord();
  int16_t readSample();
  // What readWord() / readSample() would return, without moving the read port.
  uint32_t peekWord() const;
  int16_t peekSample() const { return at(readPos_); }
  void rewind() { readPos_ = frameStart_; }  // RAMCLR.RAMx_RD_CLR
  void clear();                              // RAMCLR.RAMx_CLR
  void clearFrameValid() { frameValid_ = false; }

  bool frameValid() const { return frameValid_; }
  uint64_t frames() const { return frames_; }  // since the last clear
  // Samples still to be written before the next frame completes (≥ 1).
  uint64_t samplesUntilFrame() const;
  // Samples of the current frame not yet read through the data port.
  uint64_t unreadSamples() const;
  uint32_t frameWords() const { return lengthCfg_ + 1; }

 private:
  int16_t at(int64_t index) const;

  uint32_t depthCfg_ = 0, moveCfg_ = 0, lengthCfg_ = 0;
  std::vector<int16_t> ring_;
  uint64_t written_ = 0;    // samples since the last clear
  int64_t frameStart_ = 0;  // sample index of the current frame's first sample
  int64_t readPos_ = 0;
  bool frameValid_ = false;
  uint64_t frames_ = 0;
};

}  // namespace wtm::periph
