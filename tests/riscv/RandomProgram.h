// Generated programs for the differential test of the two cores (test_core_differential.cpp):
// a prologue that gives every register a value, a body of random instructions of one kind
// (ALU, M, memory, branches and loops, compressed, F, DSP, CSRs, misaligned accesses, traps),
// and a jump to itself. A trap handler logs mcause/mepc/mtval and resumes after the faulting
// instruction, so that traps are part of the program's result. The same seed gives the same
// program in every run of a build (our own generator, no <random> distributions; the order in
// which a compiler evaluates an encoder's operands may differ between compilers).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "Program.h"
#include "RvAsm.h"

namespace differential {

using namespace rvasm;

// The memory map of a generated program inside the harnesses' 64 KB RAM.
constexpr uint32_t kHandler = 0x7000;  // mtvec (direct mode)
constexpr uint32_t kData = 0x8800;     // s1: loads and stores within +-2 KB
constexpr uint32_t kDataStart = 0x8000, kDataEnd = 0x9000;
constexpr uint32_t kStack = 0x9400;    // sp: c.lwsp / c.swsp
constexpr uint32_t kTrapLog = 0xA000;  // mscratch: {mcause, mepc, mtval} per trap

// Registers the random instructions never write: sp, s0 (the MMIO window), s1 (the data), t4
// (loop counters), t5/t6 (the trap handler's).
inline bool writable(uint32_t r) { return r != 0 && r != sp && r != s0 && r != s1 && r != t4 && r != t5 && r != t6; }

enum class Kind { Alu, MulDiv, Memory, Branches, Compressed, Float, Dsp, Csr, Misaligned, Traps };
inline const char* kindName(Kind k) {
  static const char* const names[] = {"alu",   "muldiv", "memory", "branches",   "compressed",
                                      "float", "dsp",    "csr",    "misaligned", "traps"};
  return names[static_cast<int>(k)];
}

// splitmix64: the same numbers everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
  bool chance(uint32_t percent) { return below(100) < percent; }
  template <class T>
  T pick(const std::vector<T>& v) {
    return v[below(static_cast<uint32_t>(v.size()))];
  }

 private:
  uint64_t s_;
};

class RandomProgram {
 public:
  RandomProgram(Kind kind, uint64_t seed, int length) : kind_(kind), r_(seed) {
    prologue();
    for (int i = 0; i < length; ++i) body();
    p_ << jal(zero, 0);
  }
  const Program& program() const { return p_; }
  static Program handler() {
    // t6 = log pointer (mscratch); log {mcause, mepc, mtval}; mepc += length of the instruction.
    Program h;
    h << csrr(t6, 0x340) << csrr(t5, MCAUSE) << sw(t5, t6, 0) << csrr(t5, MEPC) << sw(t5, t6, 4) << csrr(t5, MTVAL)
      << sw(t5, t6, 8) << addi(t6, t6, 12) << csrw(0x340, t6) << csrr(t6, MEPC) << itype(0, t6, 5, t5, 0x03) /* lhu */
      << itype(3, t5, 7, t5, 0x13) /* andi */ << addi(t6, t6, 2) << addi(t5, t5, -3) << bne(t5, zero, 8)
      << addi(t6, t6, 2) << csrw(MEPC, t6) << mret;
    return h;
  }
  // The data region's initial contents.
  static std::vector<uint8_t> data(uint64_t seed) {
    Random r(seed ^ 0xDA7Aull);
    std::vector<uint8_t> d(kDataEnd - kDataStart + 0x1000);  // data and stack
    for (auto& b : d) b = static_cast<uint8_t>(r.next());
    return d;
  }

