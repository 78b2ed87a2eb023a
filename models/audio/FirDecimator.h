// Linear-phase FIR followed by keeping every `factor`-th output (only those are computed).
#pragma once
#include <cstddef>
#include <vector>

namespace wtm::audio {

class FirDecimator {
 public:
  FirDecimator(std::vector<double> coefficients, unsigned factor);

  // Returns the number of outputs written to `out`.
  size_t process(const double* in, size_t count, double* out);
  void reset();
  const std::vector<double>& coefficients() const { return h_; }
  unsigned factor() const { return factor_; }
  double groupDelayInputSamples() const { return (static_cast<double>(h_.size()) - 1) / 2; }

 private:
  std::vector<double> h_;  // reversed: h_[0] multiplies the oldest sample in the window
  unsigned factor_;
  std::vector<double> history_;  // doubled ring so the window is always contiguous
  size_t head_ = 0;
  unsigned phase_ = 0;
};

}  // namespace wtm::audio
