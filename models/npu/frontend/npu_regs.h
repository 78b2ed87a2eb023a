// Register table of the NPU front end (single source: npu_regs.def).
#pragma once
#include "common/RegisterTable.h"

namespace wtm::npu::regs {
#define WTM_REGISTER_DEF "npu/frontend/npu_regs.def"
#include "common/RegisterTableDeclare.inc"
}  // namespace wtm::npu::regs
