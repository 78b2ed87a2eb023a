// The FBANK's 512-point real transforms in the engine's integer arithmetic, as the vendor's test
// vectors (fft example) show it: a 256-point complex radix-2 core plus a real-signal split stage.
//
//   core    decimation in time, input in bit-reversed order, output natural; twiddles
//           W^m = exp(∓2πjm/256) as integers round(cos·2^30), round(sin·2^30); t = b·W with
//           each part rounded half up once; outputs a ± t. Forward: both butterfly inputs
//           shifted right by one (floor) before every stage (/256); inverse: no scaling.
//   forward z[n] = x[2n] + j·x[2n+1] through the core → Z; E = Z[k] + Z*[256−k],
//           O = Z[k] − Z*[256−k], T = O·(−j·W512^k) truncated toward zero (30-bit twiddles),
//           X[k] = ceil((E + T) / 4) per part → word 2k = Re, 2k+1 = Im (≈ DFT/512); word 1 =
//           X[256] = ceil((Re Z[0] − Im Z[0]) / 2). The vendor's vectors: 475 of 512 words exact
//           (the rest 1 LSB off, upper bins), windowed 211 of the 256 words its example checks.
//   inverse words [Re X0, X256, Re X1, Im X1, ...]; E, O as above from X,
//           Z[k] = E + round(O·(j·W512^−k)) (Q15), Z[0] = (X0 + X256) + j(X0 − X256);
//           the core unscaled; word 2n = Re z[n], 2n+1 = Im z[n]. The vendor's vector: 512 of 512.
// Found by fitting candidate datapaths to the vectors; the forward split's last rounding detail
// is still unknown.
#pragma once
#include <array>
#include <cstdint>

namespace wtm::periph {

class FixedPointFft {
 public:
  static constexpr unsigned kPoints = 512;
  using Words = std::array<std::int64_t, kPoints>;

  static Words forward(const Words& samples);
  static Words inverse(const Words& halfSpectrum);
};

}  // namespace wtm::periph
