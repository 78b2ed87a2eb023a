// Register table of the DW_ahb_dmac (single source: dma_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::dma {
#define WTM_REGISTER_DEF "periph/dma/dma_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::dma
