// Synchronous traps on both cores: cause, mepc and mtval of every exception class, the
// trap-handler round trip (mret), and CSR access rules.
#include <gtest/gtest.h>

#include "BothCores.h"
#include "Program.h"
#include "RvAsm.h"

using namespace rvasm;

namespace {

constexpr uint32_t kData = 0x8000;
constexpr uint32_t kLog = 0x9000;  // handler appends {mcause, mepc, mtval, mstatus} here
constexpr uint32_t kHandler = 0x400;

struct TrapRecord {
  uint32_t cause, epc, tval, mstatus;
};

// Builds a program of fault cases. Each case sets s3 to the resume address and executes the
// faulting instruction(s); the handler logs the trap and resumes at s3.
class TrapProgram {
 public:
  TrapProgram() { p_ << li(a6, kHandler) << csrw(MTVEC, a6) << lui(s1, kData >> 12) << lui(s2, kLog >> 12); }
  // `fault` is the faulting instruction bytes (one instruction); resume right after it.
  uint32_t add(const Program& before, const Program& fault) {
    const uint32_t faultAt = p_.size() + 8 + before.size();
    p_ << li32(s3, faultAt + fault.size());
    append(before);
    append(fault);
    return faultAt;
  }
  void append(const Program& q) {
    for (uint8_t b : q.bytes()) bytes_.push_back(b);
    flush();
  }
  Program& raw() { return p_; }
  void load(CoreHarness& h) {
    Program end;
    end << jal(zero, 0);
    Program all = p_;
    h.loadBytes(0, p_.bytes());
    h.loadBytes(p_.size(), end.bytes());
    Program handler;
    handler << csrr(a0, MCAUSE) << sw(a0, s2, 0) << csrr(a0, MEPC) << sw(a0, s2, 4) << csrr(a0, MTVAL) << sw(a0, s2, 8)
            << csrr(a0, MSTATUS) << sw(a0, s2, 12) << addi(s2, s2, 16) << csrw(MEPC, s3) << mret;
    h.loadBytes(kHandler, handler.bytes());
  }

 private:
  void flush() {
    for (size_t i = 0; i + 1 < bytes_.size() + 1 && !bytes_.empty();) {
      if (bytes_.size() >= 2) {
        p_.half(static_cast<uint16_t>(bytes_[0] | (bytes_[1] << 8)));
        bytes_.erase(bytes_.begin(), bytes_.begin() + 2);
      } else break;
    }
  }
  Program p_;
  std::vector<uint8_t> bytes_;
};

Program one(uint32_t insn) {
  Program p;
  p << insn;
  return p;
}
Program half(uint16_t c) {
  Program p;
  p.half(c);
  return p;
}

TrapRecord record(CoreHarness& h, int i) {
  const uint32_t a = kLog + 16 * i;
  return {h.word(a), h.word(a + 4), h.word(a + 8), h.word(a + 12)};
}

using CoreTraps = CoreTest;

}  // namespace

INSTANTIATE_BOTH_CORES(CoreTraps);

TEST_P(CoreTraps, EveryExceptionClassReportsCauseEpcAndTval) {
  TrapProgram t;
  const uint32_t illegal32 = 0xFFFFFFFFu;
  const uint32_t badCsr = csrr(a0, 0x7FF);
  struct Case {
    uint32_t at, cause, tval;
  };
  std::vector<Case> cases;
  uint32_t at;
  at = t.add({}, one(illegal32));
  cases.push_back({at, 2, illegal32});
  at = t.add({}, half(0x0000));  // reserved compressed encoding (c.addi4spn, imm 0)
  cases.push_back({at, 2, 0});
  at = t.add({}, one(badCsr));
  cases.push_back({at, 2, badCsr});
  at = t.add({}, one(csrw(MVENDORID, a0)));  // read-only CSR
  cases.push_back({at, 2, csrw(MVENDORID, a0)});
  at = t.add({}, one(ecall));
  cases.push_back({at, 11, 0});
  at = t.add({}, one(ebreak));
  cases.push_back({at, 3, at});
  at = t.add({}, half(0x9002));  // c.ebreak
  cases.push_back({at, 3, at});
  Program noMisalign;  // mmisc_ctl.MISALIGN off (it is on out of reset): misaligned accesses trap
  noMisalign << csrw(MMISC_CTL, zero);
  at = t.add(noMisalign, one(lw(a0, s1, 2)));
  cases.push_back({at, 4, kData + 2});
  at = t.add({}, one(stype(1, a0, s1, 1, 0x23)));  // sh a0, 1(s1)
  cases.push_back({at, 6, kData + 1});
  Program setA7;
  setA7 << li32(a7, 0x50000000);
  at = t.add(setA7, one(lw(a0, a7, 0)));
  cases.push_back({at, 5, 0x50000000});
  at = t.add(setA7, one(sw(a0, a7, 4)));
  cases.push_back({at, 7, 0x50000004});
  at = t.add(setA7, one(amoadd(a0, a1, a7)));
  cases.push_back({at, 7, 0x50000000});
  t.add(setA7, one(jalr(zero, a7, 0)));  // fetch from unmapped space
  cases.push_back({0x50000000, 1, 0x50000000});
  t.load(h);
  ASSERT_TRUE(h.run());

  ASSERT_EQ(h.events.size(), cases.size() + 1);  // + the final jump to itself
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const TrapRecord r = record(h, static_cast<int>(i));
    EXPECT_EQ(r.cause, cases[i].cause);
    EXPECT_EQ(r.epc, cases[i].at);
    EXPECT_EQ(r.tval, cases[i].tval);
    EXPECT_EQ(h.events[i].kind, 1);
    EXPECT_EQ(h.events[i].cause, cases[i].cause);
    EXPECT_EQ(h.events[i].pc, cases[i].at);
  }
}

