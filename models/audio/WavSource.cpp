#include "WavSource.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include "common/InputError.h"
#include "common/InputFile.h"
#include "common/Log.h"

namespace wtm::audio {
namespace {

struct SndFileCloser {
  void operator()(SNDFILE* f) const { sf_close(f); }
};

std::string describe(double value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

// A decoded sample as the microphone plays it: clipped to full scale. A NaN would poison every
// filter state downstream for the rest of the run (and is UB once converted to an integer), so
// it plays as silence; ±Inf, like any overload, as full scale.
float playable(float x) {
  if (std::isnan(x)) return 0.0f;
  return std::clamp(x, -1.0f, 1.0f);
}

}  // namespace

WavSource::WavSource(const std::string& path) : path_(path) {
  requireRegularFile(path);  // libsndfile would wait on a FIFO and call a directory "format not recognised"
  SF_INFO info{};
  std::unique_ptr<SNDFILE, SndFileCloser> file(sf_open(path.c_str(), SFM_READ, &info));
  if (!file) throw InputError(path, std::string("cannot read as a sound file: ") + sf_strerror(nullptr));
  if (info.channels < 1 || info.channels > kMaxChannels)
    throw InputError(path, "unsupported channel count " + std::to_string(info.channels) + " (mono or stereo only)");
  if (info.samplerate < kMinRate || info.samplerate > kMaxRate)
    throw InputError(path, "unsupported sample rate " + describe(info.samplerate) + " Hz (" + describe(kMinRate) +
                               " to " + describe(kMaxRate) + " Hz)");
  if (info.frames <= 0) throw InputError(path, "no audio frames");
  // libsndfile quietly plays what is there when the data chunk is cut short (an interrupted
  // recording); its header log says so ("data : 2000 (should be 978)"). Refuse: the length
  // the firmware hears would not be the one the file announces.
  char log[2048] = {};
  sf_command(file.get(), SFC_GET_LOG_INFO, log, sizeof log);
  if (const char* data = std::strstr(log, "\ndata : ");
      data && std::strstr(data, "(should be") && std::strstr(data, "(should be") < std::strchr(data + 1, '\n')) {
    long announced = 0, present = 0;
    if (std::sscanf(data, "\ndata : %ld (should be %ld)", &announced, &present) == 2)
      throw InputError(path, "truncated: the data chunk announces " + std::to_string(announced) +
                                 " bytes, the file holds " + std::to_string(present));
  }

  std::vector<float> interleaved(static_cast<size_t>(info.frames) * static_cast<size_t>(info.channels));
  // libsndfile scales integer formats to ±1.0; float files may exceed it and are clipped below.
  const sf_count_t got = sf_readf_float(file.get(), interleaved.data(), info.frames);
  if (got <= 0) throw InputError(path, std::string("no audio could be decoded: ") + sf_strerror(file.get()));
  if (got < info.frames)
    throw InputError(path,
                     "truncated: " + std::to_string(got) + " of " + std::to_string(info.frames) + " frames decodable");

  rate_ = info.samplerate;
  channels_ = info.channels;
  const auto frames = static_cast<size_t>(got);
  auto make = [&](const std::string& suffix) {
    auto s = std::make_shared<MonoSignal>();
    s->name = path + suffix;
    s->sampleRate = rate_;
    s->samples.resize(frames);
    return s;
  };
  auto left = make(channels_ == 1 ? "" : "[left]");
  auto right = make("[right]");
  auto mix = make(channels_ == 1 ? "" : "[mix]");
  for (size_t i = 0; i < interleaved.size(); ++i) {
    if (std::isfinite(interleaved[i])) continue;
    if (nonFinite_++ == 0) firstNonFinite_ = i / static_cast<size_t>(channels_);
  }
  if (nonFinite_ > 0)
    log::warn(path, ": ", nonFinite_, " non-finite sample(s) (NaN or Inf), the first at frame ", firstNonFinite_,
              "; played as silence (NaN) or full scale (Inf)");
  for (size_t i = 0; i < frames; ++i) {
    const float l = playable(interleaved[i * channels_]);
    const float r = channels_ == 1 ? l : playable(interleaved[i * channels_ + 1]);
    left->samples[i] = l;
    right->samples[i] = r;
    mix->samples[i] = 0.5f * (l + r);
  }
  left_ = left;
  right_ = channels_ == 1 ? left_ : SignalPtr(right);
  mix_ = channels_ == 1 ? left_ : SignalPtr(mix);
}

SignalPtr WavSource::channel(int index) const { return index == 0 ? left_ : right_; }
SignalPtr WavSource::mixdown() const { return mix_; }

}  // namespace wtm::audio