 private:
  // ---- operands
  uint32_t rd() {
    uint32_t r;
    do r = r_.below(32);
    while (!writable(r));
    return r;
  }
  uint32_t rs() { return r_.below(32); }
  uint32_t fr() { return r_.below(32); }
  // x10..x15: the writable registers a compressed instruction can name.
  uint32_t rdc() { return 10 + r_.below(6); }
  uint32_t value() {
    static const std::vector<uint32_t> special = {0, 1, 2, 0xFFFFFFFF, 0x80000000, 0x7FFFFFFF, 0xFFFF, 0x8000, 31, 32};
    return r_.chance(30) ? r_.pick(special) : static_cast<uint32_t>(r_.next());
  }
  uint32_t floatValue() {
    static const std::vector<uint32_t> special = {0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x7F800000,
                                                  0xFF800000, 0x7FC00000, 0x7FA00000, 0xFFC00001, 0x00000001,
                                                  0x807FFFFF, 0x00800000, 0x7F7FFFFF, 0x4B000000, 0x4F000000,
                                                  0xCF000000, 0x3EFFFFFF, 0x3F000000, 0x40490FDB, 0x4EFFFFFF};
    return r_.chance(50) ? r_.pick(special) : static_cast<uint32_t>(r_.next());
  }
  int32_t imm12() {
    return r_.chance(20) ? r_.pick(std::vector<int32_t>{0, -1, 1, 2047, -2048, 31})
                         : static_cast<int32_t>(r_.below(4096)) - 2048;
  }
  uint32_t rm() { return r_.chance(3) ? 5 + r_.below(2) : r_.pick(std::vector<uint32_t>{0, 1, 2, 3, 4, 7}); }

  // ---- the program
  void prologue() {
    p_ << li32(t0, kHandler) << csrw(MTVEC, t0) << li32(t0, kTrapLog) << csrw(0x340, t0) << li32(t0, 0x6000)
       << csrrs(zero, MSTATUS, t0);  // FS on
    for (uint32_t i = 1; i < 32; ++i) {
      if (i == t4 || i == t5 || i == t6) continue;
      p_ << li32(i, value());
    }
    for (uint32_t i = 0; i < 32; ++i) p_ << li32(t0, floatValue()) << rtype(0x78, 0, t0, 0, i, 0x53);  // fmv.w.x
    p_ << li32(t0, value()) << li32(sp, kStack) << li32(s0, 0x40000000) << li32(s1, kData)
       << csrrwi(zero, 2, r_.below(5));  // frm
  }

  void body() {
    switch (kind_) {
      case Kind::Alu: return alu();
      case Kind::MulDiv: return r_.chance(30) ? alu() : mulDiv();
      case Kind::Memory: return r_.chance(25) ? alu() : memory(false);
      case Kind::Branches: return branches();
      case Kind::Compressed: return r_.chance(20) ? alu() : compressed();
      case Kind::Float: return r_.chance(15) ? memoryFloat() : floating();
      case Kind::Dsp: return r_.chance(20) ? alu() : dsp();
      case Kind::Csr: return r_.chance(40) ? (r_.chance(50) ? alu() : mulDiv()) : csr();
      case Kind::Misaligned: return r_.chance(15) ? misalignControl() : memory(true);
      case Kind::Traps: return r_.chance(40) ? alu() : trap();
    }
  }

  void alu() {
    switch (r_.below(4)) {
      case 0: {  // OP-IMM
        const uint32_t f3 = r_.below(8);
        int32_t imm = imm12();
        if (f3 == 1) imm = static_cast<int32_t>(r_.below(32));
        if (f3 == 5) imm = static_cast<int32_t>(r_.below(32) | (r_.chance(50) ? 0x400 : 0));
        p_ << itype(imm, rs(), f3, rd(), 0x13);
        return;
      }
      case 1: {  // OP
        const uint32_t f3 = r_.below(8);
        const uint32_t f7 = (f3 == 0 || f3 == 5) && r_.chance(50) ? 0x20 : 0;
        p_ << rtype(f7, rs(), rs(), f3, rd(), 0x33);
        return;
      }
      case 2: p_ << lui(rd(), r_.below(1u << 20)); return;
      default: p_ << ((r_.below(1u << 20) << 12) | (rd() << 7) | 0x17); return;  // auipc
    }
  }

  void mulDiv() { p_ << rtype(1, rs(), rs(), r_.below(8), rd(), 0x33); }

  int32_t offset(bool misaligned, unsigned len) {
    int32_t off = static_cast<int32_t>(r_.below(2048 - 8)) - 1020;
    off &= ~static_cast<int32_t>(len - 1);
    if (misaligned && len > 1) off += 1 + static_cast<int32_t>(r_.below(len - 1));
    return off;
  }

