#include "SignalReader.h"

#include <algorithm>

#include "common/InputError.h"

namespace wtm::audio {

EndOfAudio parseEndOfAudio(const std::string& text) {
  if (text == "stop") return EndOfAudio::Stop;
  if (text == "loop") return EndOfAudio::Loop;
  if (text == "silence") return EndOfAudio::Silence;
  throw InputError("end-of-audio policy '" + text + "'", "expected stop, loop or silence");
}

const char* toString(EndOfAudio policy) {
  switch (policy) {
    case EndOfAudio::Stop: return "stop";
    case EndOfAudio::Loop: return "loop";
    case EndOfAudio::Silence: return "silence";
  }
  return "?";
}

SignalReader::SignalReader(SignalPtr signal, EndOfAudio policy) : signal_(std::move(signal)), policy_(policy) {}

size_t SignalReader::read(float* out, size_t count) {
  const auto& s = signal_->samples;
  const uint64_t length = s.size();
  size_t done = 0;
  while (done < count) {
    uint64_t index = position_;
    if (policy_ == EndOfAudio::Loop && length > 0) index %= length;
    if (index >= length) {  // past the end: silence from here on
      std::fill(out + done, out + count, 0.0f);
      position_ += count - done;
      return count;
    }
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(count - done, length - index));
    std::copy_n(s.begin() + static_cast<std::ptrdiff_t>(index), chunk, out + done);
    done += chunk;
    position_ += chunk;
  }
  return count;
}

void SignalReader::skip(uint64_t count) { position_ += count; }

}  // namespace wtm::audio
