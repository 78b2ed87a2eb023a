// The FBANK's 512-point real transforms in the engine's integer arithmetic, as the vendor's test
// vectors (fft example) show it: a 256-point complex radix-2 core plus a real-signal split stage.
//
//   core    decimation in time, input in bit-reversed order, output natural; twiddles
//           W^m = exp(∓2πjm/256) as trunc(cos·2^31), trunc(sin·2^31) (1.0 held at 2^31 − 1);
//           t = b·W with each part rounded half up once; outputs a ± t. Forward: both
//           butterfly inputs halved (floor) before every stage (/256); inverse: no scaling.
//   forward z[n] = x[2n] + j·x[2n+1] through the core → Z; one unit per pair (k, m = 256 − k),
//           every halving rounded half up (h(v) = (v + 1) >> 1):
//             E = h(Z[k] + Z*[m]), O = h(Z[k] − Z*[m]), T = round(O·(−j·W512^k)),
//             X[k] = h(E + T) per part, X[m] = (h(Re E − Re T), h(Im T − Im E));
//           word 2k = Re X[k], 2k+1 = Im X[k] (≈ DFT/512), word 1 = X[256] = h(Re E − Re T) of k = 0.
//   inverse words [Re X0, X256, Re X1, Im X1, ...]; from X: E = X[k] + X*[256−k],
//           O = X[k] − X*[256−k], Z[k] = E + round(O·(j·W512^−k)), Z[0] = (X0 + X256) + j(X0 − X256);
//           the core unscaled; word 2n = Re z[n], 2n+1 = Im z[n].
// Found by fitting candidate datapaths to the vendor example's vectors (a ramp, unwindowed and
// windowed, and its inverse): all three bit-exact. Roundings the vectors cannot tell apart
// (half up vs ceil for the halvings, the twiddle table's exact width) are chosen as above.
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
  // `i` (0..255) with its 8 bits in reverse order: the core's input order.
  static unsigned reverse8(unsigned i);
};

}  // namespace wtm::periph
