// Register table of the QSPI controller (single source: qspi_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::qspi {
#define WTM_REGISTER_DEF "periph/qspi/qspi_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::qspi
