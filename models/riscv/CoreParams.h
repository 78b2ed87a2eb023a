// The core's cycle costs (COST_*) and fixed values (reset values, ids) as C++ constants, generated
// from rtl/wtm_core_pkg.sv at configure time: the fast core charges exactly the RTL's table.
#pragma once
#include <cstdint>

namespace wtm::riscv::param {
#define WTM_CORE_PARAM(declarator) inline constexpr uint32_t declarator;
#include "core_params.inc"
#undef WTM_CORE_PARAM
}  // namespace wtm::riscv::param