  void memory(bool misaligned) {
    const uint32_t which = r_.below(10);
    if (which < 5) {  // load: lb lh lw lbu lhu
      static const uint32_t f3s[] = {0, 1, 2, 4, 5};
      const uint32_t f3 = f3s[which];
      const unsigned len = 1u << (f3 & 3);
      if (r_.chance(10) && !misaligned) {
        p_ << itype(static_cast<int32_t>(r_.below(64)) * 4 & ~static_cast<int32_t>(len - 1), s0, f3, rd(),
                    0x03);  // MMIO
        return;
      }
      if (r_.chance(5)) {  // any register as the base: mostly a load access fault
        p_ << itype(imm12(), rs(), f3, rd(), 0x03);
        return;
      }
      p_ << itype(offset(misaligned || r_.chance(10), len), s1, f3, rd(), 0x03);
    } else if (which < 8) {  // store: sb sh sw
      const uint32_t f3 = which - 5;
      const unsigned len = 1u << f3;
      if (r_.chance(10) && !misaligned) {
        p_ << stype(static_cast<int32_t>(r_.below(64)) * 4, rs(), s0, f3, 0x23);
        return;
      }
      p_ << stype(offset(misaligned || r_.chance(10), len), rs(), s1, f3, 0x23);
    } else if (which == 8) {  // an AMO on an address in s1's region (misaligned sometimes)
      const uint32_t base = rd();
      p_ << addi(base, s1, offset(misaligned || r_.chance(10), 4));
      static const uint32_t funct5[] = {0x00, 0x01, 0x04, 0x08, 0x0C, 0x10, 0x14, 0x18, 0x1C};
      p_ << rtype(funct5[r_.below(9)] << 2, rs(), base, 2, rd(), 0x2F);
    } else {  // lr / sc, sometimes on different addresses
      const uint32_t base = rd();
      p_ << addi(base, s1, offset(misaligned, 4)) << lr(rd(), base);
      if (r_.chance(30)) p_ << addi(base, base, 4);
      if (r_.chance(50)) alu();
      p_ << sc(rd(), rs(), base);
    }
  }

  void memoryFloat() {
    if (r_.chance(50)) p_ << itype(offset(r_.chance(10), 4), s1, 2, fr(), 0x07);  // flw
    else p_ << stype(offset(r_.chance(10), 4), fr(), s1, 2, 0x27);                // fsw
  }

  void misalignControl() {
    // mmisc_ctl.MISALIGN (bit 6) on or off: misaligned accesses split or trap.
    p_ << li(t0, 0x40)
       << (r_.chance(50) ? csrrs(zero, MMISC_CTL, t0) : rtype(0, 0, t0, 3, 0, 0x73) | (MMISC_CTL << 20));
  }

  void branches() {
    const uint32_t which = r_.below(6);
    if (which <= 1) {  // a forward branch over 1..3 instructions
      const int skip = 1 + static_cast<int>(r_.below(3));
      p_ << btype(4 * (skip + 1), rs(), rs(), r_.pick(std::vector<uint32_t>{0, 1, 4, 5, 6, 7}));
      for (int i = 0; i < skip; ++i) alu();
    } else if (which == 2) {  // a counted loop, taken backward
      const int n = 1 + static_cast<int>(r_.below(5)), len = 1 + static_cast<int>(r_.below(4));
      p_ << li(t4, n);
      for (int i = 0; i < len; ++i) r_.chance(30) ? mulDiv() : alu();
      p_ << addi(t4, t4, -1) << bne(t4, zero, -4 * (len + 1));
    } else if (which == 3) {  // jal over one instruction
      p_ << jal(r_.chance(50) ? zero : rd(), 8);
      alu();
    } else if (which == 4) {  // jalr over one instruction, to a word or a halfword
      const uint32_t base = rd();
      if (r_.chance(50)) {
        p_ << (base << 7 | 0x17) << jalr(r_.chance(50) ? zero : rd(), base, 12);
        alu();
      } else {
        // auipc; jalr to +10: a c.nop skipped, then a 32-bit instruction at pc[1] = 1
        p_ << (base << 7 | 0x17) << jalr(r_.chance(50) ? zero : rd(), base, 10);
        p_.half(0x0001);
        alu();
      }
    } else {
      alu();
    }
  }

