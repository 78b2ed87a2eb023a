// The training run of the profile-guided build of the Verilated core (cmake/VerilatedUnit.cmake):
// drives the RTL directly (no board, no SystemC) through a loop of the kinds of code firmware
// spends its time in — byte and word loops, multiply-accumulate, division, calls, compressed
// instructions, a CSR read — so that the compiler lays out the per-cycle code for that mix.
// Paths it never takes (traps, the debug port, F, DSP) keep the normal optimisation.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "Vwtm_core.h"
#include "Vwtm_core__Dpi.h"
#include "RtlDebugPort.h"
#include "verilated.h"

// The F arithmetic the core reaches by DPI (fpu/FpuDpi.cpp on the board): the training program
// has no F instructions, so this executable does without it.
long long wtm_fpu_op(int, int, int, int, int) { return 0; }

namespace {

// A minimal RV32IMC assembler: 32- and 16-bit encodings, labels for branches and jumps.
class Asm {
 public:
  // Laid out by hand, the ABI names on one row.
  // clang-format off
  enum Reg : uint32_t { zero = 0, ra = 1, sp = 2, s0 = 8, s1 = 9, a0 = 10, a1, a2, a3, a4, a5, t0 = 5, t1, t2, s2 = 18, s3 };
  // clang-format on

  void label(const std::string& name) { labels_[name] = here(); }
  uint32_t here() const { return static_cast<uint32_t>(code_.size() * 2); }

