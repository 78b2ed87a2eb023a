// Register table of the RCC (single source: rcc_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::rcc {
#define WTM_REGISTER_DEF "periph/clock/rcc_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::rcc