TEST_P(CoreTraps, MisalignedRegisterAccessesFaultEvenWithMisalignOn) {
  // mmisc_ctl.MISALIGN splits misaligned accesses to memory; a register refuses them.
  TrapProgram t;
  Program setA7;
  setA7 << li32(a7, CoreHarness::kMmioBase);
  const uint32_t load = t.add(setA7, one(lw(a0, a7, 1)));
  const uint32_t store = t.add(setA7, one(stype(2, a0, a7, 2, 0x23)));  // sw a0, 2(a7)
  const uint32_t half = t.add(setA7, one(lh(a0, a7, 3)));
  t.load(h);
  ASSERT_TRUE(h.run());
  ASSERT_EQ(h.events.size(), 4u);
  const TrapRecord r0 = record(h, 0), r1 = record(h, 1), r2 = record(h, 2);
  EXPECT_EQ(r0.cause, 5u);
  EXPECT_EQ(r0.epc, load);
  EXPECT_EQ(r0.tval, CoreHarness::kMmioBase + 1);
  EXPECT_EQ(r1.cause, 7u);
  EXPECT_EQ(r1.epc, store);
  EXPECT_EQ(r1.tval, CoreHarness::kMmioBase + 2);
  EXPECT_EQ(r2.cause, 5u);
  EXPECT_EQ(r2.epc, half);
  EXPECT_TRUE(h.mmioWrites.empty());
}

TEST_P(CoreTraps, TrapSavesAndMretRestoresInterruptEnable) {
  TrapProgram t;
  t.raw() << li(a1, 8) << csrrs(zero, MSTATUS, a1);  // MIE = 1
  t.add({}, one(ecall));
  t.raw() << csrr(a2, MSTATUS) << sw(a2, s1, 0);
  t.load(h);
  ASSERT_TRUE(h.run());
  const TrapRecord r = record(h, 0);
  EXPECT_EQ(r.mstatus & 0x8u, 0u);          // MIE cleared in the handler
  EXPECT_EQ(r.mstatus & 0x80u, 0x80u);      // MPIE holds the old MIE
  EXPECT_EQ(r.mstatus & 0x1800u, 0x1800u);  // MPP = M
  EXPECT_EQ(h.word(kData) & 0x8u, 0x8u);    // mret restored MIE
}

TEST_P(CoreTraps, IdentificationCsrsAndMisa) {
  Program p;
  p << lui(s1, kData >> 12) << csrr(a0, 0x301) << sw(a0, s1, 0) << csrr(a0, 0xF14) << sw(a0, s1, 4)
    << csrr(a0, MVENDORID) << sw(a0, s1, 8) << li(a1, 0x123) << csrw(MSCRATCH, a1) << csrr(a0, MSCRATCH)
    << sw(a0, s1, 12) << jal(zero, 0);
  h.loadBytes(0, p.bytes());
  ASSERT_TRUE(h.run());
  const uint32_t misa = h.word(kData);
  EXPECT_EQ(misa >> 30, 1u);                                                    // MXL = 32
  EXPECT_EQ(misa & ((1u << 0) | (1u << 2) | (1u << 8) | (1u << 12)), 0x1105u);  // A, C, I, M
  EXPECT_EQ(h.word(kData + 4), 0u);                                             // mhartid
  EXPECT_EQ(h.word(kData + 8), 0x536u);                                         // Nuclei vendor id
  EXPECT_EQ(h.word(kData + 12), 0x123u);
  EXPECT_TRUE(h.events.size() == 1 && h.events[0].kind == 2);  // no trap on the way
}

TEST_P(CoreTraps, WfiSleepsUntilAnInterruptIsPending) {
  Program p;
  p << lui(s1, kData >> 12) << wfi << li(a0, 42) << sw(a0, s1, 0) << jal(zero, 0);
  h.loadBytes(0, p.bytes());
  ASSERT_TRUE(h.run());  // stops at the wfi event
  EXPECT_EQ(h.events.back().kind, 3);
  EXPECT_TRUE(h.sleeping());
  h.runCycles(20);
  EXPECT_TRUE(h.sleeping());
  EXPECT_EQ(h.word(kData), 0u);
  h.irqPending = true;
  ASSERT_TRUE(h.run());
  EXPECT_FALSE(h.sleeping());
  EXPECT_EQ(h.word(kData), 42u);
}
