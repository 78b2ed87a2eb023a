#include "FixedPointFft.h"

#include <cmath>

namespace wtm::periph {
namespace {

constexpr unsigned kCore = FixedPointFft::kPoints / 2;  // complex points of the core
// Fraction bits of the core's and the forward split's twiddles: the vendor's windowed vector
// (24-bit values) needs at least 25 (Q15 errs by up to 26 LSB there); the inverse split's
// twiddles are Q15 (all of 9..16 fit its vector).
constexpr int kTwiddleBits = 30;
constexpr int kInverseSplitBits = 15;
const double kPi = std::acos(-1.0);

using Parts = std::array<std::int64_t, kCore>;
__extension__ typedef __int128 Wide;  // products of 32-bit-plus data and 30-bit twiddles

// A twiddle part with `bits` fraction bits, rounded half up, no clipping (cos 0 = 2^bits).
std::int64_t twiddle(double v, int bits) { return static_cast<std::int64_t>(std::floor(std::ldexp(v, bits) + 0.5)); }

// p·c − q·s and p·s + q·c, the parts of (p + jq)(c + js), before rounding.
Wide realPart(std::int64_t p, std::int64_t q, std::int64_t c, std::int64_t s) { return Wide(p) * c - Wide(q) * s; }
Wide imagPart(std::int64_t p, std::int64_t q, std::int64_t c, std::int64_t s) { return Wide(p) * s + Wide(q) * c; }

// Rounded half up / truncated toward zero to an integer. >> of a negative value is an arithmetic
// shift with GCC and Clang (floor), which the rounding relies on.
std::int64_t roundShift(Wide v, int bits) { return static_cast<std::int64_t>((v + (Wide(1) << (bits - 1))) >> bits); }
std::int64_t truncShift(Wide v, int bits) {
  return static_cast<std::int64_t>(v >= 0 ? v >> bits : -((-v) >> bits));
}

unsigned reverse8(unsigned i) {
  unsigned r = 0;
  for (int b = 0; b < 8; ++b) r |= ((i >> b) & 1u) << (7 - b);
  return r;
}

void core(Parts& re, Parts& im, bool inverse) {
  Parts r{}, m{};
  for (unsigned i = 0; i < kCore; ++i) {
    r[i] = re[reverse8(i)];
    m[i] = im[reverse8(i)];
  }
  const double sign = inverse ? 1.0 : -1.0;
  for (unsigned half = 1; half < kCore; half <<= 1) {
    const unsigned stride = kCore / (2 * half);  // twiddle index step of this stage
    for (unsigned group = 0; group < kCore; group += 2 * half)
      for (unsigned j = 0; j < half; ++j) {
        const double angle = sign * 2 * kPi * (j * stride) / kCore;
        const std::int64_t c = twiddle(std::cos(angle), kTwiddleBits), s = twiddle(std::sin(angle), kTwiddleBits);
        const unsigned a = group + j, b = a + half;
        std::int64_t ar = r[a], ai = m[a], br = r[b], bi = m[b];
        if (!inverse) {
          ar >>= 1;
          ai >>= 1;
          br >>= 1;
          bi >>= 1;
        }
        const std::int64_t tr = roundShift(realPart(br, bi, c, s), kTwiddleBits);
        const std::int64_t ti = roundShift(imagPart(br, bi, c, s), kTwiddleBits);
        r[a] = ar + tr;
        m[a] = ai + ti;
        r[b] = ar - tr;
        m[b] = ai - ti;
      }
  }
  re = r;
  im = m;
}

}  // namespace

FixedPointFft::Words FixedPointFft::forward(const Words& samples) {
  Parts zr{}, zi{};
  for (unsigned n = 0; n < kCore; ++n) {
    zr[n] = samples[2 * n];
    zi[n] = samples[2 * n + 1];
  }
  core(zr, zi, false);
  Words out{};
  for (unsigned k = 0; k < kCore; ++k) {
    const unsigned nk = (kCore - k) % kCore;
    const std::int64_t er = zr[k] + zr[nk], ei = zi[k] - zi[nk];
    const std::int64_t orr = zr[k] - zr[nk], oi = zi[k] + zi[nk];
    const double theta = kPi * k / kCore;
    const std::int64_t c = twiddle(-std::sin(theta), kTwiddleBits), s = twiddle(-std::cos(theta), kTwiddleBits);  // −j·W512^k
    const std::int64_t tr = truncShift(realPart(orr, oi, c, s), kTwiddleBits);
    const std::int64_t ti = truncShift(imagPart(orr, oi, c, s), kTwiddleBits);
    out[2 * k] = -((-(er + tr)) >> 2);  // ceil(v / 4)
    out[2 * k + 1] = -((-(ei + ti)) >> 2);
  }
  out[1] = -((-(zr[0] - zi[0])) >> 1);  // X[256], ceil(v / 2), in bin 0's imaginary slot
  return out;
}

FixedPointFft::Words FixedPointFft::inverse(const Words& halfSpectrum) {
  Parts xr{}, xi{};
  for (unsigned k = 0; k < kCore; ++k) {
    xr[k] = halfSpectrum[2 * k];
    xi[k] = halfSpectrum[2 * k + 1];
  }
  Parts zr{}, zi{};
  for (unsigned k = 0; k < kCore; ++k) {
    const unsigned nk = (kCore - k) % kCore;
    const std::int64_t er = xr[k] + xr[nk], ei = xi[k] - xi[nk];
    const std::int64_t orr = xr[k] - xr[nk], oi = xi[k] + xi[nk];
    const double theta = kPi * k / kCore;
    const std::int64_t c = twiddle(-std::sin(theta), kInverseSplitBits), s = twiddle(std::cos(theta), kInverseSplitBits);  // j·W512^−k
    zr[k] = er + roundShift(realPart(orr, oi, c, s), kInverseSplitBits);
    zi[k] = ei + roundShift(imagPart(orr, oi, c, s), kInverseSplitBits);
  }
  // Bin 0 carries DC in its real part and the Nyquist bin X256 in its imaginary slot.
  zr[0] = xr[0] + xi[0];
  zi[0] = xr[0] - xi[0];
  core(zr, zi, true);
  Words out{};
  for (unsigned n = 0; n < kCore; ++n) {
    out[2 * n] = zr[n];
    out[2 * n + 1] = zi[n];
  }
  return out;
}

}  // namespace wtm::periph
