// Register table of the DW_apb_i2c (single source: i2c_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::i2c {
#define WTM_REGISTER_DEF "periph/i2c/i2c_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::i2c
