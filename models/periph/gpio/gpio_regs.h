// Register table of GPIO port A (single source: gpio_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::gpio {
#define WTM_REGISTER_DEF "periph/gpio/gpio_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::gpio
