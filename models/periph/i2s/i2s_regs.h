// Register table of the DW_apb_i2s (single source: i2s_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::i2s {
#define WTM_REGISTER_DEF "periph/i2s/i2s_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::i2s
