// Register table of the AUDIO block (single source: audio_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::periph::audio_regs {
#define WTM_REGISTER_DEF "periph/audio/audio_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::periph::audio_regs
