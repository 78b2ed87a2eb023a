// Seeded random numbers for the non-ideal model. The standard library's engines are portable but
// its distributions are not (libstdc++ and libc++ draw different normals), and the noisy mode
// needs one normal per output at tens of millions per second, so the model carries its own:
// xoshiro256++ for bits and a 128-strip ziggurat (Marsaglia & Tsang) for N(0,1).
// Same seed, same sequence of calls -> bit-identical numbers on every platform.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace wtm::npu {

class RandomSource {
 public:
  explicit RandomSource(std::uint64_t seed = 1);
  // Independent stream for a named purpose: derive("programming"), derive("read noise")...
  // so switching one non-ideality on or off does not shift the numbers another one sees.
  static RandomSource derive(std::uint64_t seed, std::uint64_t streamId);

  std::uint64_t nextBits();
  double uniform();  // [0, 1)
  double normal();   // N(0, 1)
  // n draws of N(0, 1) into out, several times faster than normal() (float resolution, batched
  // candidates from a counter; RandomSource.cpp); the per-output read noise uses it.
  void fillNormal(float* out, std::size_t n);

 private:
  std::array<std::uint64_t, 4> state_{};
  std::uint64_t normalCounter_ = 0;  // fillNormal's candidates: SplitMix64 outputs of a counter
};

// Stream ids used by the model (kept together so no two purposes share one).
namespace stream {
constexpr std::uint64_t kProgramming = 0x50524F47;  // per-cell programming error
constexpr std::uint64_t kStuckCells = 0x53545543;
constexpr std::uint64_t kAdcColumns = 0x41444343;  // per-column ADC offset/gain
constexpr std::uint64_t kReadNoise = 0x52454144;   // per-evaluation read noise
}  // namespace stream

}  // namespace wtm::npu
