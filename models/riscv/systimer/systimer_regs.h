// Register table of the SysTimer (single source: systimer_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::riscv::systimer {
#define WTM_REGISTER_DEF "riscv/systimer/systimer_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::riscv::systimer
