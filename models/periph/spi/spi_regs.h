// Register table of the DW_apb_ssi (single source: spi_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::spi {
#define WTM_REGISTER_DEF "periph/spi/spi_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::spi
