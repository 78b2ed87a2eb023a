#include "FixedPointFft.h"

#include <cmath>

namespace wtm::periph {
namespace {

constexpr unsigned kCore = FixedPointFft::kPoints / 2;  // complex points of the core
// Twiddle parts: trunc(v · 2^31) with +1.0 held at 2^31 − 1 (what a float-to-int conversion of a
// Q31 table gives). The vendor's windowed vector (24-bit values) needs at least ~27 fraction bits
// in the core; Q31 truncated is exact on all three vectors.
constexpr int kTwiddleBits = 31;
const double kPi = std::acos(-1.0);

using Parts = std::array<std::int64_t, kCore>;
__extension__ typedef __int128 Wide;  // products of up to 48-bit data and 31-bit twiddles

std::int64_t twiddle(double v) {
  const double scaled = std::trunc(std::ldexp(v, kTwiddleBits));
  const double top = std::ldexp(1.0, kTwiddleBits);
  return static_cast<std::int64_t>(scaled >= top ? top - 1 : scaled < -top ? -top : scaled);
}

// p·c − q·s and p·s + q·c, the parts of (p + jq)(c + js), before rounding.
Wide realPart(std::int64_t p, std::int64_t q, std::int64_t c, std::int64_t s) { return Wide(p) * c - Wide(q) * s; }
Wide imagPart(std::int64_t p, std::int64_t q, std::int64_t c, std::int64_t s) { return Wide(p) * s + Wide(q) * c; }

// Rounded half up: (v + 2^(bits−1)) >> bits. >> of a negative value is an arithmetic shift with
// GCC and Clang (floor), which the rounding relies on.
std::int64_t roundShift(Wide v, int bits) { return static_cast<std::int64_t>((v + (Wide(1) << (bits - 1))) >> bits); }
std::int64_t halve(std::int64_t v) { return (v + 1) >> 1; }  // the split's halvings, rounded half up

// A twiddle (c, s): the multiplier c + js. Each table below is built once.
struct Rotation {
  std::int64_t c, s;
};
template <unsigned N, typename Make>
std::array<Rotation, N> table(Make make) {
  std::array<Rotation, N> t{};
  for (unsigned i = 0; i < N; ++i) t[i] = make(i);
  return t;
}
Rotation unit(double angle) { return {twiddle(std::cos(angle)), twiddle(std::sin(angle))}; }
// The core's W^m = exp(∓2πjm/256), m = 0..127.
const std::array<Rotation, kCore / 2>& coreTwiddles(bool inverse) {
  static const auto forward = table<kCore / 2>([](unsigned m) { return unit(-2 * kPi * m / kCore); });
  static const auto backward = table<kCore / 2>([](unsigned m) { return unit(2 * kPi * m / kCore); });
  return inverse ? backward : forward;
}
double splitAngle(unsigned k) { return kPi * k / kCore; }  // θ of W512^k

void core(Parts& re, Parts& im, bool inverse) {
  Parts r{}, m{};
  for (unsigned i = 0; i < kCore; ++i) {
    r[i] = re[FixedPointFft::reverse8(i)];
    m[i] = im[FixedPointFft::reverse8(i)];
  }
  const auto& w = coreTwiddles(inverse);
  for (unsigned half = 1; half < kCore; half <<= 1) {
    const unsigned stride = kCore / (2 * half);  // twiddle index step of this stage
    for (unsigned group = 0; group < kCore; group += 2 * half)
      for (unsigned j = 0; j < half; ++j) {
        const auto [c, s] = w[j * stride];
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
  // One unit per pair (k, 256 − k): halved sum and difference, the difference turned by
  // −j·W512^k = (−sin θ, −cos θ), then both outputs halved; X[256 − k] is conjugated before its halving.
  static const auto split = table<kCore / 2 + 1>([](unsigned k) {
    const double theta = splitAngle(k);
    return Rotation{twiddle(-std::sin(theta)), twiddle(-std::cos(theta))};
  });
  Words out{};
  for (unsigned k = 0; k <= kCore / 2; ++k) {
    const unsigned m = (kCore - k) % kCore;
    const std::int64_t er = halve(zr[k] + zr[m]), ei = halve(zi[k] - zi[m]);
    const std::int64_t orr = halve(zr[k] - zr[m]), oi = halve(zi[k] + zi[m]);
    const auto [c, s] = split[k];
    const std::int64_t tr = roundShift(realPart(orr, oi, c, s), kTwiddleBits);
    const std::int64_t ti = roundShift(imagPart(orr, oi, c, s), kTwiddleBits);
    out[2 * k] = halve(er + tr);
    out[2 * k + 1] = halve(ei + ti);
    if (k == 0) {
      out[1] = halve(er - tr);  // X[256], in bin 0's imaginary slot
    } else if (k < kCore / 2) {
      out[2 * m] = halve(er - tr);
      out[2 * m + 1] = halve(ti - ei);
    }
  }
  return out;
}

FixedPointFft::Words FixedPointFft::inverse(const Words& halfSpectrum) {
  Parts xr{}, xi{};
  for (unsigned k = 0; k < kCore; ++k) {
    xr[k] = halfSpectrum[2 * k];
    xi[k] = halfSpectrum[2 * k + 1];
  }
  static const auto preSplit = table<kCore>([](unsigned k) {  // j·W512^−k
    const double theta = splitAngle(k);
    return Rotation{twiddle(-std::sin(theta)), twiddle(std::cos(theta))};
  });
  Parts zr{}, zi{};
  for (unsigned k = 0; k < kCore; ++k) {
    const unsigned nk = (kCore - k) % kCore;
    const std::int64_t er = xr[k] + xr[nk], ei = xi[k] - xi[nk];
    const std::int64_t orr = xr[k] - xr[nk], oi = xi[k] + xi[nk];
    const auto [c, s] = preSplit[k];
    zr[k] = er + roundShift(realPart(orr, oi, c, s), kTwiddleBits);
    zi[k] = ei + roundShift(imagPart(orr, oi, c, s), kTwiddleBits);
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

namespace wtm::periph {

unsigned FixedPointFft::reverse8(unsigned i) {
  unsigned r = 0;
  for (int b = 0; b < 8; ++b) r |= ((i >> b) & 1u) << (7 - b);
  return r;
}

}  // namespace wtm::periph
