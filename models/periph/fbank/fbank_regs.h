// Register table of the FBANK accelerator (single source: fbank_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::fbank_regs {
#define WTM_REGISTER_DEF "periph/fbank/fbank_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::fbank_regs
