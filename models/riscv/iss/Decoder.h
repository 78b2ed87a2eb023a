// Decodes one instruction of the core's ISA (RV32IMAFC, the Nuclei CSRs, the vendor DSP words) into
// the form the fast core executes: an operation, register numbers, the immediate and the cycle
// cost of docs/core-timing.md. Legality checks that depend only on the encoding are done here;
// those that depend on state (FS off, dynamic rounding mode, CSR existence) at execution.
#pragma once
#include <cstdint>

namespace wtm::riscv::iss {

// Laid out by hand, one row per instruction group.
// clang-format off
enum class Op : uint8_t {
  Undecoded,  // a cache slot not filled yet
  Illegal,
  Lui, Auipc, Jal, Jalr,
  Beq, Bne, Blt, Bge, Bltu, Bgeu,
  Lb, Lh, Lw, Lbu, Lhu, Sb, Sh, Sw,
  Addi, Slti, Sltiu, Xori, Ori, Andi, Slli, Srli, Srai,
  Add, Sub, Sll, Slt, Sltu, Xor, Srl, Sra, Or, And,
  Mul, Mulh, Mulhsu, Mulhu, Div, Divu, Rem, Remu,
  Fence, FenceI,
  LrW, ScW, AmoSwap, AmoAdd, AmoXor, AmoAnd, AmoOr, AmoMin, AmoMax, AmoMinu, AmoMaxu,
  Flw, Fsw,
  Fmadd, Fmsub, Fnmsub, Fnmadd, Fadd, Fsub, Fmul, Fdiv, Fsqrt,
  Fsgnj, Fsgnjn, Fsgnjx, Fmin, Fmax, FcvtWS, FcvtWuS, FcvtSW, FcvtSWu, Feq, Flt, Fle, FmvXW, Fclass, FmvWX,
  Dsp,
  Ecall, Ebreak, Mret, Wfi,
  Csrrw, Csrrs, Csrrc,  // the immediate forms too (Decoded::aux)
  Count,
};
// clang-format on

// Where instructions that write x0 put their result: a 33rd register nobody reads.
inline constexpr uint8_t kXSink = 32;

struct Decoded {
  // The 32 bits at the instruction's address when it was decoded: a cached slot is valid while
  // memory still holds them (for a compressed instruction the next halfword is compared too,
  // which at worst decodes it again). A fresh slot is the decoding of 0 (illegal).
  uint32_t raw = 0;
  int32_t imm = 0;  // CSR instructions: the CSR number
  Op op = Op::Illegal;
  uint8_t rd = 0;  // an x write to x0 goes to kXSink, never read
  uint8_t rs1 = 0, rs2 = 0;
  uint8_t len = 2;
  uint8_t cost = 1;  // cycles in the common case (branches: not taken; loads/stores: aligned)
  uint8_t aux = 0;   // branches: cycles when taken; DSP: the rs2 field; CSR: 1 for the immediate form;
                     // F: 1 when the rounding mode is checked
  uint8_t rm = 0;    // F: funct3 (7: dynamic); DSP: funct7

  uint8_t rs3() const { return static_cast<uint8_t>(raw >> 27); }
  // The encoding as mtval and traces show it (the low half of a compressed instruction).
  uint32_t encoding() const { return len == 2 ? (raw & 0xFFFFu) : raw; }
};
static_assert(sizeof(Decoded) == 16, "a decoded instruction fills a quarter cache line");

// Decodes the instruction whose first bytes are `raw` (the upper half is ignored for a
// compressed instruction).
Decoded decode(uint32_t raw);

}  // namespace wtm::riscv::iss