  // ---- compressed (RV32C, with the F loads and stores)
  uint16_t cb(uint32_t f3, uint32_t rs1c, int32_t off) {  // c.beqz / c.bnez
    const uint32_t o = static_cast<uint32_t>(off);
    return static_cast<uint16_t>((f3 << 13) | (((o >> 8) & 1) << 12) | (((o >> 3) & 3) << 10) | ((rs1c & 7) << 7) |
                                 (((o >> 6) & 3) << 5) | (((o >> 1) & 3) << 3) | (((o >> 5) & 1) << 2) | 1);
  }
  uint16_t cj(int32_t off) {  // c.j
    const uint32_t o = static_cast<uint32_t>(off);
    return static_cast<uint16_t>((5u << 13) | (((o >> 11) & 1) << 12) | (((o >> 4) & 1) << 11) | (((o >> 8) & 3) << 9) |
                                 (((o >> 10) & 1) << 8) | (((o >> 6) & 1) << 7) | (((o >> 7) & 1) << 6) |
                                 (((o >> 1) & 7) << 3) | (((o >> 5) & 1) << 2) | 1);
  }
  uint16_t ci(uint32_t f3, uint32_t r, uint32_t imm6, uint32_t op) {
    return static_cast<uint16_t>((f3 << 13) | (((imm6 >> 5) & 1) << 12) | (r << 7) | ((imm6 & 31) << 2) | op);
  }
  void compressedAlu() {
    const uint32_t which = r_.below(9);
    switch (which) {
      case 0: p_.half(ci(0, rd(), r_.below(64), 1)); return;                       // c.addi
      case 1: p_.half(ci(2, rd(), r_.below(64), 1)); return;                       // c.li
      case 2: p_.half(ci(3, rd(), r_.chance(5) ? 0 : r_.below(64), 1)); return;    // c.lui (0: reserved)
      case 3: p_.half(ci(0, rd(), r_.below(r_.chance(10) ? 64 : 32), 2)); return;  // c.slli (shamt[5]: reserved)
      case 4: {                                                                    // c.srli / c.srai / c.andi
        const uint32_t f2 = r_.below(3);
        p_.half(static_cast<uint16_t>((4u << 13) | (r_.chance(10) ? 1u << 12 : 0) | (f2 << 10) | ((rdc() - 8) << 7) |
                                      (r_.below(32) << 2) | 1));
        return;
      }
      case 5:  // c.sub / c.xor / c.or / c.and
        p_.half(static_cast<uint16_t>((4u << 13) | (3u << 10) | ((rdc() - 8) << 7) | (r_.below(4) << 5) |
                                      (r_.below(8) << 2) | 1));
        return;
      case 6: p_.half(static_cast<uint16_t>((4u << 13) | (rd() << 7) | ((1 + r_.below(31)) << 2) | 2)); return;  // c.mv
      case 7:
        p_.half(static_cast<uint16_t>((4u << 13) | (1u << 12) | (rd() << 7) | ((1 + r_.below(31)) << 2) | 2));
        return;   // c.add
      default: {  // c.addi4spn (imm 0: reserved)
        const uint32_t imm = r_.chance(5) ? 0 : (1 + r_.below(255));
        p_.half(static_cast<uint16_t>((imm << 5) | ((rdc() - 8) << 2)));
        return;
      }
    }
  }
  void compressed() {
    const uint32_t which = r_.below(10);
    if (which < 4) return compressedAlu();
    if (which == 4 || which == 5) {  // c.lw / c.sw / c.flw / c.fsw on s1 (data) or s0 (MMIO)
      const bool isFloat = r_.chance(30), store = r_.chance(50);
      const uint32_t base = r_.chance(80) ? 1 : 0;  // x9 / x8
      const uint32_t u = r_.below(32) * 4;
      const uint32_t f3 = (store ? 6u : 2u) | (isFloat ? 1u : 0u);
      const uint32_t reg = isFloat || store ? r_.below(8) : rdc() - 8;
      p_.half(static_cast<uint16_t>((f3 << 13) | (((u >> 3) & 7) << 10) | (base << 7) | (((u >> 2) & 1) << 6) |
                                    (((u >> 6) & 1) << 5) | (reg << 2)));
      return;
    }
    if (which == 6) {  // c.lwsp / c.swsp / c.flwsp / c.fswsp
      const bool isFloat = r_.chance(30), store = r_.chance(50);
      const uint32_t u = r_.below(64) * 4;
      if (store) {
        p_.half(static_cast<uint16_t>(((isFloat ? 7u : 6u) << 13) | (((u >> 2) & 15) << 9) | (((u >> 6) & 3) << 7) |
                                      (r_.below(32) << 2) | 2));
      } else {
        const uint32_t reg = isFloat ? r_.below(32) : (r_.chance(5) ? 0 : rd());  // rd 0: reserved
        p_.half(static_cast<uint16_t>(((isFloat ? 3u : 2u) << 13) | (((u >> 5) & 1) << 12) | (reg << 7) |
                                      (((u >> 2) & 7) << 4) | (((u >> 6) & 3) << 2) | 2));
      }
      return;
    }
    if (which == 7) {  // c.beqz / c.bnez over 1..3 compressed instructions
      const int skip = 1 + static_cast<int>(r_.below(3));
      p_.half(cb(r_.chance(50) ? 6 : 7, r_.below(8), 2 * (skip + 1)));
      for (int i = 0; i < skip; ++i) p_.half(ci(0, rd(), r_.below(64), 1));
      return;
    }
    if (which == 8) {  // c.j over a 32-bit instruction (landing on a halfword or a word)
      p_.half(cj(6));
      alu();
      return;
    }
    alu();  // a 32-bit instruction, at whatever alignment the stream has
  }

