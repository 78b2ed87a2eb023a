// Sample-rate conversion by libsamplerate (callback API): pulls input from a producer and
// delivers exactly as many output samples as asked for, at a ratio that may change on the way
// (the PDM clock follows the firmware's clock settings).
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

typedef struct SRC_STATE_tag SRC_STATE;

namespace wtm::audio {

class Resampler {
 public:
  enum class Quality {
    BandLimited,  // SRC_SINC_FASTEST: band-limited sinc interpolation (~97 dB SNR)
    Linear,       // SRC_LINEAR: straight lines between samples (for large integer-like ratios
                  // from an already oversampled signal)
  };
  using Pull = std::function<void(float* out, size_t count)>;  // must fill exactly `count`

  Resampler(Pull pull, double ratio, Quality quality);
  ~Resampler();
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  void read(float* out, size_t count);
  void setRatio(double outputRateOverInputRate);
  double ratio() const { return ratio_; }

 private:
  static long supply(void* self, float** data);

  Pull pull_;
  double ratio_;
  SRC_STATE* state_ = nullptr;
  std::vector<float> input_;
};

}  // namespace wtm::audio
