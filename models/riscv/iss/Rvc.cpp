#include "Rvc.h"

namespace wtm::riscv::iss {

namespace {

constexpr uint32_t bits(uint32_t v, unsigned hi, unsigned lo) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }
constexpr uint32_t bit(uint32_t v, unsigned n) { return (v >> n) & 1u; }
// Sign-extends the low `width` bits.
constexpr uint32_t sext(uint32_t v, unsigned width) {
  const uint32_t m = 1u << (width - 1);
  return ((v & ((1u << width) - 1)) ^ m) - m;
}

// Base-format encoders.
constexpr uint32_t iType(uint32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return ((imm & 0xFFF) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
constexpr uint32_t sType(uint32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t op) {
  return (bits(imm, 11, 5) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (bits(imm, 4, 0) << 7) | op;
}
constexpr uint32_t rType(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
constexpr uint32_t jType(uint32_t imm, uint32_t rd) {
  return (bit(imm, 20) << 31) | (bits(imm, 10, 1) << 21) | (bit(imm, 11) << 20) | (bits(imm, 19, 12) << 12) |
         (rd << 7) | 0x6F;
}
constexpr uint32_t bType(uint32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3) {
  return (bit(imm, 12) << 31) | (bits(imm, 10, 5) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
         (bits(imm, 4, 1) << 8) | (bit(imm, 11) << 7) | 0x63;
}

constexpr uint32_t kOpImm = 0x13, kLoad = 0x03, kLoadFp = 0x07, kStore = 0x23, kStoreFp = 0x27, kOp = 0x33, kLui = 0x37,
                   kJalr = 0x67;

}  // namespace

Expanded expandCompressed(uint16_t h) {
  const uint32_t c = h;
  const uint32_t rd = bits(c, 11, 7), rs2 = bits(c, 6, 2);
  const uint32_t rdp = 8 + bits(c, 4, 2), rs1p = 8 + bits(c, 9, 7);
  const uint32_t immCi = sext((bit(c, 12) << 5) | bits(c, 6, 2), 6);
  const uint32_t offLw = (bit(c, 5) << 6) | (bits(c, 12, 10) << 3) | (bit(c, 6) << 2);
  const uint32_t immJ = sext((bit(c, 12) << 11) | (bit(c, 8) << 10) | (bits(c, 10, 9) << 8) | (bit(c, 6) << 7) |
                                 (bit(c, 7) << 6) | (bit(c, 2) << 5) | (bit(c, 11) << 4) | (bits(c, 5, 3) << 1),
                             12);
  const uint32_t immB = sext(
      (bit(c, 12) << 8) | (bits(c, 6, 5) << 6) | (bit(c, 2) << 5) | (bits(c, 11, 10) << 3) | (bits(c, 4, 3) << 1), 9);
  const uint32_t shamt = bits(c, 6, 2);
  const uint32_t f3 = bits(c, 15, 13);
  constexpr uint32_t kNop = 0x13;

  switch (bits(c, 1, 0)) {
    case 0:
      switch (f3) {
        case 0: {  // c.addi4spn
          const uint32_t imm = (bits(c, 10, 7) << 6) | (bits(c, 12, 11) << 4) | (bit(c, 5) << 3) | (bit(c, 6) << 2);
          return {iType(imm, 2, 0, rdp, kOpImm), imm == 0};
        }
        case 2: return {iType(offLw, rs1p, 2, rdp, kLoad), false};
        case 3: return {iType(offLw, rs1p, 2, rdp, kLoadFp), false};
        case 6: return {sType(offLw, rdp, rs1p, 2, kStore), false};
        case 7: return {sType(offLw, rdp, rs1p, 2, kStoreFp), false};
        default: return {kNop, true};
      }
    case 1:
      switch (f3) {
        case 0: return {iType(immCi, rd, 0, rd, kOpImm), false};  // c.addi, c.nop
        case 1: return {jType(immJ, 1), false};                   // c.jal
        case 2: return {iType(immCi, 0, 0, rd, kOpImm), false};   // c.li
        case 3:
          if (rd == 2) {  // c.addi16sp
            const uint32_t imm = sext(
                (bit(c, 12) << 9) | (bits(c, 4, 3) << 7) | (bit(c, 5) << 6) | (bit(c, 2) << 5) | (bit(c, 6) << 4), 10);
            return {iType(imm, 2, 0, 2, kOpImm), imm == 0};
          } else {  // c.lui
            const uint32_t v = (bit(c, 12) << 5) | bits(c, 6, 2);
            return {(sext(v, 6) << 12) | (rd << 7) | kLui, v == 0};
          }
        case 4:
          switch (bits(c, 11, 10)) {
            case 0: return {iType(shamt, rs1p, 5, rs1p, kOpImm), bit(c, 12) != 0};          // c.srli
            case 1: return {iType(0x400 | shamt, rs1p, 5, rs1p, kOpImm), bit(c, 12) != 0};  // c.srai
            case 2: return {iType(immCi, rs1p, 7, rs1p, kOpImm), false};                    // c.andi
            default: {
              if (bit(c, 12)) return {kNop, true};  // c.subw, c.addw (RV64)
              static constexpr uint32_t kF3[4] = {0, 4, 6, 7};
              const uint32_t sel = bits(c, 6, 5);
              return {rType(sel == 0 ? 0x20 : 0, rdp, rs1p, kF3[sel], rs1p, kOp), false};
            }
          }
        case 5: return {jType(immJ, 0), false};            // c.j
        case 6: return {bType(immB, 0, rs1p, 0), false};   // c.beqz
        default: return {bType(immB, 0, rs1p, 1), false};  // c.bnez
      }
    case 2:
      switch (f3) {
        case 0: return {iType(shamt, rd, 1, rd, kOpImm), bit(c, 12) != 0};  // c.slli
        case 2: {                                                           // c.lwsp
          const uint32_t off = (bits(c, 3, 2) << 6) | (bit(c, 12) << 5) | (bits(c, 6, 4) << 2);
          return {iType(off, 2, 2, rd, kLoad), rd == 0};
        }
        case 3: {  // c.flwsp
          const uint32_t off = (bits(c, 3, 2) << 6) | (bit(c, 12) << 5) | (bits(c, 6, 4) << 2);
          return {iType(off, 2, 2, rd, kLoadFp), false};
        }
        case 4:
          if (!bit(c, 12)) {
            if (rs2 == 0) return {iType(0, rd, 0, 0, kJalr), rd == 0};  // c.jr
            return {rType(0, rs2, 0, 0, rd, kOp), false};               // c.mv
          }
          if (rs2 == 0) {
            if (rd == 0) return {0x00100073u, false};   // c.ebreak
            return {iType(0, rd, 0, 1, kJalr), false};  // c.jalr
          }
          return {rType(0, rs2, rd, 0, rd, kOp), false};  // c.add
        case 6: {                                         // c.swsp
          const uint32_t off = (bits(c, 8, 7) << 6) | (bits(c, 12, 9) << 2);
          return {sType(off, rs2, 2, 2, kStore), false};
        }
        case 7: {  // c.fswsp
          const uint32_t off = (bits(c, 8, 7) << 6) | (bits(c, 12, 9) << 2);
          return {sType(off, rs2, 2, 2, kStoreFp), false};
        }
        default: return {kNop, true};  // c.fldsp, c.fsdsp
      }
    default: return {kNop, true};  // not compressed
  }
}

}  // namespace wtm::riscv::iss
