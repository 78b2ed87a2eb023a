// Register table of the vendor PWM block (single source: pwm_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::pwm {
#define WTM_REGISTER_DEF "periph/pwm/pwm_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::pwm
