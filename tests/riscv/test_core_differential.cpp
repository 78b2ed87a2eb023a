// The fast core against the RTL on generated programs (RandomProgram.h): each program runs on
// both harnesses and must end with the same registers, CSRs, memory, MMIO writes, trap events
// and exactly the same cycle count. The strongest check that the instruction-set simulator is
// the RTL: any difference in an instruction's result, a trap's cause, or a cost shows here.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>

#include "IssHarness.h"
#include "RandomProgram.h"
#include "RtlHarness.h"

using differential::Kind;
using differential::RandomProgram;

namespace {

constexpr int kProgramsPerKind = 100;
constexpr int kInstructions = 250;
constexpr uint64_t kMaxCycles = 2'000'000;

std::string hex(uint32_t v) {
  char b[12];
  std::snprintf(b, sizeof b, "%08x", v);
  return b;
}

void prepare(CoreHarness& h, const Program& program, uint64_t seed) {
  h.loadBytes(0, program.bytes());
  h.loadBytes(differential::kHandler, RandomProgram::handler().bytes());
  h.loadBytes(differential::kDataStart, RandomProgram::data(seed));
  h.mmioLatency = static_cast<uint32_t>(seed % 4);
}

// What differs between the two runs, one line each (empty: nothing).
std::string differences(CoreHarness& rtl, CoreHarness& fast) {
  std::ostringstream d;
  auto cmp = [&](const std::string& what, uint64_t a, uint64_t b) {
    if (a != b) d << what << ": rtl " << std::hex << a << " fast " << b << std::dec << "\n";
  };
  cmp("cycles", rtl.cycles(), fast.cycles());
  cmp("pc", rtl.pc(), fast.pc());
  for (unsigned i = 1; i < 32; ++i) cmp("x" + std::to_string(i), rtl.x(i), fast.x(i));
  for (unsigned i = 0; i < 32; ++i) cmp("f" + std::to_string(i), rtl.f(i), fast.f(i));
  const std::pair<const char*, unsigned> csrs[] = {
      {"mcycle", 0xB00},    {"mcycleh", 0xB80},       {"minstret", 0xB02}, {"minstreth", 0xB82}, {"mstatus", 0x300},
      {"mepc", 0x341},      {"mcause", 0x342},        {"mtval", 0x343},    {"fcsr", 0x003},      {"msubm", 0x7C4},
      {"mmisc_ctl", 0x7D0}, {"mcountinhibit", 0x320}, {"ucode", 0x801},    {"mscratch", 0x340}};
  for (const auto& [name, number] : csrs) cmp(name, rtl.csr(number), fast.csr(number));
  for (uint32_t a = 0; a < CoreHarness::kRamSize; a += 4)
    if (rtl.word(a) != fast.word(a)) {
      d << "memory " << hex(a) << ": rtl " << hex(rtl.word(a)) << " fast " << hex(fast.word(a)) << "\n";
      break;
    }
  if (rtl.mmioWrites != fast.mmioWrites) d << "MMIO writes differ\n";
  const size_t n = std::min(rtl.events.size(), fast.events.size());
  for (size_t i = 0; i < n; ++i) {
    const auto &a = rtl.events[i], &b = fast.events[i];
    const bool trap = a.kind == 1;
    if (a.kind != b.kind || a.pc != b.pc || (trap && (a.cause != b.cause || a.tval != b.tval))) {
      d << "event " << i << ": rtl kind " << a.kind << " pc " << hex(a.pc) << " cause " << a.cause << " tval "
        << hex(a.tval) << ", fast kind " << b.kind << " pc " << hex(b.pc) << " cause " << b.cause << " tval "
        << hex(b.tval) << "\n";
      break;
    }
  }
  cmp("events", rtl.events.size(), fast.events.size());
  return d.str();
}

class CoreDifferential : public ::testing::TestWithParam<Kind> {};

}  // namespace

TEST_P(CoreDifferential, GeneratedProgramsEndInTheSameStateAtTheSameCycle) {
  int traps = 0;
  for (int i = 0; i < kProgramsPerKind; ++i) {
    const uint64_t seed = (static_cast<uint64_t>(GetParam()) << 32) + static_cast<uint64_t>(i);
    const RandomProgram generated(GetParam(), seed, kInstructions);
    SCOPED_TRACE(std::string(differential::kindName(GetParam())) + " program, seed " + std::to_string(seed));
    RtlHarness rtl;
    IssHarness fast;
    prepare(rtl, generated.program(), seed);
    prepare(fast, generated.program(), seed);
    ASSERT_TRUE(rtl.run(kMaxCycles)) << "the RTL did not reach the program's end";
    ASSERT_TRUE(fast.run(kMaxCycles)) << "the fast core did not reach the program's end";
    EXPECT_EQ(differences(rtl, fast), "");
    for (const auto& e : rtl.events) traps += e.kind == 1;
  }
  // The trap kinds must trap; the others trap now and then (reserved encodings, faults).
  if (GetParam() == Kind::Traps || GetParam() == Kind::Misaligned) {
    EXPECT_GT(traps, kProgramsPerKind);
  }
}

INSTANTIATE_TEST_SUITE_P(Kinds, CoreDifferential,
                         ::testing::Values(Kind::Alu, Kind::MulDiv, Kind::Memory, Kind::Branches, Kind::Compressed,
                                           Kind::Float, Kind::Dsp, Kind::Csr, Kind::Misaligned, Kind::Traps),
                         [](const ::testing::TestParamInfo<Kind>& kind) { return differential::kindName(kind.param); });
