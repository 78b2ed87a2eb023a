// Register table of the DW_apb_timers (single source: timer_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::timer {
#define WTM_REGISTER_DEF "periph/timer/timer_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::timer
