// Register table of the AFC24M and AFC320K oscillator calibrators (single source: afc_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::afc {
#define WTM_REGISTER_DEF "periph/clock/afc_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::afc
