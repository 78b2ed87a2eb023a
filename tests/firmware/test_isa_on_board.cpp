// The self-checking ISA tests of sw/tests/isa, run on the board: the firmware prints
// "PASS <name>" or "FAIL <name> test <n>".
#include <gtest/gtest.h>

#include "BoardRunner.h"

class IsaOnBoard : public ::testing::TestWithParam<const char*> {};

TEST_P(IsaOnBoard, Passes) {
  const std::string name = GetParam();
  const BoardRun r =
      runBoard("--elf " + firmwarePath("tests/isa/isa_" + name + ".elf") +
               " --on-fault firmware --max-cycles 20000000 --stop-on-uart 'PASS " + name + "' --fail-on-uart FAIL");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS " + name), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Isa, IsaOnBoard,
                         ::testing::Values("rv32i_alu", "rv32i_mem", "rv32i_ctrl", "rv32m", "rv32a", "rv32c", "rv32f",
                                           "csr", "traps", "dsp"));
