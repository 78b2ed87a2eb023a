// Comparison of model outputs with golden values: exact count, error moments, worst error and
// the first mismatch, accumulated value by value.
#pragma once
#include <cstdint>
#include <optional>

namespace wtm::npu {

struct Mismatch {
  std::size_t frame = 0;
  std::size_t column = 0;
  int expected = 0;
  int got = 0;
};

class ErrorStats {
 public:
  void add(int expected, int got, std::size_t frame, std::size_t column);
  void merge(const ErrorStats& other);

  std::uint64_t total() const { return total_; }
  std::uint64_t exact() const { return exact_; }
  std::uint64_t withinOne() const { return withinOne_; }
  int maxAbsError() const { return maxAbs_; }
  double meanError() const;  // mean of got - expected
  double stdError() const;   // population std of got - expected
  double rmsError() const;
  const std::optional<Mismatch>& firstMismatch() const { return first_; }
  bool allExact() const { return exact_ == total_; }

 private:
  std::uint64_t total_ = 0, exact_ = 0, withinOne_ = 0;
  int maxAbs_ = 0;
  double sum_ = 0, sumSq_ = 0;
  std::optional<Mismatch> first_;
};

}  // namespace wtm::npu
