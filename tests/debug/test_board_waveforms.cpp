// --vcd / --fst: the RTL core's signals for a window of simulated time, from the traced build of
// the core, which must run the firmware exactly as the ordinary one does.
#include <gtest/gtest.h>

#include <regex>

#include "BoardProcess.h"

using namespace board_test;

namespace {

const std::string kTarget = std::string(WTM_FIRMWARE_DIR) + "/tests/debug/gdb_target.elf";

struct BoardRun {
  int exit;
  std::string out, err;
};

BoardRun board(std::vector<std::string> args) {
  args.insert(args.begin(), {"--elf", kTarget, "--stop-on-uart", "gdb_target: done", "--stats"});
  Process p(boardCommand(args), tempStem("wave"));
  const int code = p.wait(60);
  return {code, p.out(), p.err()};
}

std::string cyclesOf(const std::string& stats) {
  std::smatch m;
  return std::regex_search(stats, m, std::regex(R"(\((\d+) cycles, HCLK)")) ? m[1].str() : "";
}

// Timestamps (#N, in ps) of a VCD text.
std::vector<uint64_t> timestamps(const std::string& vcd) {
  std::vector<uint64_t> t;
  const std::regex stamp(R"(\n#(\d+))");
  for (auto it = std::sregex_iterator(vcd.begin(), vcd.end(), stamp); it != std::sregex_iterator(); ++it)
    t.push_back(std::stoull((*it)[1]));
  return t;
}

void expectCoreSignals(const std::string& vcd) {
  for (const char* signal : {" clk ", " current_pc ", " lsu_addr ", " ifu_addr ", " irq_valid ", " retire_pc "})
    EXPECT_NE(vcd.find(signal), std::string::npos) << signal;
}

}  // namespace

TEST(BoardWaveforms, VcdCoversTheWindowAndTheRunIsUnchanged) {
  if (onFastCore()) GTEST_SKIP() << "waveforms are RTL signals";
  const std::string vcd = tempStem("core") + ".vcd";
  const BoardRun plain = board({});
  const BoardRun traced = board({"--vcd", vcd, "--wave-from", "20us", "--wave-to", "40us"});
  ASSERT_EQ(plain.exit, 0) << plain.err;
  ASSERT_EQ(traced.exit, 0) << traced.err;
  EXPECT_EQ(plain.out, traced.out);
  EXPECT_EQ(cyclesOf(plain.err), cyclesOf(traced.err));
  const std::string text = slurp(vcd);
  EXPECT_NE(text.find("$timescale 1ps $end"), std::string::npos);
  expectCoreSignals(text);
  const std::vector<uint64_t> t = timestamps(text);
  ASSERT_GT(t.size(), 300u);  // 20 us at 24.576 MHz is 491 cycles (fewer dumps: fast-forwarded edges stand for several)
  EXPECT_GE(t.front(), 20'000'000u);
  EXPECT_LE(t.back(), 40'000'000u);
  EXPECT_TRUE(std::is_sorted(t.begin(), t.end()));
}

TEST(BoardWaveforms, FstIsWrittenAndReadsBackAsTheSameSignals) {
  if (onFastCore()) GTEST_SKIP() << "waveforms are RTL signals";
  const std::string fst = tempStem("core") + ".fst";
  const BoardRun r = board({"--fst", fst, "--wave-to", "30us"});
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string bytes = slurp(fst);
  ASSERT_GT(bytes.size(), 1000u);
  const std::string fst2vcd = findProgram("fst2vcd");
  if (fst2vcd.empty()) GTEST_SKIP() << "fst2vcd (Debian gtkwave) not installed: the FST's contents were not checked";
  Process convert({fst2vcd, "-f", fst}, tempStem("fst2vcd"));
  ASSERT_EQ(convert.wait(60), 0) << convert.err();
  const std::string text = convert.out();
  expectCoreSignals(text);
  const std::vector<uint64_t> t = timestamps(text);
  ASSERT_GT(t.size(), 400u);
  EXPECT_LE(t.back(), 30'000'000u);
}
