// IEEE 754 binary32 arithmetic exactly as the RISC-V F extension defines it: five rounding
// modes, the five exception flags, tininess detected after rounding, canonical NaN results,
// RISC-V min/max and conversion saturation. Pure integer arithmetic: the host FPU is not used,
// so results do not depend on host rounding state, NaN propagation or flag quirks.
#pragma once
#include <cstdint>

namespace wtm::riscv::fp {

enum RoundingMode : unsigned { RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4 };

enum Flag : uint8_t { NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16 };

struct Result {
  uint32_t value;
  uint8_t flags;
};

constexpr uint32_t kCanonicalNaN = 0x7FC00000u;

Result add(uint32_t a, uint32_t b, unsigned rm);
Result sub(uint32_t a, uint32_t b, unsigned rm);
Result mul(uint32_t a, uint32_t b, unsigned rm);
Result div(uint32_t a, uint32_t b, unsigned rm);
Result sqrt(uint32_t a, unsigned rm);
// (negateProduct ? -(a*b) : a*b) + (negateAddend ? -c : c), rounded once.
Result fma(uint32_t a, uint32_t b, uint32_t c, bool negateProduct, bool negateAddend, unsigned rm);

Result toInt32(uint32_t a, unsigned rm);
Result toUint32(uint32_t a, unsigned rm);
Result fromInt32(int32_t v, unsigned rm);
Result fromUint32(uint32_t v, unsigned rm);

Result eq(uint32_t a, uint32_t b);  // quiet: NV only for signalling NaNs
Result lt(uint32_t a, uint32_t b);  // signalling: NV for any NaN
Result le(uint32_t a, uint32_t b);
Result min(uint32_t a, uint32_t b);
Result max(uint32_t a, uint32_t b);
uint32_t classify(uint32_t a);  // fclass.s bit mask

}  // namespace wtm::riscv::fp
