// The packed-SIMD (DSP) words of the core (docs/dsp-instructions.md, rtl/wtm_dsp.sv): 8- and
// 16-bit lanes, wrapping, halving and saturating add/subtract, min/max, shifts, Q15/Q7 multiply,
// clips and byte unpacking. Saturation reports OV (ucode bit 0).
#pragma once
#include <cstdint>

namespace wtm::riscv::iss {

struct DspResult {
  uint32_t value;
  bool overflow;
};

// `funct7` selects the operation, `rs2Field` is the immediate / sub-opcode where the operation
// takes one; the decoder has checked that the pair is legal.
DspResult executeDsp(uint32_t funct7, uint32_t rs2Field, uint32_t a, uint32_t b);

}  // namespace wtm::riscv::iss
