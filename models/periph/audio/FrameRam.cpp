#include "FrameRam.h"

#include <algorithm>

namespace wtm::periph {
namespace {
constexpr unsigned kSamplesPerWord = 2;
}

FrameRam::FrameRam() { configure(0, 0, 0); }

void FrameRam::configure(uint32_t depthCfg, uint32_t frameMoveCfg, uint32_t lengthCfg) {
  const bool resize = ring_.empty() || depthCfg != depthCfg_;
  depthCfg_ = depthCfg;
  moveCfg_ = frameMoveCfg;
  lengthCfg_ = lengthCfg;
  if (resize) {
    ring_.assign(static_cast<size_t>(depthCfg_ + 1) * kSamplesPerWord, 0);
    clear();
  }
}

void FrameRam::clear() {
  std::fill(ring_.begin(), ring_.end(), 0);
  written_ = 0;
  frameStart_ = readPos_ = 0;
  frameValid_ = false;
  frames_ = 0;
}

int16_t FrameRam::at(int64_t index) const {
  const auto n = static_cast<int64_t>(ring_.size());
  return ring_[static_cast<size_t>(((index % n) + n) % n)];
}

bool FrameRam::write(int16_t sample) {
  const auto n = static_cast<int64_t>(ring_.size());
  ring_[static_cast<size_t>(static_cast<int64_t>(written_) % n)] = sample;
  ++written_;
  const uint64_t move = static_cast<uint64_t>(moveCfg_ + 1) * kSamplesPerWord;
  if (written_ % move != 0) return false;
  frameStart_ = static_cast<int64_t>(written_) - static_cast<int64_t>(frameWords()) * kSamplesPerWord;
  readPos_ = frameStart_;
  frameValid_ = true;
  ++frames_;
  return true;
}

uint64_t FrameRam::samplesUntilFrame() const {
  const uint64_t move = static_cast<uint64_t>(moveCfg_ + 1) * kSamplesPerWord;
  return move - written_ % move;
}

uint64_t FrameRam::unreadSamples() const {
  const int64_t end = frameStart_ + static_cast<int64_t>(frameWords()) * kSamplesPerWord;
  return frames_ == 0 || readPos_ >= end ? 0 : static_cast<uint64_t>(end - readPos_);
}

int16_t FrameRam::readSample() { return at(readPos_++); }

uint32_t FrameRam::peekWord() const {
  const uint16_t lo = static_cast<uint16_t>(at(readPos_));
  const uint16_t hi = static_cast<uint16_t>(at(readPos_ + 1));
  return (static_cast<uint32_t>(hi) << 16) | lo;
}

uint32_t FrameRam::readWord() {
  const uint16_t lo = static_cast<uint16_t>(readSample());
  const uint16_t hi = static_cast<uint16_t>(readSample());
  return (static_cast<uint32_t>(hi) << 16) | lo;
}

}  // namespace wtm::periph
