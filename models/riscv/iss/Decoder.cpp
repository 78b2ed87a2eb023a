#include "Decoder.h"

#include "CoreParams.h"
#include "Rvc.h"

namespace wtm::riscv::iss {

namespace {

constexpr uint32_t field(uint32_t v, unsigned hi, unsigned lo) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }
constexpr int32_t immI(uint32_t i) { return static_cast<int32_t>(i) >> 20; }
constexpr int32_t immS(uint32_t i) {
  return (static_cast<int32_t>(i & 0xFE000000u) >> 20) | static_cast<int32_t>(field(i, 11, 7));
}
constexpr int32_t immB(uint32_t i) {
  return (static_cast<int32_t>(i & 0x80000000u) >> 19) |
         static_cast<int32_t>((field(i, 7, 7) << 11) | (field(i, 30, 25) << 5) | (field(i, 11, 8) << 1));
}
constexpr int32_t immJ(uint32_t i) {
  return (static_cast<int32_t>(i & 0x80000000u) >> 11) |
         static_cast<int32_t>((field(i, 19, 12) << 12) | (field(i, 20, 20) << 11) | (field(i, 30, 21) << 1));
}

// Whether a DSP word (major opcode 0x7F) is one the core implements (rtl/wtm_dsp.sv).
// Laid out by hand, the opcode list as a table.
// clang-format off
bool dspLegal(uint32_t funct7, uint32_t rs2) {
  switch (funct7) {
    case 0x20: case 0x21: case 0x00: case 0x01: case 0x08: case 0x09: case 0x10: case 0x11: case 0x18: case 0x19:
    case 0x24: case 0x25: case 0x04: case 0x05: case 0x0C: case 0x0D: case 0x14: case 0x15: case 0x1C: case 0x1D:
    case 0x40: case 0x41: case 0x48: case 0x49: case 0x44: case 0x45: case 0x4C: case 0x4D:
    case 0x28: case 0x29: case 0x2A: case 0x2C: case 0x2D: case 0x2E:
    case 0x43: case 0x47: case 0x72: case 0x7A:
      return true;
    case 0x56:
      return (rs2 >= 8 && rs2 <= 15) || rs2 == 19 || rs2 == 23;
    default:
      return false;
  }
}
// clang-format on

// The 32-bit instruction `i` (already expanded when it came compressed).
// Laid out by hand, one row per opcode.
// clang-format off
void decode32(uint32_t i, Decoded& d) {
  using namespace param;
  const uint32_t opcode = field(i, 6, 0), f3 = field(i, 14, 12), f7 = field(i, 31, 25);
  const uint32_t rd = field(i, 11, 7), rs1 = field(i, 19, 15), rs2 = field(i, 24, 20);
  d.rd = static_cast<uint8_t>(rd);
  d.rs1 = static_cast<uint8_t>(rs1);
  d.rs2 = static_cast<uint8_t>(rs2);
  d.cost = static_cast<uint8_t>(COST_ALU);
  d.op = Op::Illegal;
  auto rmChecked = [&](Op op) {  // F operations that round: the rounding mode must be valid
    d.op = op;
    d.rm = static_cast<uint8_t>(f3);
    d.aux = 1;
    if (f3 == 5 || f3 == 6) d.op = Op::Illegal;
  };
  switch (opcode) {
    case 0x37: d.op = Op::Lui; d.imm = static_cast<int32_t>(i & 0xFFFFF000u); break;
    case 0x17: d.op = Op::Auipc; d.imm = static_cast<int32_t>(i & 0xFFFFF000u); break;
    case 0x6F: d.op = Op::Jal; d.imm = immJ(i); d.cost = COST_JAL; break;
    case 0x67:
      if (f3 == 0) d.op = Op::Jalr;
      d.imm = immI(i);
      d.cost = COST_JALR;
      break;
    case 0x63: {
      static constexpr Op kBranch[8] = {Op::Beq, Op::Bne, Op::Illegal, Op::Illegal, Op::Blt, Op::Bge, Op::Bltu, Op::Bgeu};
      d.op = kBranch[f3];
      d.imm = immB(i);
      // Static prediction: backward taken, forward not taken. cost: not taken; aux: taken.
      d.cost = static_cast<uint8_t>(d.imm < 0 ? COST_BR_MISPREDICT : COST_BR_NOT_TAKEN);
      d.aux = static_cast<uint8_t>(d.imm < 0 ? COST_BR_PRED_TAKEN : COST_BR_MISPREDICT);
      break;
    }
    case 0x03: {
      static constexpr Op kLoad[8] = {Op::Lb, Op::Lh, Op::Lw, Op::Illegal, Op::Lbu, Op::Lhu, Op::Illegal, Op::Illegal};
      d.op = kLoad[f3];
      d.imm = immI(i);
      d.cost = COST_LOAD;
      break;
    }
    case 0x23: {
      static constexpr Op kStore[8] = {Op::Sb, Op::Sh, Op::Sw, Op::Illegal, Op::Illegal, Op::Illegal, Op::Illegal, Op::Illegal};
      d.op = kStore[f3];
      d.imm = immS(i);
      d.cost = COST_STORE;
      break;
    }
    case 0x13: {
      static constexpr Op kOpImm[8] = {Op::Addi, Op::Slli, Op::Slti, Op::Sltiu, Op::Xori, Op::Srli, Op::Ori, Op::Andi};
      d.op = kOpImm[f3];
      d.imm = immI(i);
      if (f3 == 1 && f7 != 0) d.op = Op::Illegal;
      if (f3 == 5) {
        if (f7 == 0x20) d.op = Op::Srai;
        else if (f7 != 0) d.op = Op::Illegal;
      }
      if (f3 == 1 || f3 == 5) d.imm &= 31;
      break;
    }
    case 0x33:
      if (f7 == 1) {
        static constexpr Op kM[8] = {Op::Mul, Op::Mulh, Op::Mulhsu, Op::Mulhu, Op::Div, Op::Divu, Op::Rem, Op::Remu};
        d.op = kM[f3];
        d.cost = static_cast<uint8_t>(f3 & 4 ? COST_DIV : COST_MUL);
      } else if (f7 == 0) {
        static constexpr Op kOp[8] = {Op::Add, Op::Sll, Op::Slt, Op::Sltu, Op::Xor, Op::Srl, Op::Or, Op::And};
        d.op = kOp[f3];
      } else if (f7 == 0x20 && f3 == 0) {
        d.op = Op::Sub;
      } else if (f7 == 0x20 && f3 == 5) {
        d.op = Op::Sra;
      }
      break;
    case 0x0F:
      if (f3 == 1) {
        d.op = Op::FenceI;
        d.cost = COST_FENCE_I;
      } else if (f3 == 0) {
        d.op = Op::Fence;
      }
      break;
    case 0x2F: {
      if (f3 != 2) break;
      const uint32_t amo = field(i, 31, 27);
      d.cost = static_cast<uint8_t>(COST_AMO);
      switch (amo) {
        case 0x02:
          if (rs2 == 0) d.op = Op::LrW;
          d.cost = COST_LR;
          break;
        case 0x03: d.op = Op::ScW; d.cost = COST_SC; break;
        case 0x01: d.op = Op::AmoSwap; break;
        case 0x00: d.op = Op::AmoAdd; break;
        case 0x04: d.op = Op::AmoXor; break;
        case 0x0C: d.op = Op::AmoAnd; break;
        case 0x08: d.op = Op::AmoOr; break;
        case 0x10: d.op = Op::AmoMin; break;
        case 0x14: d.op = Op::AmoMax; break;
        case 0x18: d.op = Op::AmoMinu; break;
        case 0x1C: d.op = Op::AmoMaxu; break;
        default: break;
      }
      break;
    }
    case 0x07:
      if (f3 == 2) d.op = Op::Flw;
      d.imm = immI(i);
      d.cost = COST_LOAD;
      break;
    case 0x27:
      if (f3 == 2) d.op = Op::Fsw;
      d.imm = immS(i);
      d.cost = COST_STORE;
      break;
    case 0x43: case 0x47: case 0x4B: case 0x4F: {
      static constexpr Op kFma[4] = {Op::Fmadd, Op::Fmsub, Op::Fnmsub, Op::Fnmadd};
      d.cost = COST_FP_FMA;
      if (field(i, 26, 25) == 0) rmChecked(kFma[(opcode >> 2) & 3]);
      break;
    }
    case 0x53:
      d.cost = COST_FP_ADD;
      switch (f7) {
        case 0x00: rmChecked(Op::Fadd); break;
        case 0x04: rmChecked(Op::Fsub); break;
        case 0x08: rmChecked(Op::Fmul); break;
        case 0x0C: rmChecked(Op::Fdiv); d.cost = COST_FP_DIV; break;
        case 0x2C:
          d.cost = COST_FP_SQRT;
          if (rs2 == 0) rmChecked(Op::Fsqrt);
          break;
        case 0x10:
          d.cost = COST_FP_SIMPLE;
          if (f3 < 3) d.op = f3 == 0 ? Op::Fsgnj : f3 == 1 ? Op::Fsgnjn : Op::Fsgnjx;
          break;
        case 0x14:
          d.cost = COST_FP_SIMPLE;
          if (f3 < 2) d.op = f3 == 0 ? Op::Fmin : Op::Fmax;
          break;
        case 0x60:
          if ((rs2 >> 1) == 0) rmChecked(rs2 == 0 ? Op::FcvtWS : Op::FcvtWuS);
          break;
        case 0x68:
          if ((rs2 >> 1) == 0) rmChecked(rs2 == 0 ? Op::FcvtSW : Op::FcvtSWu);
          break;
        case 0x50:
          d.cost = COST_FP_SIMPLE;
          if (f3 < 3) d.op = f3 == 2 ? Op::Feq : f3 == 1 ? Op::Flt : Op::Fle;
          break;
        case 0x70:
          d.cost = COST_FP_SIMPLE;
          if (rs2 == 0 && f3 < 2) d.op = f3 == 0 ? Op::FmvXW : Op::Fclass;
          break;
        case 0x78:
          d.cost = COST_FP_SIMPLE;
          if (rs2 == 0 && f3 == 0) d.op = Op::FmvWX;
          break;
        default: break;
      }
      break;
    case 0x7F:
      if (f3 == 0 && dspLegal(f7, rs2)) {
        d.op = Op::Dsp;
        d.rm = static_cast<uint8_t>(f7);
        d.aux = static_cast<uint8_t>(rs2);
        d.cost = static_cast<uint8_t>((f7 == 0x43 || f7 == 0x47) ? COST_MUL : COST_ALU);
      }
      break;
    case 0x73:
      if (f3 == 0) {
        switch (i) {
          case 0x00000073u: d.op = Op::Ecall; break;
          case 0x00100073u: d.op = Op::Ebreak; break;
          case 0x30200073u: d.op = Op::Mret; d.cost = COST_MRET; break;
          case 0x10500073u: d.op = Op::Wfi; d.cost = 2; break;
          default: break;
        }
      } else if (f3 != 4) {
        static constexpr Op kCsr[4] = {Op::Illegal, Op::Csrrw, Op::Csrrs, Op::Csrrc};
        d.op = kCsr[f3 & 3];
        d.imm = static_cast<int32_t>(field(i, 31, 20));
        d.aux = static_cast<uint8_t>(f3 >> 2);  // immediate form: rs1 is the value
        d.cost = COST_CSR;
      }
      break;
    default: break;
  }
}
// clang-format on

// Whether `op` writes an x register (its rd); the others write an f register or nothing.
// Laid out by hand, the opcode list as a table.
// clang-format off
bool writesX(Op op) {
  switch (op) {
    case Op::Beq: case Op::Bne: case Op::Blt: case Op::Bge: case Op::Bltu: case Op::Bgeu:
    case Op::Sb: case Op::Sh: case Op::Sw: case Op::Fence: case Op::FenceI: case Op::Flw: case Op::Fsw:
    case Op::Fmadd: case Op::Fmsub: case Op::Fnmsub: case Op::Fnmadd: case Op::Fadd: case Op::Fsub:
    case Op::Fmul: case Op::Fdiv: case Op::Fsqrt: case Op::Fsgnj: case Op::Fsgnjn: case Op::Fsgnjx:
    case Op::Fmin: case Op::Fmax: case Op::FcvtSW: case Op::FcvtSWu: case Op::FmvWX:
    case Op::Ecall: case Op::Ebreak: case Op::Mret: case Op::Wfi: case Op::Illegal: case Op::Undecoded:
    case Op::Count:
      return false;
    default:
      return true;
  }
}
// clang-format on

}  // namespace

Decoded decode(uint32_t raw) {
  Decoded d;
  if ((raw & 3u) != 3u) {
    const Expanded e = expandCompressed(static_cast<uint16_t>(raw));
    decode32(e.insn, d);
    if (e.illegal) d.op = Op::Illegal;
    d.len = 2;
  } else {
    decode32(raw, d);
    d.len = 4;
  }
  d.raw = raw;
  if (d.rd == 0 && writesX(d.op)) d.rd = kXSink;
  return d;
}

}  // namespace wtm::riscv::iss
