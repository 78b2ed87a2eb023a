// Register table of the ECLIC (single source: eclic_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::riscv::eclic {
#define WTM_REGISTER_DEF "riscv/eclic/eclic_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::riscv::eclic
