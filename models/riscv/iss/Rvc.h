// RV32C: the 32-bit instruction a 16-bit one stands for, as the core's decompressor
// (rtl/wtm_rvc_expand.sv) gives it: reserved and RV64/D-only encodings are illegal, HINTs become
// their base instruction, the F loads/stores expand to flw/fsw.
#pragma once
#include <cstdint>

namespace wtm::riscv::iss {

struct Expanded {
  uint32_t insn;
  bool illegal;
};

Expanded expandCompressed(uint16_t c);

}  // namespace wtm::riscv::iss
