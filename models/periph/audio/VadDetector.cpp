#include "VadDetector.h"

#include <algorithm>
#include <cmath>

#include "audio/AudioPathAssumptions.h"

namespace wtm::periph {

using audio::assumptions::kVadFrameSamples;

uint64_t VadDetector::windowedPower(const std::deque<uint64_t>& history, uint32_t window, uint32_t shift) {
  uint64_t sum = 0;
  const size_t n = std::min<size_t>(window, history.size());
  for (size_t i = 0; i < n; ++i) sum += history[history.size() - 1 - i];
  return shift >= 64 ? 0 : sum >> shift;
}

bool VadDetector::feed(int16_t sample) {
  ++samples_;
  const double x = settings_.biquadBypass ? sample : biquad_.step(sample);
  frameEnergy_ += x * x;
  if (++inFrame_ < kVadFrameSamples) return false;
  const auto power = static_cast<uint64_t>(std::llround(frameEnergy_ / kVadFrameSamples));
  frameEnergy_ = 0;
  inFrame_ = 0;
  ++frames_;
  const size_t keepShort = std::max<uint32_t>(settings_.shortWindow, 1);
  const size_t keepLong = std::max<uint32_t>(settings_.longWindow, 1);
  shortHistory_.push_back(power);
  longHistory_.push_back(power);
  while (shortHistory_.size() > keepShort) shortHistory_.pop_front();
  while (longHistory_.size() > keepLong) longHistory_.pop_front();
  shortPower_ = windowedPower(shortHistory_, settings_.shortWindow, settings_.shortShift);
  longPower_ = windowedPower(longHistory_, settings_.longWindow, settings_.longShift);
  const uint64_t floor = std::max<uint64_t>(longPower_, settings_.longThreshold);
  const bool voice = shortPower_ >= settings_.shortThreshold && shortPower_ >= floor + settings_.deviation;
  const bool rose = voice && !active_;
  if (voice) active_ = true;
  return rose;
}

void VadDetector::reset() {
  active_ = false;
  shortHistory_.clear();
  samples_ = 0;
  frames_ = 0;
}

uint32_t VadDetector::samplesUntilFrameEnd() const { return kVadFrameSamples - inFrame_; }

}  // namespace wtm::periph
