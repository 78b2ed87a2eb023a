#include "Resampler.h"

#include <samplerate.h>

#include <stdexcept>
#include <string>

namespace wtm::audio {
namespace {
constexpr size_t kInputBlock = 1024;  // input samples handed to libsamplerate per callback
}

Resampler::Resampler(Pull pull, double ratio, Quality quality)
    : pull_(std::move(pull)), ratio_(ratio), input_(kInputBlock) {
  int error = 0;
  const int converter = quality == Quality::BandLimited ? SRC_SINC_FASTEST : SRC_LINEAR;
  state_ = src_callback_new(&Resampler::supply, converter, 1, &error, this);
  if (!state_) throw std::runtime_error(std::string("libsamplerate: ") + src_strerror(error));
  if (src_is_valid_ratio(ratio) == 0) throw std::invalid_argument("resampling ratio out of range");
}

Resampler::~Resampler() { src_delete(state_); }

long Resampler::supply(void* self, float** data) {
  auto* r = static_cast<Resampler*>(self);
  r->pull_(r->input_.data(), r->input_.size());
  *data = r->input_.data();
  return static_cast<long>(r->input_.size());
}

void Resampler::read(float* out, size_t count) {
  size_t done = 0;
  while (done < count) {
    const long got = src_callback_read(state_, ratio_, static_cast<long>(count - done), out + done);
    if (got <= 0) {
      const int error = src_error(state_);
      throw std::runtime_error(std::string("libsamplerate: ") + (error ? src_strerror(error) : "no output"));
    }
    done += static_cast<size_t>(got);
  }
}

void Resampler::setRatio(double outputRateOverInputRate) {
  if (src_is_valid_ratio(outputRateOverInputRate) == 0) throw std::invalid_argument("resampling ratio out of range");
  ratio_ = outputRateOverInputRate;
  src_set_ratio(state_, ratio_);  // a step change, not a glide, as a clock switch is
}

}  // namespace wtm::audio
