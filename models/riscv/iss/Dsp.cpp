#include "Dsp.h"

namespace wtm::riscv::iss {

namespace {

struct Lanes16 {
  static constexpr int kCount = 2;
  static constexpr int kBits = 16;
};
struct Lanes8 {
  static constexpr int kCount = 4;
  static constexpr int kBits = 8;
};

template <class L>
int32_t lane(uint32_t v, int i, bool isSigned) {
  const uint32_t mask = (1u << L::kBits) - 1;
  const uint32_t u = (v >> (L::kBits * i)) & mask;
  if (!isSigned) return static_cast<int32_t>(u);
  const uint32_t sign = 1u << (L::kBits - 1);
  return static_cast<int32_t>(u ^ sign) - static_cast<int32_t>(sign);
}

int32_t saturate(int32_t v, int32_t lo, int32_t hi, bool& ov) {
  if (v > hi) {
    ov = true;
    return hi;
  }
  if (v < lo) {
    ov = true;
    return lo;
  }
  return v;
}

// Applies `f(a_lane, b_lane, ov)` lane by lane; lanes read signed when `isSigned`.
template <class L, class F>
uint32_t perLane(uint32_t a, uint32_t b, bool isSigned, bool& ov, F&& f) {
  uint32_t out = 0;
  const uint32_t mask = (1u << L::kBits) - 1;
  for (int i = 0; i < L::kCount; ++i) {
    const int32_t r = f(lane<L>(a, i, isSigned), lane<L>(b, i, isSigned), ov);
    out |= (static_cast<uint32_t>(r) & mask) << (L::kBits * i);
  }
  return out;
}

// The ten add/subtract flavours, by funct7 bits: 0x20/0x21 (0x24/0x25) wrap; 0x00/0x01 signed
// halving; 0x08/0x09 signed saturating; 0x10/0x11 unsigned halving; 0x18/0x19 unsigned saturating.
template <class L>
uint32_t addSub(uint32_t funct7, uint32_t a, uint32_t b, bool& ov) {
  const bool sub = funct7 & 1;
  const uint32_t kind = funct7 & 0x38;  // after removing the 8-bit flag (0x04)
  const bool wrap = (funct7 & 0x20) != 0;
  const bool isSigned = wrap || kind == 0x00 || kind == 0x08;
  const int32_t smax = (1 << (L::kBits - 1)) - 1, smin = -(1 << (L::kBits - 1)), umax = (1 << L::kBits) - 1;
  return perLane<L>(a, b, isSigned, ov, [&](int32_t x, int32_t y, bool& o) -> int32_t {
    const int32_t s = sub ? x - y : x + y;
    if (wrap) return s;
    switch (kind) {
      case 0x00:
      case 0x10: return s >> 1;  // halving (arithmetic shift of the exact sum)
      case 0x08: return saturate(s, smin, smax, o);
      default: return saturate(s, 0, umax, o);
    }
  });
}

template <class L>
uint32_t minMax(bool isSigned, bool max, uint32_t a, uint32_t b) {
  bool unused = false;
  return perLane<L>(a, b, isSigned, unused,
                    [&](int32_t x, int32_t y, bool&) { return max ? (x > y ? x : y) : (x < y ? x : y); });
}

template <class L>
uint32_t shift(uint32_t kind, uint32_t a, uint32_t amount) {
  bool unused = false;
  const bool arithmetic = kind == 0;
  return perLane<L>(a, 0, arithmetic, unused, [&](int32_t x, int32_t, bool&) -> int32_t {
    if (kind == 0) return x >> amount;
    if (kind == 1) return static_cast<int32_t>(static_cast<uint32_t>(x) >> amount);
    return static_cast<int32_t>(static_cast<uint32_t>(x) << amount);
  });
}

// Q15 / Q7 multiply: (a * b) >> (bits - 1), saturating the one overflowing case (-1 x -1).
template <class L>
uint32_t qMultiply(uint32_t a, uint32_t b, bool& ov) {
  const int32_t minValue = -(1 << (L::kBits - 1));
  return perLane<L>(a, b, true, ov, [&](int32_t x, int32_t y, bool& o) -> int32_t {
    if (x == minValue && y == minValue) {
      o = true;
      return -minValue - 1;
    }
    return (x * y) >> (L::kBits - 1);
  });
}

// Laid out by hand, one row per byte pair.
// clang-format off
uint32_t unpack(uint32_t sub, uint32_t a) {
  auto byte = [&](int i, bool isSigned) -> uint32_t {
    const uint32_t u = (a >> (8 * i)) & 0xFF;
    return (isSigned ? static_cast<uint32_t>(static_cast<int32_t>(static_cast<int8_t>(u))) : u) & 0xFFFF;
  };
  const bool isSigned = sub < 12 || sub == 19;
  int hi = 1, lo = 0;
  switch (sub) {
    case 8: case 12: hi = 1; lo = 0; break;
    case 9: case 13: hi = 2; lo = 0; break;
    case 10: case 14: hi = 3; lo = 0; break;
    case 11: case 15: hi = 3; lo = 1; break;
    default: hi = 3; lo = 2; break;  // 19, 23
  }
  return (byte(hi, isSigned) << 16) | byte(lo, isSigned);
}
// clang-format on

}  // namespace

// Laid out by hand, one row per opcode group.
// clang-format off
DspResult executeDsp(uint32_t funct7, uint32_t rs2Field, uint32_t a, uint32_t b) {
  bool ov = false;
  uint32_t r = 0;
  switch (funct7) {
    case 0x20: case 0x21: case 0x00: case 0x01: case 0x08: case 0x09: case 0x10: case 0x11: case 0x18: case 0x19:
      r = addSub<Lanes16>(funct7, a, b, ov);
      break;
    case 0x24: case 0x25: case 0x04: case 0x05: case 0x0C: case 0x0D: case 0x14: case 0x15: case 0x1C: case 0x1D:
      r = addSub<Lanes8>(funct7 & ~0x04u, a, b, ov);
      break;
    case 0x40: r = minMax<Lanes16>(true, false, a, b); break;
    case 0x41: r = minMax<Lanes16>(true, true, a, b); break;
    case 0x48: r = minMax<Lanes16>(false, false, a, b); break;
    case 0x49: r = minMax<Lanes16>(false, true, a, b); break;
    case 0x44: r = minMax<Lanes8>(true, false, a, b); break;
    case 0x45: r = minMax<Lanes8>(true, true, a, b); break;
    case 0x4C: r = minMax<Lanes8>(false, false, a, b); break;
    case 0x4D: r = minMax<Lanes8>(false, true, a, b); break;
    case 0x28: case 0x29: case 0x2A: r = shift<Lanes16>(funct7 - 0x28, a, b & 15); break;
    case 0x2C: case 0x2D: case 0x2E: r = shift<Lanes8>(funct7 - 0x2C, a, b & 7); break;
    case 0x43: r = qMultiply<Lanes16>(a, b, ov); break;
    case 0x47: r = qMultiply<Lanes8>(a, b, ov); break;
    case 0x72: case 0x7A: {  // SCLIP32 [-2^imm, 2^imm - 1] / UCLIP32 [0, 2^imm - 1]
      const int64_t lim = int64_t{1} << rs2Field;
      const int64_t v = static_cast<int32_t>(a);
      const int64_t lo = funct7 == 0x72 ? -lim : 0;
      if (v > lim - 1) {
        r = static_cast<uint32_t>(lim - 1);
        ov = true;
      } else if (v < lo) {
        r = static_cast<uint32_t>(lo);
        ov = true;
      } else {
        r = a;
      }
      break;
    }
    case 0x56: r = unpack(rs2Field, a); break;
    default: break;
  }
  return {r, ov};
}
// clang-format on

}  // namespace wtm::riscv::iss
