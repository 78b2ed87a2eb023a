#include "npu/ErrorStats.h"

#include <cmath>
#include <cstdlib>

namespace wtm::npu {

void ErrorStats::add(int expected, int got, std::size_t frame, std::size_t column) {
  const int e = got - expected;
  ++total_;
  if (e == 0) {
    ++exact_;
  } else if (!first_) {
    first_ = Mismatch{frame, column, expected, got};
  }
  if (std::abs(e) <= 1) ++withinOne_;
  if (std::abs(e) > maxAbs_) maxAbs_ = std::abs(e);
  sum_ += e;
  sumSq_ += double(e) * e;
}

void ErrorStats::merge(const ErrorStats& o) {
  if (!first_ && o.first_) first_ = o.first_;
  total_ += o.total_;
  exact_ += o.exact_;
  withinOne_ += o.withinOne_;
  if (o.maxAbs_ > maxAbs_) maxAbs_ = o.maxAbs_;
  sum_ += o.sum_;
  sumSq_ += o.sumSq_;
}

double ErrorStats::meanError() const { return total_ ? sum_ / double(total_) : 0.0; }

double ErrorStats::stdError() const {
  if (!total_) return 0.0;
  const double m = meanError();
  const double v = sumSq_ / double(total_) - m * m;
  return v > 0 ? std::sqrt(v) : 0.0;
}

double ErrorStats::rmsError() const { return total_ ? std::sqrt(sumSq_ / double(total_)) : 0.0; }

}  // namespace wtm::npu
