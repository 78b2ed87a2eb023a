// The AUDIO block's first decimator: a sinc^N (CIC, N integrators at the PDM rate, N combs at
// the output rate, differential delay 1) decimating by R. Integer arithmetic with wrap-around,
// as in hardware: the register width only has to hold the output range, 1 + N·log2(R) bits.
// Output is scaled to PDM full scale (DC gain 1).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace wtm::audio {

class CicDecimator {
 public:
  static constexpr unsigned kMaxOrder = 6;

  CicDecimator(unsigned order, unsigned decimation);

  // Consumes PDM bits (±1); writes one output per `decimation` inputs. Returns outputs written.
  size_t process(const int8_t* bits, size_t count, double* out);
  void reset();
  unsigned decimation() const { return decimation_; }
  // Group delay in input samples: N·(R − 1)/2.
  double groupDelayInputSamples() const { return order_ * (decimation_ - 1) / 2.0; }

 private:
  unsigned order_;
  unsigned decimation_;
  double scale_;                             // 1 / R^N
  std::array<uint64_t, kMaxOrder> integ_{};  // modular arithmetic: wrap-around is intended
  std::array<uint64_t, kMaxOrder> comb_{};
  unsigned phase_ = 0;
};

}  // namespace wtm::audio
