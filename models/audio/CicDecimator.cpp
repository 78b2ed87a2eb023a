#include "CicDecimator.h"

#include <cmath>
#include <stdexcept>

namespace wtm::audio {

CicDecimator::CicDecimator(unsigned order, unsigned decimation) : order_(order), decimation_(decimation) {
  if (order < 1 || order > kMaxOrder || decimation < 1)
    throw std::invalid_argument("CIC order/decimation out of range");
  scale_ = 1.0 / std::pow(static_cast<double>(decimation), static_cast<double>(order));
}

void CicDecimator::reset() {
  integ_.fill(0);
  comb_.fill(0);
  phase_ = 0;
}

size_t CicDecimator::process(const int8_t* bits, size_t count, double* out) {
  size_t produced = 0;
  for (size_t n = 0; n < count; ++n) {
    uint64_t acc = static_cast<uint64_t>(static_cast<int64_t>(bits[n]));
    for (unsigned k = 0; k < order_; ++k) acc = integ_[k] += acc;
    if (++phase_ < decimation_) continue;
    phase_ = 0;
    for (unsigned k = 0; k < order_; ++k) {
      const uint64_t previous = comb_[k];
      comb_[k] = acc;
      acc -= previous;
    }
    out[produced++] = static_cast<double>(static_cast<int64_t>(acc)) * scale_;
  }
  return produced;
}

}  // namespace wtm::audio