  // ---- F
  void floating() {
    const uint32_t which = r_.below(12);
    switch (which) {
      case 0:
      case 1:
      case 2: {  // fadd fsub fmul fdiv
        static const uint32_t f7[] = {0x00, 0x04, 0x08, 0x0C};
        p_ << rtype(f7[r_.below(4)], fr(), fr(), rm(), fr(), 0x53);
        return;
      }
      case 3: p_ << rtype(0x2C, 0, fr(), rm(), fr(), 0x53); return;  // fsqrt
      case 4: {                                                      // fmadd fmsub fnmsub fnmadd
        static const uint32_t ops[] = {0x43, 0x47, 0x4B, 0x4F};
        p_ << ((fr() << 27) | rtype(0, fr(), fr(), rm(), fr(), ops[r_.below(4)]));
        return;
      }
      case 5: p_ << rtype(0x10, fr(), fr(), r_.below(3), fr(), 0x53); return;  // fsgnj[n|x]
      case 6: p_ << rtype(0x14, fr(), fr(), r_.below(2), fr(), 0x53); return;  // fmin fmax
      case 7: p_ << rtype(0x60, r_.below(2), fr(), rm(), rd(), 0x53); return;  // fcvt.w[u].s
      case 8: p_ << rtype(0x68, r_.below(2), rs(), rm(), fr(), 0x53); return;  // fcvt.s.w[u]
      case 9: p_ << rtype(0x50, fr(), fr(), r_.below(3), rd(), 0x53); return;  // fle flt feq
      case 10: p_ << rtype(0x70, 0, fr(), r_.below(2), rd(), 0x53); return;    // fmv.x.w fclass
      default:
        if (r_.chance(50)) p_ << rtype(0x78, 0, rs(), 0, fr(), 0x53);  // fmv.w.x
        else if (r_.chance(50)) p_ << csrrwi(zero, 2, r_.below(8));    // frm (5..7 make dynamic rounding illegal)
        else p_ << csrrs(rd(), r_.below(3) + 1, zero);                 // read fflags / frm / fcsr
        return;
    }
  }

  // ---- DSP words (custom opcode 0x7F): funct7 selects the operation, rs2 the register or immediate
  void dsp() {
    static const std::vector<uint32_t> ops = {0x20, 0x21, 0x00, 0x01, 0x08, 0x09, 0x10, 0x11, 0x18, 0x19,
                                              0x24, 0x25, 0x04, 0x05, 0x0C, 0x0D, 0x14, 0x15, 0x1C, 0x1D,
                                              0x40, 0x41, 0x48, 0x49, 0x44, 0x45, 0x4C, 0x4D, 0x28, 0x29,
                                              0x2A, 0x2C, 0x2D, 0x2E, 0x43, 0x47, 0x72, 0x7A, 0x56};
    const uint32_t f7 = r_.chance(5) ? r_.below(128) : r_.pick(ops);
    const uint32_t f3 = r_.chance(3) ? r_.below(8) : 0;
    p_ << rtype(f7, r_.below(32), rs(), f3, rd(), 0x7F);
    if (r_.chance(10)) p_ << csrr(rd(), 0x801);  // ucode (OV)
  }

