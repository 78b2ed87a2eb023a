// Register table of the DW_apb_wdt watchdog (single source: wdt_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::wdt {
#define WTM_REGISTER_DEF "periph/wdt/wdt_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::wdt
