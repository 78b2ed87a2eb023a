#include "I2sPinFiles.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "audio/WavSource.h"
#include "common/InputError.h"

namespace wtm::platform {

namespace {

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

unsigned bitsOf(const periph::I2sFormat& format) { return format.wordBits ? format.wordBits : 32; }

// A word sign-extended from `bits` moved to the top of 32 bits.
int32_t leftJustified(int32_t word, unsigned bits) {
  return static_cast<int32_t>(static_cast<uint32_t>(word) << (32 - bits));
}

uint32_t masked(int32_t word, unsigned bits) {
  return bits >= 32 ? static_cast<uint32_t>(word) : static_cast<uint32_t>(word) & ((1u << bits) - 1u);
}

}  // namespace

I2sFrameRecorder::I2sFrameRecorder(const std::string& path) : path_(path) {
  if (endsWith(path, ".csv") || endsWith(path, ".txt")) {
    text_.open(path);
    if (!text_) throw InputError(path, "cannot create the file");
    text_ << "time_s,left,right\n";
  } else {
    wav_ = std::make_unique<audio::WavSink>(path, 2, 32);
  }
}

void I2sFrameRecorder::record(const periph::I2sFrame& frame, const periph::I2sFormat& format,
                              const sc_core::sc_time& at) {
  const unsigned bits = bitsOf(format);
  ++frames_;
  if (wav_) {
    const int32_t samples[2] = {leftJustified(frame.left, bits), leftJustified(frame.right, bits)};
    wav_->write(samples, 1, format.frameRate);
    return;
  }
  char line[64];
  const int digits = static_cast<int>((bits + 3) / 4);
  std::snprintf(line, sizeof line, "%.9f,%0*x,%0*x\n", at.to_seconds(), digits, masked(frame.left, bits), digits,
                masked(frame.right, bits));
  text_ << line;
  if (!text_) throw InputError(path_, "write failed (disk full?)");
}

I2sFramePlayer::I2sFramePlayer(const std::string& path) : I2sFramePlayer(audio::WavSource(path)) {}

I2sFramePlayer::I2sFramePlayer(const audio::WavSource& file)
    : fileRate_(file.sampleRate()),
      left_(file.channel(0), audio::EndOfAudio::Silence),
      right_(file.channel(1), audio::EndOfAudio::Silence) {}

float I2sFramePlayer::pull(int side) {
  float v = 0;
  (side ? right_ : left_).read(&v, 1);
  return v;
}

bool I2sFramePlayer::next(periph::I2sFrame& frame, const periph::I2sFormat& format) {
  float l = 0, r = 0;
  const double ratio = format.frameRate > 0 ? format.frameRate / fileRate_ : 1.0;
  if (std::abs(ratio - 1.0) < 1e-6) {
    l = pull(0);
    r = pull(1);
  } else {
    if (!leftResampler_) {
      auto make = [this, ratio](int side) {
        return std::make_unique<audio::Resampler>(
            [this, side](float* out, size_t n) {
              for (size_t i = 0; i < n; ++i) out[i] = pull(side);
            },
            ratio, audio::Resampler::Quality::BandLimited);
      };
      leftResampler_ = make(0);
      rightResampler_ = make(1);
    } else if (leftResampler_->ratio() != ratio) {
      leftResampler_->setRatio(ratio);
      rightResampler_->setRatio(ratio);
    }
    leftResampler_->read(&l, 1);
    rightResampler_->read(&r, 1);
  }
  const unsigned bits = bitsOf(format);
  const double full = std::ldexp(1.0, static_cast<int>(bits) - 1);
  auto word = [full](float v) {
    return static_cast<int32_t>(
        std::clamp(std::lround(static_cast<double>(v) * full), static_cast<long>(-full), static_cast<long>(full - 1)));
  };
  frame.left = word(l);
  frame.right = word(r);
  ++frames_;
  return true;
}

}  // namespace wtm::platform
