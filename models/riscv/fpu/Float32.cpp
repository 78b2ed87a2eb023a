#include "Float32.h"

namespace wtm::riscv::fp {
namespace {

__extension__ typedef unsigned __int128 u128;  // GCC/Clang: exact 128-bit intermediates

constexpr uint32_t kSignBit = 0x80000000u;
constexpr uint32_t kExpMask = 0x7F800000u;
constexpr uint32_t kFracMask = 0x007FFFFFu;
constexpr int kBias = 127;

bool isNaN(uint32_t a) { return (a & kExpMask) == kExpMask && (a & kFracMask); }
bool isSNaN(uint32_t a) { return isNaN(a) && !(a & 0x00400000u); }
bool isInf(uint32_t a) { return (a & 0x7FFFFFFFu) == kExpMask; }
bool isZero(uint32_t a) { return (a & 0x7FFFFFFFu) == 0; }
bool signOf(uint32_t a) { return a >> 31; }
uint32_t inf(bool sign) { return (sign ? kSignBit : 0) | kExpMask; }
uint32_t zero(bool sign) { return sign ? kSignBit : 0; }

// A finite nonzero operand as sig * 2^exp with sig < 2^24 (subnormals unnormalised).
struct Unpacked {
  bool sign;
  int exp;
  uint32_t sig;
};
Unpacked unpack(uint32_t a) {
  const int e = static_cast<int>((a >> 23) & 0xFF);
  const uint32_t f = a & kFracMask;
  if (e == 0) return {signOf(a), 1 - kBias - 23, f};
  return {signOf(a), e - kBias - 23, f | 0x00800000u};
}

int msb(u128 v) {
  int n = -1;
  while (v) {
    v >>= 1;
    ++n;
  }
  return n;
}

// Shift right keeping every shifted-out 1 as a sticky LSB ("jamming").
u128 shiftRightJam(u128 v, int n) {
  if (n <= 0) return v;
  if (n >= 127) return v != 0;
  return (v >> n) | ((v & ((u128(1) << n) - 1)) != 0);
}

bool roundsUp(unsigned rm, bool sign, u128 rem, u128 half, bool odd) {
  if (rem == 0) return false;
  switch (rm) {
    case RNE: return rem > half || (rem == half && odd);
    case RTZ: return false;
    case RDN: return sign;
    case RUP: return !sign;
    default: return rem >= half;  // RMM
  }
}

// Rounds the exact value (-1)^sign * sig * 2^exp (sig may carry a sticky LSB, and must keep
// at least two bits below the rounding point for that to be exact) to binary32.
Result roundPack(bool sign, int exp, u128 sig, unsigned rm) {
  if (sig == 0) return {zero(sign), 0};
  // Normalise so that the leading one sits at bit 100, far above any rounding point.
  const int lead = msb(sig);
  if (lead < 100) sig <<= (100 - lead);
  else sig = shiftRightJam(sig, lead - 100);
  exp -= 100 - lead;
  const int e = exp + 100;  // value = 1.f * 2^e with unbounded exponent
  uint8_t flags = 0;

  // Tininess after rounding: round to 24 bits with an unbounded exponent first.
  bool tiny = false;
  if (e < -126) {
    const int shift24 = 100 - 23;
    const u128 rem = sig & ((u128(1) << shift24) - 1);
    u128 m = sig >> shift24;
    if (roundsUp(rm, sign, rem, u128(1) << (shift24 - 1), m & 1)) ++m;
    tiny = !(e == -127 && m == (u128(1) << 24));
  }

  int shift = 100 - 23;               // keep 24 bits for normal results
  if (e < -126) shift += (-126 - e);  // fewer for subnormals
  u128 mant, rem;
  if (shift >= 127) {
    mant = 0;
    rem = sig;
  } else {
    mant = sig >> shift;
    rem = sig & ((u128(1) << shift) - 1);
  }
  const bool inexact = rem != 0;
  bool up;
  if (shift >= 127) {
    // Far below half the smallest subnormal: only rounding away from zero gives one.
    up = inexact && ((rm == RUP && !sign) || (rm == RDN && sign));
  } else {
    up = roundsUp(rm, sign, rem, u128(1) << (shift - 1), mant & 1);
  }
  if (up) ++mant;
  int biasedExp;
  if (e < -126) {
    // Subnormal range: a carry into bit 23 makes it the smallest normal number.
    biasedExp = (mant >> 23) ? 1 : 0;
    mant &= kFracMask;
  } else {
    int ee = e;
    if (mant >> 24) {
      mant >>= 1;
      ++ee;
    }
    if (ee > 127) {
      flags |= OF | NX;
      const bool toInf = rm == RNE || rm == RMM || (rm == RUP && !sign) || (rm == RDN && sign);
      return {toInf ? inf(sign) : ((sign ? kSignBit : 0) | 0x7F7FFFFFu), flags};
    }
    biasedExp = ee + kBias;
    mant &= kFracMask;
  }
  if (inexact) flags |= NX;
  if (tiny && inexact) flags |= UF;
  return {(sign ? kSignBit : 0) | (static_cast<uint32_t>(biasedExp) << 23) | static_cast<uint32_t>(mant), flags};
}

Result nanResult(uint32_t a, uint32_t b) {
  return {kCanonicalNaN, static_cast<uint8_t>((isSNaN(a) || isSNaN(b)) ? NV : 0)};
}

// Exact sum of two signed values sigA*2^expA + sigB*2^expB (sigs with jam bits allowed).
Result addExact(bool signA, int expA, u128 sigA, bool signB, int expB, u128 sigB, unsigned rm) {
  if (sigA == 0 && sigB == 0) {
    const bool sign = (signA == signB) ? signA : (rm == RDN);
    return {zero(sign), 0};
  }
  if (sigA == 0) return roundPack(signB, expB, sigB, rm);
  if (sigB == 0) return roundPack(signA, expA, sigA, rm);
  // Bring both to a common exponent with the larger one's leading bit at ~bit 120.
  const int topA = msb(sigA) + expA, topB = msb(sigB) + expB;
  const int top = topA > topB ? topA : topB;
  const int base = top - 120;  // exponent of bit 0 in the common frame
  auto place = [&](u128 sig, int exp) {
    const int s = exp - base;
    return s >= 0 ? sig << s : shiftRightJam(sig, -s);
  };
  const u128 a = place(sigA, expA), b = place(sigB, expB);
  if (signA == signB) return roundPack(signA, base, a + b, rm);
  if (a == b) return {zero(rm == RDN), 0};
  return a > b ? roundPack(signA, base, a - b, rm) : roundPack(signB, base, b - a, rm);
}

}  // namespace

Result add(uint32_t a, uint32_t b, unsigned rm) {
  if (isNaN(a) || isNaN(b)) return nanResult(a, b);
  if (isInf(a) || isInf(b)) {
    if (isInf(a) && isInf(b) && signOf(a) != signOf(b)) return {kCanonicalNaN, NV};
    return {isInf(a) ? a : b, 0};
  }
  const Unpacked x = unpack(a), y = unpack(b);
  if (isZero(a) && isZero(b)) {
    const bool sign = (x.sign == y.sign) ? x.sign : (rm == RDN);
    return {zero(sign), 0};
  }
  return addExact(x.sign, x.exp, x.sig, y.sign, y.exp, y.sig, rm);
}

Result sub(uint32_t a, uint32_t b, unsigned rm) {
  if (isNaN(a) || isNaN(b)) return nanResult(a, b);
  return add(a, b ^ kSignBit, rm);
}

Result mul(uint32_t a, uint32_t b, unsigned rm) {
  if (isNaN(a) || isNaN(b)) return nanResult(a, b);
  const bool sign = signOf(a) != signOf(b);
  if (isInf(a) || isInf(b)) {
    if (isZero(a) || isZero(b)) return {kCanonicalNaN, NV};
    return {inf(sign), 0};
  }
  if (isZero(a) || isZero(b)) return {zero(sign), 0};
  const Unpacked x = unpack(a), y = unpack(b);
  return roundPack(sign, x.exp + y.exp, u128(x.sig) * y.sig, rm);
}

Result div(uint32_t a, uint32_t b, unsigned rm) {
  if (isNaN(a) || isNaN(b)) return nanResult(a, b);
  const bool sign = signOf(a) != signOf(b);
  if (isInf(a)) {
    if (isInf(b)) return {kCanonicalNaN, NV};
    return {inf(sign), 0};
  }
  if (isInf(b)) return {zero(sign), 0};
  if (isZero(b)) {
    if (isZero(a)) return {kCanonicalNaN, NV};
    return {inf(sign), DZ};
  }
  if (isZero(a)) return {zero(sign), 0};
  const Unpacked x = unpack(a), y = unpack(b);
  // 64 extra quotient bits are far more than rounding needs; the remainder is the sticky bit.
  const u128 num = u128(x.sig) << 64;
  const u128 q = num / y.sig, r = num % y.sig;
  return roundPack(sign, x.exp - y.exp - 65, (q << 1) | (r != 0), rm);
}

Result sqrt(uint32_t a, unsigned rm) {
  if (isNaN(a)) return nanResult(a, a);
  if (isZero(a)) return {a, 0};
  if (signOf(a)) return {kCanonicalNaN, NV};
  if (isInf(a)) return {a, 0};
  Unpacked x = unpack(a);
  // sqrt(sig * 2^exp) with an even exponent and the radicand scaled up for 50+ result bits.
  u128 rad = x.sig;
  int exp = x.exp;
  if (exp & 1) {
    rad <<= 1;
    --exp;
  }
  rad <<= 100;
  exp -= 100;
  // Integer square root by bits (rad < 2^125).
  u128 root = 0, rest = rad;
  for (int bit = 62; bit >= 0; --bit) {
    const u128 trial = (root << (bit + 1)) + (u128(1) << (2 * bit));
    if (rest >= trial) {
      rest -= trial;
      root |= u128(1) << bit;
    }
  }
  return roundPack(false, exp / 2 - 1, (root << 1) | (rest != 0), rm);
}

Result fma(uint32_t a, uint32_t b, uint32_t c, bool negateProduct, bool negateAddend, unsigned rm) {
  if (isNaN(a) || isNaN(b) || isNaN(c)) {
    // inf * 0 with a quiet NaN addend is still invalid (the spec leaves it optional; RISC-V sets it).
    const bool invalidProduct = (isInf(a) && isZero(b)) || (isZero(a) && isInf(b));
    const bool snan = isSNaN(a) || isSNaN(b) || isSNaN(c);
    return {kCanonicalNaN, static_cast<uint8_t>((snan || invalidProduct) ? NV : 0)};
  }
  const bool signP = (signOf(a) != signOf(b)) != negateProduct;
  const bool signC = signOf(c) != negateAddend;
  if (isInf(a) || isInf(b)) {
    if (isZero(a) || isZero(b)) return {kCanonicalNaN, NV};
    if (isInf(c) && signC != signP) return {kCanonicalNaN, NV};
    return {inf(signP), 0};
  }
  if (isInf(c)) return {inf(signC), 0};
  const bool zeroP = isZero(a) || isZero(b);
  if (zeroP && isZero(c)) {
    const bool sign = (signP == signC) ? signP : (rm == RDN);
    return {zero(sign), 0};
  }
  if (zeroP) return {(c & 0x7FFFFFFFu) | (signC ? kSignBit : 0), 0};
  const Unpacked x = unpack(a), y = unpack(b);
  const u128 prod = u128(x.sig) * y.sig;
  if (isZero(c)) return roundPack(signP, x.exp + y.exp, prod, rm);
  const Unpacked z = unpack(c);
  return addExact(signP, x.exp + y.exp, prod, signC, z.exp, z.sig, rm);
}

namespace {

// Rounds |a| to an integer in the given mode; returns false for NaN/inf. `inexact` set when
// the value had a fraction.
bool roundToInteger(uint32_t a, unsigned rm, u128& magnitude, bool& inexact) {
  if (isNaN(a) || isInf(a)) return false;
  inexact = false;
  if (isZero(a)) {
    magnitude = 0;
    return true;
  }
  const Unpacked x = unpack(a);
  if (x.exp >= 0) {
    magnitude = u128(x.sig) << (x.exp > 40 ? 40 : x.exp);  // 2^64+ is out of range anyway
    return true;
  }
  const int shift = -x.exp;
  const u128 sig = x.sig;
  u128 whole = shift >= 64 ? 0 : sig >> shift;
  const u128 rem = shift >= 64 ? sig : sig & ((u128(1) << shift) - 1);
  const u128 half = shift >= 64 ? (u128(1) << 63) : (u128(1) << (shift - 1));
  inexact = rem != 0;
  const bool up = shift >= 64 ? (inexact && ((rm == RUP && !x.sign) || (rm == RDN && x.sign)))
                              : roundsUp(rm, x.sign, rem, half, whole & 1);
  if (up) ++whole;
  magnitude = whole;
  return true;
}

}  // namespace

Result toInt32(uint32_t a, unsigned rm) {
  u128 m;
  bool inexact;
  if (!roundToInteger(a, rm, m, inexact)) {
    const bool neg = !isNaN(a) && signOf(a);
    return {neg ? 0x80000000u : 0x7FFFFFFFu, NV};
  }
  const bool neg = signOf(a);
  if (neg ? m > u128(0x80000000u) : m > u128(0x7FFFFFFFu)) return {neg ? 0x80000000u : 0x7FFFFFFFu, NV};
  const uint32_t v = static_cast<uint32_t>(m);
  return {neg ? (~v + 1) : v, static_cast<uint8_t>(inexact ? NX : 0)};
}

Result toUint32(uint32_t a, unsigned rm) {
  u128 m;
  bool inexact;
  if (!roundToInteger(a, rm, m, inexact)) {
    const bool neg = !isNaN(a) && signOf(a);
    return {neg ? 0u : 0xFFFFFFFFu, NV};
  }
  if (signOf(a) && m != 0) return {0, NV};
  if (m > u128(0xFFFFFFFFu)) return {0xFFFFFFFFu, NV};
  return {static_cast<uint32_t>(m), static_cast<uint8_t>(inexact ? NX : 0)};
}

Result fromInt32(int32_t v, unsigned rm) {
  if (v == 0) return {0, 0};
  const bool neg = v < 0;
  const uint32_t mag = neg ? (~static_cast<uint32_t>(v) + 1) : static_cast<uint32_t>(v);
  return roundPack(neg, 0, mag, rm);
}

Result fromUint32(uint32_t v, unsigned rm) {
  if (v == 0) return {0, 0};
  return roundPack(false, 0, v, rm);
}

namespace {
// Total order of non-NaN values as signed integers (-0 < +0 for min/max purposes).
int64_t orderKey(uint32_t a) {
  return signOf(a) ? -static_cast<int64_t>(a & 0x7FFFFFFFu) - 1 : static_cast<int64_t>(a);
}
bool lessIeee(uint32_t a, uint32_t b) {
  if (isZero(a) && isZero(b)) return false;
  return orderKey(a) < orderKey(b);
}
}  // namespace

Result eq(uint32_t a, uint32_t b) {
  if (isNaN(a) || isNaN(b)) return {0, static_cast<uint8_t>((isSNaN(a) || isSNaN(b)) ? NV : 0)};
  return {(a == b || (isZero(a) && isZero(b))) ? 1u : 0u, 0};
}

Result lt(uint32_t a, uint32_t b) {
  if (isNaN(a) || isNaN(b)) return {0, NV};
  return {lessIeee(a, b) ? 1u : 0u, 0};
}

Result le(uint32_t a, uint32_t b) {
  if (isNaN(a) || isNaN(b)) return {0, NV};
  return {(lessIeee(a, b) || a == b || (isZero(a) && isZero(b))) ? 1u : 0u, 0};
}

Result min(uint32_t a, uint32_t b) {
  const uint8_t nv = (isSNaN(a) || isSNaN(b)) ? NV : 0;
  if (isNaN(a) && isNaN(b)) return {kCanonicalNaN, nv};
  if (isNaN(a)) return {b, nv};
  if (isNaN(b)) return {a, nv};
  return {orderKey(a) <= orderKey(b) ? a : b, nv};
}

Result max(uint32_t a, uint32_t b) {
  const uint8_t nv = (isSNaN(a) || isSNaN(b)) ? NV : 0;
  if (isNaN(a) && isNaN(b)) return {kCanonicalNaN, nv};
  if (isNaN(a)) return {b, nv};
  if (isNaN(b)) return {a, nv};
  return {orderKey(a) >= orderKey(b) ? a : b, nv};
}

uint32_t classify(uint32_t a) {
  const bool s = signOf(a);
  if (isNaN(a)) return isSNaN(a) ? (1u << 8) : (1u << 9);
  if (isInf(a)) return s ? (1u << 0) : (1u << 7);
  if (isZero(a)) return s ? (1u << 3) : (1u << 4);
  const bool sub = (a & kExpMask) == 0;
  if (s) return sub ? (1u << 2) : (1u << 1);
  return sub ? (1u << 5) : (1u << 6);
}

}  // namespace wtm::riscv::fp
