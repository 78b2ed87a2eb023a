// A tiny RV32 instruction encoder for the core tests: builds programs in memory without the
// cross toolchain, so each test states exactly which encodings it executes.
#pragma once
#include <cstdint>
#include <vector>

namespace rvasm {

// Laid out by hand, a few ABI names per row.
// clang-format off
enum Reg : uint32_t {
  zero = 0, ra = 1, sp = 2, gp = 3, tp = 4, t0 = 5, t1 = 6, t2 = 7, s0 = 8, s1 = 9,
  a0 = 10, a1 = 11, a2 = 12, a3 = 13, a4 = 14, a5 = 15, a6 = 16, a7 = 17,
  s2 = 18, s3 = 19, s4 = 20, s5 = 21, t3 = 28, t4 = 29, t5 = 30, t6 = 31
};
// clang-format on

inline uint32_t rtype(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
inline uint32_t itype(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return (static_cast<uint32_t>(imm & 0xFFF) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
inline uint32_t stype(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t op) {
  const uint32_t i = static_cast<uint32_t>(imm);
  return (((i >> 5) & 0x7F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((i & 0x1F) << 7) | op;
}
inline uint32_t btype(int32_t off, uint32_t rs2, uint32_t rs1, uint32_t f3) {
  const uint32_t i = static_cast<uint32_t>(off);
  return (((i >> 12) & 1) << 31) | (((i >> 5) & 0x3F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
         (((i >> 1) & 0xF) << 8) | (((i >> 11) & 1) << 7) | 0x63;
}
inline uint32_t jtype(int32_t off, uint32_t rd) {
  const uint32_t i = static_cast<uint32_t>(off);
  return (((i >> 20) & 1) << 31) | (((i >> 1) & 0x3FF) << 21) | (((i >> 11) & 1) << 20) | (((i >> 12) & 0xFF) << 12) |
         (rd << 7) | 0x6F;
}

inline uint32_t addi(uint32_t rd, uint32_t rs1, int32_t imm) { return itype(imm, rs1, 0, rd, 0x13); }
inline uint32_t li(uint32_t rd, int32_t imm) { return addi(rd, zero, imm); }
inline uint32_t lui(uint32_t rd, uint32_t imm20) { return (imm20 << 12) | (rd << 7) | 0x37; }
inline uint32_t add(uint32_t rd, uint32_t rs1, uint32_t rs2) { return rtype(0, rs2, rs1, 0, rd, 0x33); }
inline uint32_t sub(uint32_t rd, uint32_t rs1, uint32_t rs2) { return rtype(0x20, rs2, rs1, 0, rd, 0x33); }
inline uint32_t mul(uint32_t rd, uint32_t rs1, uint32_t rs2) { return rtype(1, rs2, rs1, 0, rd, 0x33); }
inline uint32_t div(uint32_t rd, uint32_t rs1, uint32_t rs2) { return rtype(1, rs2, rs1, 4, rd, 0x33); }
inline uint32_t lw(uint32_t rd, uint32_t rs1, int32_t off) { return itype(off, rs1, 2, rd, 0x03); }
inline uint32_t lh(uint32_t rd, uint32_t rs1, int32_t off) { return itype(off, rs1, 1, rd, 0x03); }
inline uint32_t sw(uint32_t rs2, uint32_t rs1, int32_t off) { return stype(off, rs2, rs1, 2, 0x23); }
inline uint32_t beq(uint32_t rs1, uint32_t rs2, int32_t off) { return btype(off, rs2, rs1, 0); }
inline uint32_t bne(uint32_t rs1, uint32_t rs2, int32_t off) { return btype(off, rs2, rs1, 1); }
inline uint32_t jal(uint32_t rd, int32_t off) { return jtype(off, rd); }
inline uint32_t jalr(uint32_t rd, uint32_t rs1, int32_t off) { return itype(off, rs1, 0, rd, 0x67); }
inline uint32_t csrrw(uint32_t rd, uint32_t csr, uint32_t rs1) {
  return (csr << 20) | (rs1 << 15) | (1 << 12) | (rd << 7) | 0x73;
}
inline uint32_t csrrs(uint32_t rd, uint32_t csr, uint32_t rs1) {
  return (csr << 20) | (rs1 << 15) | (2 << 12) | (rd << 7) | 0x73;
}
inline uint32_t csrr(uint32_t rd, uint32_t csr) { return csrrs(rd, csr, zero); }
inline uint32_t csrw(uint32_t csr, uint32_t rs1) { return csrrw(zero, csr, rs1); }
inline uint32_t amoadd(uint32_t rd, uint32_t rs2, uint32_t rs1) { return rtype(0x00 << 2, rs2, rs1, 2, rd, 0x2F); }
inline uint32_t lr(uint32_t rd, uint32_t rs1) { return rtype(0x02 << 2, 0, rs1, 2, rd, 0x2F); }
inline uint32_t sc(uint32_t rd, uint32_t rs2, uint32_t rs1) { return rtype(0x03 << 2, rs2, rs1, 2, rd, 0x2F); }
constexpr uint32_t ecall = 0x00000073;
constexpr uint32_t ebreak = 0x00100073;
constexpr uint32_t mret = 0x30200073;
constexpr uint32_t wfi = 0x10500073;
constexpr uint32_t nop = 0x00000013;
constexpr uint32_t fence_i = 0x0000100F;

inline uint32_t csrrwi(uint32_t rd, uint32_t csr, uint32_t imm) {
  return (csr << 20) | (imm << 15) | (5 << 12) | (rd << 7) | 0x73;
}
inline uint32_t csrsi(uint32_t csr, uint32_t imm) { return (csr << 20) | (imm << 15) | (6 << 12) | 0x73; }
inline uint32_t csrci(uint32_t csr, uint32_t imm) { return (csr << 20) | (imm << 15) | (7 << 12) | 0x73; }
constexpr uint32_t MTVT = 0x307, MINTSTATUS = 0x346, MNVEC = 0x7C3, MSUBM = 0x7C4, MMISC_CTL = 0x7D0, PUSHMSUBM = 0x7EB,
                   MTVT2 = 0x7EC, JALMNXTI = 0x7ED, PUSHMCAUSE = 0x7EE, PUSHMEPC = 0x7EF, WFE = 0x810,
                   SLEEPVALUE = 0x811;
constexpr uint32_t MSTATUS = 0x300, MTVEC = 0x305, MCOUNTINHIBIT = 0x320, MSCRATCH = 0x340, MEPC = 0x341,
                   MCAUSE = 0x342, MTVAL = 0x343, MCYCLE = 0xB00, MINSTRET = 0xB02, MVENDORID = 0xF11;

// li for any 32-bit constant (lui + addi).
inline std::vector<uint32_t> li32(uint32_t rd, uint32_t value) {
  const uint32_t lo = value & 0xFFF;
  const uint32_t hi = (value + (lo >= 0x800 ? 0x1000 : 0)) >> 12;
  return {lui(rd, hi & 0xFFFFF), addi(rd, rd, static_cast<int32_t>(lo << 20) >> 20)};
}

}  // namespace rvasm
