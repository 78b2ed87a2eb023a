// The board's two cores together: a run that starts on the fast core and switches to the RTL
// (--switch-to-rtl-at) gives what the RTL gives, and --lockstep runs firmware on both, compared
// after every instruction.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "BoardRunner.h"

namespace {

uint64_t statCycles(const std::string& err) {
  std::smatch m;
  if (!std::regex_search(err, m, std::regex(R"(\(([0-9]+) cycles, HCLK)"))) return 0;
  return std::stoull(m[1]);
}

}  // namespace

class SwitchToRtl : public ::testing::TestWithParam<const char*> {};

TEST_P(SwitchToRtl, GivesTheRtlRunsOutputAndCycles) {
  const std::string fw = "--elf " + firmwarePath("apps/bench_cpu.elf") + " --stats";
  const BoardRun rtl = runBoardAsGiven(fw + " --core rtl");
  const BoardRun sw = runBoardAsGiven(fw + " --core fast --switch-to-rtl-at " + GetParam());
  ASSERT_EQ(sw.exitCode, 0) << sw.err;
  EXPECT_NE(sw.err.find("core             : fast, switched to the RTL at cycle "), std::string::npos) << sw.err;
  // The same checksum and instructions; the RTL starts with an empty pipeline, so a switch inside
  // bench_cpu's timed loop adds one refetch cycle (two at a halfword address) to what it measures.
  const std::regex line(R"(checksum ([0-9a-f]+), ([0-9]+) cycles, ([0-9]+) instructions)");
  std::smatch a, b;
  ASSERT_TRUE(std::regex_search(rtl.out, a, line)) << rtl.out;
  ASSERT_TRUE(std::regex_search(sw.out, b, line)) << sw.out;
  EXPECT_EQ(b[1], a[1]);
  EXPECT_EQ(b[3], a[3]);
  EXPECT_LE(std::stoull(b[2]) - std::stoull(a[2]), 2u);
  const uint64_t ra = statCycles(rtl.err), rb = statCycles(sw.err);
  EXPECT_GE(rb, ra);
  EXPECT_LE(rb, ra + 2);
}

INSTANTIATE_TEST_SUITE_P(Points, SwitchToRtl, ::testing::Values("main", "0x100", "2ms"));

TEST(SwitchToRtl, AfterTheEndOfTheRunNeverSwitches) {
  const BoardRun r =
      runBoardAsGiven("--elf " + firmwarePath("apps/hello.elf") + " --stats --core fast --switch-to-rtl-at 10s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("core             : fast (instruction-set simulator"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warning: the run ended before --switch-to-rtl-at 10s was reached"), std::string::npos) << r.err;
}

TEST(SwitchToRtl, BadPointsAreRejectedWithOneLine) {
  const BoardRun sym =
      runBoardAsGiven("--elf " + firmwarePath("apps/hello.elf") + " --core fast --switch-to-rtl-at no_such_fn");
  EXPECT_EQ(sym.exitCode, 2);
  EXPECT_NE(sym.err.find("--switch-to-rtl-at: no symbol 'no_such_fn' in the firmware"), std::string::npos) << sym.err;
  const BoardRun addr =
      runBoardAsGiven("--elf " + firmwarePath("apps/hello.elf") + " --core fast --switch-to-rtl-at 0xZZ");
  EXPECT_EQ(addr.exitCode, 2);
  EXPECT_NE(addr.err.find("is not a 32-bit hexadecimal address"), std::string::npos) << addr.err;
  const BoardRun odd =
      runBoardAsGiven("--elf " + firmwarePath("apps/hello.elf") + " --core fast --switch-to-rtl-at 0x101");
  EXPECT_EQ(odd.exitCode, 2);
  EXPECT_NE(odd.err.find("'0x101' is odd"), std::string::npos) << odd.err;
  const BoardRun rtl = runBoardAsGiven("--elf " + firmwarePath("apps/hello.elf") + " --switch-to-rtl-at main");
  EXPECT_EQ(rtl.exitCode, 2);
  EXPECT_NE(rtl.err.find("needs --core fast"), std::string::npos) << rtl.err;
}

TEST(Lockstep, FirmwareWithInterruptsRunsWithoutADifference) {
  for (const char* fw : {"apps/hello.elf", "tests/board/eclic_test.elf", "tests/timer/timer_test.elf",
                         "tests/isa/isa_traps.elf", "tests/isa/isa_rv32f.elf", "tests/isa/isa_dsp.elf"}) {
    const BoardRun r =
        runBoardAsGiven("--elf " + firmwarePath(fw) + " --lockstep --stats --on-fault firmware --max-time 50ms");
    EXPECT_NE(r.exitCode, 5) << fw << "\n" << r.err;
    EXPECT_NE(r.err.find(" compared, no difference"), std::string::npos) << fw << "\n" << r.err;
  }
}

TEST(Lockstep, IsRefusedWhereItCannotHold) {
  EXPECT_EQ(runBoardAsGiven("--elf " + firmwarePath("apps/hello.elf") + " --lockstep --core fast").exitCode, 2);
  EXPECT_EQ(runBoardAsGiven("--elf " + firmwarePath("apps/hello.elf") + " --lockstep --gdb 0").exitCode, 2);
}
