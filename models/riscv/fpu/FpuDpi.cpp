// The DPI entry point through which the Verilated core computes F-extension arithmetic.
#include <cstdint>

#include "Float32.h"

namespace fp = wtm::riscv::fp;

// Operation codes: FPU_* in rtl/wtm_core_pkg.sv.
extern "C" long long wtm_fpu_op(int op, int a, int b, int c, int rm) {
  const auto ua = static_cast<uint32_t>(a), ub = static_cast<uint32_t>(b), uc = static_cast<uint32_t>(c);
  const auto mode = static_cast<unsigned>(rm);
  fp::Result r{0, 0};
  switch (op) {
    case 0: r = fp::add(ua, ub, mode); break;
    case 1: r = fp::sub(ua, ub, mode); break;
    case 2: r = fp::mul(ua, ub, mode); break;
    case 3: r = fp::div(ua, ub, mode); break;
    case 4: r = fp::sqrt(ua, mode); break;
    case 5: r = fp::fma(ua, ub, uc, false, false, mode); break;  // fmadd:  a*b + c
    case 6: r = fp::fma(ua, ub, uc, false, true, mode); break;   // fmsub:  a*b - c
    case 7: r = fp::fma(ua, ub, uc, true, false, mode); break;   // fnmsub: -(a*b) + c
    case 8: r = fp::fma(ua, ub, uc, true, true, mode); break;    // fnmadd: -(a*b) - c
    case 9: r = fp::toInt32(ua, mode); break;
    case 10: r = fp::toUint32(ua, mode); break;
    case 11: r = fp::fromInt32(static_cast<int32_t>(ua), mode); break;
    case 12: r = fp::fromUint32(ua, mode); break;
    case 13: r = fp::eq(ua, ub); break;
    case 14: r = fp::lt(ua, ub); break;
    case 15: r = fp::le(ua, ub); break;
    case 16: r = fp::min(ua, ub); break;
    case 17: r = fp::max(ua, ub); break;
    case 18: r = {fp::classify(ua), 0}; break;
    default: break;
  }
  return static_cast<long long>((static_cast<uint64_t>(r.flags) << 32) | r.value);
}
