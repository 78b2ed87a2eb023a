#include "FirDecimator.h"

#include <algorithm>
#include <stdexcept>

namespace wtm::audio {

FirDecimator::FirDecimator(std::vector<double> coefficients, unsigned factor)
    : h_(std::move(coefficients)), factor_(factor), history_(2 * h_.size(), 0.0) {
  if (h_.empty() || factor < 1) throw std::invalid_argument("FIR decimator needs taps and a factor >= 1");
  std::reverse(h_.begin(), h_.end());
}

void FirDecimator::reset() {
  std::fill(history_.begin(), history_.end(), 0.0);
  head_ = 0;
  phase_ = 0;
}

size_t FirDecimator::process(const double* in, size_t count, double* out) {
  const size_t taps = h_.size();
  size_t produced = 0;
  for (size_t n = 0; n < count; ++n) {
    // write the sample twice so history_[head_ … head_ + taps − 1] is the window, oldest first
    history_[head_] = history_[head_ + taps] = in[n];
    head_ = head_ + 1 == taps ? 0 : head_ + 1;
    if (++phase_ < factor_) continue;
    phase_ = 0;
    const double* window = &history_[head_];
    double acc = 0;
    for (size_t k = 0; k < taps; ++k) acc += h_[k] * window[k];
    out[produced++] = acc;
  }
  return produced;
}

}  // namespace wtm::audio
