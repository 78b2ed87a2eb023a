// sw/tests/qspi/qspi_flash_test on the board: the QSPI controller and the ZD25WQ16 model seen by
// firmware (indirect mode, polling interrupt, XIP window), and --flash / --flash-save keeping the
// flash across runs.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>

#include "../../firmware/BoardRunner.h"

namespace {

unsigned field(const std::string& out, const char* pattern) {
  std::smatch m;
  const std::string text = out;
  if (!std::regex_search(text, m, std::regex(pattern))) return ~0u;
  return static_cast<unsigned>(std::stoul(m[1]));
}

TEST(QspiOnBoard, EraseProgramReadBackAndFlashKeptAcrossRuns) {
  const std::string flash = std::string(::testing::TempDir()) + "qspi_flash_" + std::to_string(getpid()) + ".bin";
  std::remove(flash.c_str());
  const std::string elf = "--elf " + firmwarePath("tests/qspi/qspi_flash_test.elf") + " --max-time 1s";

  // The same file for both (spelt two ways): the first run starts from an erased flash, as no
  // file exists yet.
  const std::string kept = " --flash " + flash + " --flash-save " + std::string(::testing::TempDir()) + "./" +
                           "qspi_flash_" + std::to_string(getpid()) + ".bin";
  const BoardRun first = runBoard(elf + kept);
  EXPECT_EQ(first.exitCode, 0) << first.err;
  EXPECT_NE(first.out.find("jedec id: ba 60 15\n"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("read back: indirect 0 mismatches, window 0 mismatches\n"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("PASS qspi\n"), std::string::npos) << first.out;
  // BUSY lasts the ZD25WQ16B typical times in simulated time: 10 ms sector erase, 1.3 ms program.
  const unsigned erase = field(first.out, R"(sector erase: (\d+) us)");
  EXPECT_GE(erase, 10000u);
  EXPECT_LT(erase, 10500u);
  const unsigned program = field(first.out, R"(page program: (\d+) us)");
  EXPECT_GE(program, 1300u);
  EXPECT_LT(program, 1400u);
  EXPECT_EQ(field(first.out, R"(this run: (\d+))"), 1u);

  const BoardRun second = runBoard(elf + kept);
  EXPECT_EQ(second.exitCode, 0) << second.err;
  EXPECT_EQ(field(second.out, R"(previous runs: (\d+))"), 1u) << second.out;
  EXPECT_EQ(field(second.out, R"(this run: (\d+))"), 2u) << second.out;
  EXPECT_NE(second.out.find("PASS qspi\n"), std::string::npos) << second.out;
  std::remove(flash.c_str());

  // Only the kept form may start without its file.
  const BoardRun missing = runBoard(elf + " --flash " + flash);
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find(flash + ": cannot open"), std::string::npos) << missing.err;
}

}  // namespace