  void r(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op = 0x33) {
    word((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op);
  }
  void i(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op = 0x13) {
    word((static_cast<uint32_t>(imm & 0xFFF) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op);
  }
  void s(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3) {
    const auto u = static_cast<uint32_t>(imm);
    word((((u >> 5) & 0x7F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((u & 0x1F) << 7) | 0x23);
  }
  void branch(uint32_t f3, uint32_t rs1, uint32_t rs2, const std::string& target) {
    fixups_.push_back({here(), target, f3, rs1, rs2, false});
    word(0);
  }
  void jal(uint32_t rd, const std::string& target) {
    fixups_.push_back({here(), target, 0, rd, 0, true});
    word(0);
  }
  void li(uint32_t rd, int32_t v) {
    if (v >= -2048 && v < 2048) return i(v, zero, 0, rd);
    word((static_cast<uint32_t>(v + 0x800) & 0xFFFFF000u) | (rd << 7) | 0x37);  // lui
    i(v & 0xFFF, rd, 0, rd);
  }
  void half(uint16_t h) { code_.push_back(h); }
  // Compressed forms (rd/rs1 full registers unless noted).
  void c_addi(uint32_t rd, int32_t imm) {
    half(static_cast<uint16_t>(((imm >> 5) & 1) << 12 | rd << 7 | (imm & 0x1F) << 2 | 1));
  }
  void c_li(uint32_t rd, int32_t imm) {
    half(static_cast<uint16_t>(2 << 13 | ((imm >> 5) & 1) << 12 | rd << 7 | (imm & 0x1F) << 2 | 1));
  }
  void c_mv(uint32_t rd, uint32_t rs2) { half(static_cast<uint16_t>(8 << 12 | rd << 7 | rs2 << 2 | 2)); }
  void c_add(uint32_t rd, uint32_t rs2) { half(static_cast<uint16_t>(9 << 12 | rd << 7 | rs2 << 2 | 2)); }
  void c_slli(uint32_t rd, uint32_t sh) { half(static_cast<uint16_t>(rd << 7 | (sh & 0x1F) << 2 | 2)); }
  // c.lw / c.sw: registers x8..x15, word offset 0..124.
  void c_lw(uint32_t rd, uint32_t rs1, uint32_t off) {
    half(static_cast<uint16_t>(2 << 13 | cmem(rs1, off) | (rd - 8) << 2));
  }
  void c_sw(uint32_t rs2, uint32_t rs1, uint32_t off) {
    half(static_cast<uint16_t>(6 << 13 | cmem(rs1, off) | (rs2 - 8) << 2));
  }

  std::vector<uint16_t> finish() {
    for (const Fixup& f : fixups_) {
      const auto off = static_cast<uint32_t>(labels_.at(f.target) - f.at);
      uint32_t w;
      if (f.jump)
        w = (((off >> 20) & 1) << 31) | (((off >> 1) & 0x3FF) << 21) | (((off >> 11) & 1) << 20) |
            (((off >> 12) & 0xFF) << 12) | (f.a << 7) | 0x6F;
      else
        w = (((off >> 12) & 1) << 31) | (((off >> 5) & 0x3F) << 25) | (f.b << 20) | (f.a << 15) | (f.f3 << 12) |
            (((off >> 1) & 0xF) << 8) | (((off >> 11) & 1) << 7) | 0x63;
      code_[f.at / 2] = static_cast<uint16_t>(w);
      code_[f.at / 2 + 1] = static_cast<uint16_t>(w >> 16);
    }
    return code_;
  }

 private:
  struct Fixup {
    uint32_t at;
    std::string target;
    uint32_t f3, a, b;
    bool jump;
  };
  static uint32_t cmem(uint32_t rs1, uint32_t off) {
    return ((off >> 3) & 7) << 10 | (rs1 - 8) << 7 | ((off >> 2) & 1) << 6 | ((off >> 6) & 1) << 5;
  }
  void word(uint32_t w) {
    half(static_cast<uint16_t>(w));
    half(static_cast<uint16_t>(w >> 16));
  }
  std::vector<uint16_t> code_;
  std::map<std::string, uint32_t> labels_;
  std::vector<Fixup> fixups_;
};

// The program: `rounds` passes over five kernels, then a jump to itself.
std::vector<uint16_t> trainingProgram(int rounds) {
  using A = Asm;
  Asm p;
  constexpr int32_t kData = 0x4000;
  p.li(A::s0, kData);
  p.li(A::s1, 0);
  p.li(A::s2, rounds);
  p.label("round");
  // CRC-like byte loop: lbu, xor, and, shifts, a data-dependent forward branch.
  p.li(A::a0, kData);
  p.li(A::a1, 256);
  p.li(A::a2, -1);
  p.li(A::a3, 0x1DB7);
  p.label("crc");
  p.i(0, A::a0, 4, A::t0, 0x03);   // lbu t0, 0(a0)
  p.r(0, A::t0, A::a2, 4, A::a2);  // xor a2, a2, t0
  p.i(1, A::a2, 7, A::t1);         // andi t1, a2, 1
  p.i(1, A::a2, 5, A::a2);         // srli a2, a2, 1
  p.branch(0, A::t1, A::zero, "crc_skip");
  p.r(0, A::a3, A::a2, 4, A::a2);  // xor a2, a2, a3
  p.label("crc_skip");
  p.s(0, A::a2, A::a0, 0);  // sb a2, 0(a0)
  p.c_addi(A::a0, 1);
  p.c_addi(A::a1, -1);
  p.branch(1, A::a1, A::zero, "crc");
  // Multiply-accumulate over words: lw, mul, add, sw, compressed loads and moves.
  p.li(A::a0, kData);
  p.li(A::a1, 64);
  p.c_li(A::a4, 0);
  p.label("mac");
  p.c_lw(A::a2, A::a0, 0);
  p.c_lw(A::a3, A::a0, 4);
  p.r(1, A::a3, A::a2, 0, A::t0);  // mul t0, a2, a3
  p.c_add(A::a4, A::t0);
  p.r(1, A::a3, A::a2, 1, A::t1);  // mulh t1, a2, a3
  p.c_sw(A::a4, A::a0, 8);
  p.i(1, A::a2, 1, A::a2);         // slli a2, a2, 1
  p.s(12, A::a2, A::a0, 1);        // sh a2, 12(a0)
  p.i(12, A::a0, 1, A::t2, 0x03);  // lh t2, 12(a0)
  p.c_addi(A::a0, 4);
  p.c_addi(A::a1, -1);
  p.branch(1, A::a1, A::zero, "mac");
  // Division: digit sums with divu / remu.
  p.li(A::a0, 123457);
  p.c_li(A::a2, 0);
  p.c_li(A::a3, 10);
  p.label("digits");
  p.r(1, A::a3, A::a0, 7, A::t0);  // remu t0, a0, a3
  p.c_add(A::a2, A::t0);
  p.r(1, A::a3, A::a0, 5, A::a0);  // divu a0, a0, a3
  p.branch(1, A::a0, A::zero, "digits");
  // Calls: jal / jalr, a backward-taken loop with a compare.
  p.c_li(A::a5, 0);
  p.label("calls");
  p.jal(A::ra, "leaf");
  p.c_addi(A::a5, 1);
  p.li(A::t0, 20);
  p.branch(4, A::a5, A::t0, "calls");  // blt a5, t0
  // A counter read, then the next round.
  p.i(0xB00, A::zero, 2, A::t1, 0x73);  // csrr t1, mcycle
  p.c_addi(A::s1, 1);
  p.branch(4, A::s1, A::s2, "round");  // blt s1, s2
  p.label("end");
  p.jal(A::zero, "end");
  p.label("leaf");
  p.c_mv(A::t2, A::a5);
  p.c_slli(A::t2, 2);
  p.r(0, A::t2, A::a5, 6, A::t2);   // or t2, a5, t2
  p.r(0, A::t2, A::a5, 2, A::t1);   // slt t1, a5, t2
  p.i(0, A::ra, 0, A::zero, 0x67);  // jalr zero, 0(ra)
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 400;
  std::vector<uint8_t> ram(64 * 1024, 0);
  const std::vector<uint16_t> code = trainingProgram(rounds);
  std::memcpy(ram.data(), code.data(), code.size() * 2);
  for (size_t k = 0x4000; k < 0x5000; ++k) ram[k] = static_cast<uint8_t>(k * 37 + 11);

  VerilatedContext context;
  Vwtm_core m(&context, "core");
  wtm::riscv::rtlReset(m);
  // The board's cycle loop, reduced: serve the ports from RAM, fast-forward stalls, clock.
  auto at = [&](uint32_t a, unsigned len) { return a + len <= ram.size() ? &ram[a] : nullptr; };
  uint64_t edges = 0;
  for (; edges < 50'000'000; ++edges) {
    if (m.ifu_req) {
      uint32_t w = 0;
      if (uint8_t* p = at(m.ifu_addr, 4)) std::memcpy(&w, p, 4);
      m.ifu_rdata = w;
      m.ifu_err = at(m.ifu_addr, 4) == nullptr;
    }
    if (m.lsu_req) {
      const unsigned len = 1u << m.lsu_size;
      uint8_t* p = at(m.lsu_addr, len);
      uint32_t v = m.lsu_wdata;
      if (p && m.lsu_we) std::memcpy(p, &v, len);
      if (p && !m.lsu_we) {
        v = 0;
        std::memcpy(&v, p, len);
      }
      m.lsu_rdata = v;
      m.lsu_err = p == nullptr;
    }
    m.bus_wait = 0;
    m.skip = m.stall_left > 1 ? m.stall_left - 1 : 0;
    m.clk = !m.clk;
    m.eval();
    if (m.event_valid) break;  // the jump to itself at the end (or a trap: a broken program)
  }
  if (!(m.event_valid && m.event_kind == 2)) {
    std::fprintf(stderr, "RtlTraining: the program did not end as expected (pc %08x after %llu edges)\n", m.current_pc,
                 static_cast<unsigned long long>(edges));
    return 1;
  }
  std::printf("RtlTraining: %llu instructions in %llu edges\n", static_cast<unsigned long long>(m.instret_count),
              static_cast<unsigned long long>(edges));
  return 0;
}
