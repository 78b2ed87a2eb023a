// The F-extension arithmetic (models/riscv/fpu/Float32.cpp) against the host's IEEE hardware
// (x86 SSE scalar ops under fenv rounding modes, tininess after rounding like RISC-V) for the
// four rounding modes the host has, plus RISC-V-specific rules checked directly: canonical NaN,
// RMM ties, min/max, conversion saturation, fclass.
#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "fpu/Float32.h"

namespace fp = wtm::riscv::fp;

namespace {

float asFloat(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
uint32_t asBits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
bool isNaN(uint32_t u) { return (u & 0x7F800000u) == 0x7F800000u && (u & 0x7FFFFFu); }

const int kHostMode[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};

uint8_t hostFlags() {
  uint8_t f = 0;
  if (std::fetestexcept(FE_INEXACT)) f |= fp::NX;
  if (std::fetestexcept(FE_UNDERFLOW)) f |= fp::UF;
  if (std::fetestexcept(FE_OVERFLOW)) f |= fp::OF;
  if (std::fetestexcept(FE_DIVBYZERO)) f |= fp::DZ;
  if (std::fetestexcept(FE_INVALID)) f |= fp::NV;
  return f;
}

enum class Op { Add, Sub, Mul, Div, Sqrt, Fma, ToI32, ToU32, FromI32, FromU32 };

__attribute__((noinline, target("fma"))) float hostFma(float a, float b, float c) { return __builtin_fmaf(a, b, c); }

// Host result for `op` in host rounding mode `rm` (0..3).
fp::Result host(Op op, uint32_t a, uint32_t b, uint32_t c, unsigned rm) {
  std::fesetround(kHostMode[rm]);
  std::feclearexcept(FE_ALL_EXCEPT);
  volatile float x = asFloat(a), y = asFloat(b), z = asFloat(c);
  volatile float r = 0;
  volatile int32_t ia = static_cast<int32_t>(a);
  volatile uint32_t ua = a;
  uint32_t bits = 0;
  switch (op) {
    case Op::Add: r = x + y; break;
    case Op::Sub: r = x - y; break;
    case Op::Mul: r = x * y; break;
    case Op::Div: r = x / y; break;
    case Op::Sqrt: r = std::sqrt(static_cast<float>(x)); break;
    case Op::Fma: r = hostFma(x, y, z); break;
    case Op::FromI32: r = static_cast<float>(ia); break;
    case Op::FromU32: r = static_cast<float>(ua); break;
    default: break;
  }
  bits = asBits(r);
  const uint8_t flags = hostFlags();
  std::fesetround(FE_TONEAREST);
  return {bits, flags};
}

fp::Result model(Op op, uint32_t a, uint32_t b, uint32_t c, unsigned rm) {
  switch (op) {
    case Op::Add: return fp::add(a, b, rm);
    case Op::Sub: return fp::sub(a, b, rm);
    case Op::Mul: return fp::mul(a, b, rm);
    case Op::Div: return fp::div(a, b, rm);
    case Op::Sqrt: return fp::sqrt(a, rm);
    case Op::Fma: return fp::fma(a, b, c, false, false, rm);
    case Op::FromI32: return fp::fromInt32(static_cast<int32_t>(a), rm);
    case Op::FromU32: return fp::fromUint32(a, rm);
    default: return {0, 0};
  }
}

std::vector<uint32_t> specialValues() {
  return {0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001, 0xFFC00123, 0x00000001,
          0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000, 0x80800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x3F800000,
          0xBF800000, 0x3F800001, 0x3FFFFFFF, 0x4B800000, 0x4B7FFFFF, 0x33800000, 0x34000000, 0x00400000,
          0x0C000000, 0x72800000, 0x4F000000, 0xCF000000, 0x4F800000, 0x3F000000, 0x3FC00000, 0x40400000};
}

// Random operands biased towards interesting exponents (near each other, near the limits).
uint32_t randomOperand(std::mt19937& rng) {
  const uint32_t r = rng();
  switch (r % 8) {
    case 0: return specialValues()[rng() % specialValues().size()];
    case 1: return (r & 0x807FFFFFu) | (((rng() % 6) + 0) << 23);     // subnormal / tiny
    case 2: return (r & 0x807FFFFFu) | (((rng() % 6) + 250) << 23);   // huge
    case 3: return (r & 0x807FFFFFu) | (((rng() % 20) + 117) << 23);  // near 1
    default: return rng();
  }
}

void compareWithHost(Op op, int iterations, uint32_t seed) {
  std::mt19937 rng(seed);
  int mismatches = 0;
  for (int i = 0; i < iterations && mismatches < 10; ++i) {
    const uint32_t a = randomOperand(rng), b = randomOperand(rng), c = randomOperand(rng);
    for (unsigned rm = 0; rm < 4; ++rm) {
      const fp::Result h = host(op, a, b, c, rm);
      const fp::Result m = model(op, a, b, c, rm);
      const bool sameValue = isNaN(h.value) ? m.value == fp::kCanonicalNaN : m.value == h.value;
      if (!sameValue || m.flags != h.flags) {
        ADD_FAILURE() << std::hex << "op " << static_cast<int>(op) << " rm " << rm << " a=" << a << " b=" << b
                      << " c=" << c << " host=" << h.value << "/" << int(h.flags) << " model=" << m.value << "/"
                      << int(m.flags);
        ++mismatches;
      }
    }
  }
}

}  // namespace

TEST(Float32, AddMatchesHostInAllHostRoundingModes) { compareWithHost(Op::Add, 200000, 1); }
TEST(Float32, SubMatchesHost) { compareWithHost(Op::Sub, 100000, 2); }
TEST(Float32, MulMatchesHost) { compareWithHost(Op::Mul, 200000, 3); }
TEST(Float32, DivMatchesHost) { compareWithHost(Op::Div, 200000, 4); }
TEST(Float32, SqrtMatchesHost) { compareWithHost(Op::Sqrt, 200000, 5); }
TEST(Float32, IntToFloatMatchesHost) {
  compareWithHost(Op::FromI32, 100000, 6);
  compareWithHost(Op::FromU32, 100000, 7);
}
TEST(Float32, FusedMultiplyAddMatchesHostFma) {
  if (!__builtin_cpu_supports("fma")) GTEST_SKIP() << "host has no FMA instruction to compare with";
  compareWithHost(Op::Fma, 300000, 8);
}

TEST(Float32, SpecialOperandPairsMatchHost) {
  const auto v = specialValues();
  for (Op op : {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Sqrt})
    for (uint32_t a : v)
      for (uint32_t b : v)
        for (unsigned rm = 0; rm < 4; ++rm) {
          const fp::Result h = host(op, a, b, 0, rm), m = model(op, a, b, 0, rm);
          const bool same = isNaN(h.value) ? m.value == fp::kCanonicalNaN : m.value == h.value;
          EXPECT_TRUE(same && m.flags == h.flags) << std::hex << static_cast<int>(op) << " " << a << " " << b;
        }
}

TEST(Float32, RoundToNearestMaxMagnitudeBreaksTiesAwayFromZero) {
  // 1 + 2^-24 is exactly halfway between 1 and 1+2^-23.
  EXPECT_EQ(fp::add(0x3F800000, 0x33800000, fp::RMM).value, 0x3F800001u);
  EXPECT_EQ(fp::add(0x3F800000, 0x33800000, fp::RNE).value, 0x3F800000u);
  EXPECT_EQ(fp::add(0xBF800000, 0xB3800000, fp::RMM).value, 0xBF800001u);
  EXPECT_EQ(fp::add(0x3F800000, 0x33800000, fp::RMM).flags, fp::NX);
  // 1.5 and 2.5 to integers
  EXPECT_EQ(fp::toInt32(0x3FC00000, fp::RMM).value, 2u);
  EXPECT_EQ(fp::toInt32(0x40200000, fp::RMM).value, 3u);
  EXPECT_EQ(fp::toInt32(0x40200000, fp::RNE).value, 2u);
  EXPECT_EQ(fp::toInt32(0xC0200000, fp::RMM).value, static_cast<uint32_t>(-3));
  // Not a tie: RMM agrees with RNE.
  for (uint32_t a : {0x3F812345u, 0x40A00001u})
    for (uint32_t b : {0x3E800003u, 0x3D000001u}) EXPECT_EQ(fp::mul(a, b, fp::RMM).value, fp::mul(a, b, fp::RNE).value);
}

TEST(Float32, NaNResultsAreCanonical) {
  EXPECT_EQ(fp::add(0x7FC01234, 0x3F800000, fp::RNE).value, fp::kCanonicalNaN);
  EXPECT_EQ(fp::add(0x7FC01234, 0x3F800000, fp::RNE).flags, 0);
  EXPECT_EQ(fp::mul(0x7F800001, 0x3F800000, fp::RNE).flags, fp::NV);  // signalling NaN
  EXPECT_EQ(fp::sqrt(0xBF800000, fp::RNE).value, fp::kCanonicalNaN);
  EXPECT_EQ(fp::sqrt(0xBF800000, fp::RNE).flags, fp::NV);
  EXPECT_EQ(fp::sqrt(0x80000000, fp::RNE).value, 0x80000000u);                         // sqrt(-0) = -0
  EXPECT_EQ(fp::fma(0x7F800000, 0, 0x7FC00000, false, false, fp::RNE).flags, fp::NV);  // inf*0 + qNaN
}

TEST(Float32, MinMaxFollowRiscvRules) {
  EXPECT_EQ(fp::min(0x80000000, 0x00000000).value, 0x80000000u);  // -0 < +0
  EXPECT_EQ(fp::max(0x80000000, 0x00000000).value, 0x00000000u);
  EXPECT_EQ(fp::min(0x7FC00000, 0x3F800000).value, 0x3F800000u);  // one NaN: the other operand
  EXPECT_EQ(fp::min(0x7FC00000, 0x3F800000).flags, 0);
  EXPECT_EQ(fp::max(0x7F800001, 0x3F800000).value, 0x3F800000u);
  EXPECT_EQ(fp::max(0x7F800001, 0x3F800000).flags, fp::NV);  // signalling NaN
  EXPECT_EQ(fp::min(0x7FC00000, 0xFFC00000).value, fp::kCanonicalNaN);
}

TEST(Float32, ComparisonsSignalAsSpecified) {
  EXPECT_EQ(fp::eq(0x7FC00000, 0x7FC00000).flags, 0);  // quiet compare, quiet NaN
  EXPECT_EQ(fp::eq(0x7F800001, 0x3F800000).flags, fp::NV);
  EXPECT_EQ(fp::lt(0x7FC00000, 0x3F800000).flags, fp::NV);  // signalling compare
  EXPECT_EQ(fp::le(0x80000000, 0x00000000).value, 1u);
  EXPECT_EQ(fp::lt(0x80000000, 0x00000000).value, 0u);
  EXPECT_EQ(fp::eq(0x80000000, 0x00000000).value, 1u);
  EXPECT_EQ(fp::lt(0xBF800000, 0x3F800000).value, 1u);
}

TEST(Float32, ConversionsSaturateWithInvalid) {
  EXPECT_EQ(fp::toInt32(0x7FC00000, fp::RNE).value, 0x7FFFFFFFu);  // NaN
  EXPECT_EQ(fp::toInt32(0xFF800000, fp::RNE).value, 0x80000000u);  // -inf
  EXPECT_EQ(fp::toInt32(0x4F000000, fp::RNE).value, 0x7FFFFFFFu);  // 2^31
  EXPECT_EQ(fp::toInt32(0x4F000000, fp::RNE).flags, fp::NV);
  EXPECT_EQ(fp::toInt32(0xCF000000, fp::RNE).value, 0x80000000u);  // -2^31 fits
  EXPECT_EQ(fp::toInt32(0xCF000000, fp::RNE).flags, 0);
  EXPECT_EQ(fp::toUint32(0x7FC00000, fp::RNE).value, 0xFFFFFFFFu);
  EXPECT_EQ(fp::toUint32(0xBF800000, fp::RNE).value, 0u);  // -1
  EXPECT_EQ(fp::toUint32(0xBF800000, fp::RNE).flags, fp::NV);
  EXPECT_EQ(fp::toUint32(0xBE800000, fp::RTZ).value, 0u);  // -0.25 truncates to 0: only inexact
  EXPECT_EQ(fp::toUint32(0xBE800000, fp::RTZ).flags, fp::NX);
  EXPECT_EQ(fp::toUint32(0xBE800000, fp::RDN).flags, fp::NV);       // rounds to -1
  EXPECT_EQ(fp::toUint32(0x4F800000, fp::RNE).value, 0xFFFFFFFFu);  // 2^32
  EXPECT_EQ(fp::toInt32(0x3FC00000, fp::RTZ).value, 1u);
  EXPECT_EQ(fp::toInt32(0x3FC00000, fp::RTZ).flags, fp::NX);
  EXPECT_EQ(fp::toInt32(0xBFC00000, fp::RDN).value, static_cast<uint32_t>(-2));
  EXPECT_EQ(fp::toInt32(0xBFC00000, fp::RUP).value, static_cast<uint32_t>(-1));
}

TEST(Float32, FloatToIntMatchesHostTruncationInRange) {
  std::mt19937 rng(11);
  for (int i = 0; i < 100000; ++i) {
    const uint32_t a = (rng() & 0x807FFFFFu) | ((100 + rng() % 58) << 23);  // |a| < 2^31
    const float f = asFloat(a);
    EXPECT_EQ(fp::toInt32(a, fp::RTZ).value, static_cast<uint32_t>(static_cast<int32_t>(f))) << std::hex << a;
    EXPECT_EQ(fp::toInt32(a, fp::RNE).value, static_cast<uint32_t>(static_cast<int32_t>(std::nearbyint(f))))
        << std::hex << a;
    EXPECT_EQ(fp::toInt32(a, fp::RDN).value, static_cast<uint32_t>(static_cast<int32_t>(std::floor(f))));
    EXPECT_EQ(fp::toInt32(a, fp::RUP).value, static_cast<uint32_t>(static_cast<int32_t>(std::ceil(f))));
  }
}

TEST(Float32, ClassifyCoversEveryClass) {
  EXPECT_EQ(fp::classify(0xFF800000), 1u << 0);
  EXPECT_EQ(fp::classify(0xBF800000), 1u << 1);
  EXPECT_EQ(fp::classify(0x80000001), 1u << 2);
  EXPECT_EQ(fp::classify(0x80000000), 1u << 3);
  EXPECT_EQ(fp::classify(0x00000000), 1u << 4);
  EXPECT_EQ(fp::classify(0x00000001), 1u << 5);
  EXPECT_EQ(fp::classify(0x3F800000), 1u << 6);
  EXPECT_EQ(fp::classify(0x7F800000), 1u << 7);
  EXPECT_EQ(fp::classify(0x7F800001), 1u << 8);
  EXPECT_EQ(fp::classify(0x7FC00000), 1u << 9);
}
