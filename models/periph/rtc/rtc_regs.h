// Register table of the DW_apb_rtc (single source: rtc_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::rtc {
#define WTM_REGISTER_DEF "periph/rtc/rtc_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::rtc
