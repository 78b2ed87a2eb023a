#include "WavSink.h"

#include <cmath>
#include <sndfile.h>

#include "common/InputError.h"

namespace wtm::audio {

WavSink::WavSink(std::string path, int channels, int bits) : path_(std::move(path)), channels_(channels), bits_(bits) {
  if (path_.empty()) throw InputError("sound output", "empty file name");
  if (channels_ < 1 || channels_ > 2) throw InputError(path_, "a sound output file has 1 or 2 channels");
  if (bits_ != 16 && bits_ != 32) throw InputError(path_, "a sound output file has 16- or 32-bit samples");
  // Fail early (at start-up, not at the first sample) when the file cannot be created.
  SF_INFO info{};
  info.samplerate = 16000;
  info.channels = channels_;
  info.format = format();
  SNDFILE* probe = sf_open(path_.c_str(), SFM_WRITE, &info);
  if (!probe) {
    // libsndfile words an OS error as "System error : <strerror>."; the message keeps the cause.
    std::string cause = sf_strerror(nullptr);
    const std::string system = "System error : ";
    if (cause.rfind(system, 0) == 0) cause = cause.substr(system.size());
    if (!cause.empty() && cause.back() == '.') cause.pop_back();
    throw InputError(path_, "cannot create the file: " + cause);
  }
  file_ = probe;
}

WavSink::~WavSink() { close(); }

int WavSink::format() const { return SF_FORMAT_WAV | (bits_ == 32 ? SF_FORMAT_PCM_32 : SF_FORMAT_PCM_16); }

void WavSink::open(double rate) {
  // The file was created at 16 kHz to check it can be written; reopen it at the real rate.
  sf_close(file_);
  SF_INFO info{};
  info.samplerate = static_cast<int>(std::lround(rate));
  info.channels = channels_;
  info.format = format();
  file_ = sf_open(path_.c_str(), SFM_WRITE, &info);
  if (!file_) throw InputError(path_, std::string("cannot write the file: ") + sf_strerror(nullptr));
  rate_ = rate;
}

bool WavSink::prepare(size_t frames, double rate) {
  if (!file_ && rate_ > 0) return false;  // closed
  if (rate_ == 0) open(rate);
  else if (std::abs(rate - rate_) > 0.5) rateChanged_ = true;
  return frames > 0;
}

void WavSink::write(const int16_t* interleaved, size_t frames, double rate) {
  if (!prepare(frames, rate)) return;
  // libsndfile scales 16-bit input to the file's width.
  const sf_count_t n = sf_writef_short(file_, interleaved, static_cast<sf_count_t>(frames));
  if (n != static_cast<sf_count_t>(frames)) throw InputError(path_, "write failed (disk full?)");
  frames_ += frames;
}

void WavSink::write(const int32_t* interleaved, size_t frames, double rate) {
  if (!prepare(frames, rate)) return;
  const sf_count_t n = sf_writef_int(file_, interleaved, static_cast<sf_count_t>(frames));
  if (n != static_cast<sf_count_t>(frames)) throw InputError(path_, "write failed (disk full?)");
  frames_ += frames;
}

void WavSink::close() {
  if (!file_) return;
  sf_close(file_);
  file_ = nullptr;
  if (rate_ == 0) rate_ = -1;  // nothing was written: the file stays an empty 16 kHz WAV
}

}  // namespace wtm::audio
