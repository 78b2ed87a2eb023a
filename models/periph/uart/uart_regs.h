// Register table of the DW_apb_uart (single source: uart_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::uart {
#define WTM_REGISTER_DEF "periph/uart/uart_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::uart
