// Register table of the PMU (single source: pmu_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::pmu {
#define WTM_REGISTER_DEF "periph/clock/pmu_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::pmu