  // ---- CSRs
  void csr() {
    static const std::vector<uint32_t> readable = {
        MCYCLE,  0xB80, MINSTRET,   0xB82,      0x301,     MVENDORID,     0xF12, 0xF13, 0xF14,
        MSTATUS, MTVEC, MEPC,       MCAUSE,     MTVAL,     0x304,         0x344, 1,     2,
        3,       MTVT,  MINTSTATUS, MSUBM,      MMISC_CTL, MCOUNTINHIBIT, MTVT2, 0x801, 0xC00,
        0xC02,   0xC80, WFE,        SLEEPVALUE, 0x7FF,     0x3A0,         0x7B0};
    // Written freely: the handler depends on mtvec and mscratch only.
    static const std::vector<uint32_t> written = {MCYCLE, 0xB80, MINSTRET, 0xB82, MCOUNTINHIBIT, MEPC,  MCAUSE,
                                                  MTVAL,  1,     2,        3,     MSUBM,         0x801, MVENDORID,
                                                  0xC00,  0x301};
    const uint32_t which = r_.below(6);
    if (which <= 1) {
      p_ << csrr(rd(), r_.chance(5) ? r_.below(4096) : r_.pick(readable));
    } else if (which == 2) {
      const uint32_t f3 = 1 + r_.below(3);
      p_ << ((r_.pick(written) << 20) | (rs() << 15) | (f3 << 12) | (rd() << 7) | 0x73);
    } else if (which == 3) {
      const uint32_t f3 = 5 + r_.below(3);
      p_ << ((r_.pick(written) << 20) | (r_.below(32) << 15) | (f3 << 12) | (rd() << 7) | 0x73);
    } else if (which == 4) {  // mstatus bits: MIE (no interrupts come), MPIE, FS
      static const std::vector<uint32_t> masks = {0x8, 0x80, 0x2000, 0x4000, 0x6000, 0x1800};
      p_ << li32(t0, r_.pick(masks)) << ((MSTATUS << 20) | (t0 << 15) | ((2 + r_.below(2)) << 12) | 0x73);
      if (r_.chance(50)) p_ << li32(t0, 0x6000) << csrrs(zero, MSTATUS, t0);  // FS back on (mostly)
    } else {
      misalignControl();
    }
  }

  // ---- traps
  void trap() {
    const uint32_t which = r_.below(9);
    switch (which) {
      case 0: p_ << ecall; return;
      case 1: p_ << ebreak; return;
      case 2: p_.half(0x9002); return;  // c.ebreak
      case 3: p_ << (r_.chance(50) ? 0xFFFFFFFFu : 0x00000000u); return;
      case 4: {  // a load or store to unmapped space
        const uint32_t base = rd();
        p_ << li32(base, r_.pick(std::vector<uint32_t>{0x50000000, 0x00010000, 0xFFFFFFF0, 0x40001000}));
        if (r_.chance(50))
          p_ << itype(static_cast<int32_t>(r_.below(16)), base, r_.pick(std::vector<uint32_t>{0, 1, 2, 4, 5}), rd(),
                      0x03);
        else p_ << stype(static_cast<int32_t>(r_.below(16)), rs(), base, r_.below(3), 0x23);
        return;
      }
      case 5: {  // a random word of a major opcode that holds no jump, store or system instruction
        static const std::vector<uint32_t> opcodes = {0x13, 0x33, 0x53, 0x0B, 0x2B, 0x5B, 0x7B, 0x7F, 0x1B,
                                                      0x3B, 0x57, 0x77, 0x0F, 0x43, 0x47, 0x4B, 0x4F};
        uint32_t w = (static_cast<uint32_t>(r_.next()) & ~0xFFFu) | (rd() << 7) | r_.pick(opcodes);
        p_ << w;
        return;
      }
      case 6: p_ << csrrs(rd(), MVENDORID, rd()); return;  // write to a read-only CSR (unless rs1 is x0)
      case 7: {                                            // a misaligned access with MISALIGN off, then on again
        p_ << li(t0, 0x40) << (rtype(0, 0, t0, 3, 0, 0x73) | (MMISC_CTL << 20));
        p_ << itype(offset(true, 4), s1, 2, rd(), 0x03) << stype(offset(true, 2), rs(), s1, 1, 0x23);
        p_ << li(t0, 0x40) << csrrs(zero, MMISC_CTL, t0);
        return;
      }
      default:
        p_ << itype(static_cast<int32_t>(r_.below(4)), rs(), 2, rd(), 0x03);
        return;  // lw from wherever a register points
    }
  }

  Kind kind_;
  Random r_;
  Program p_;
};

}  // namespace differential
