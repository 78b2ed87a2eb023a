// --profile: cycles charged to the ELF's functions, exact to the run's cycle count, with call
// counts, sleep in wfi and MMIO stalls; folded stacks and flame graphs beside the table.
#include <gtest/gtest.h>

#include <regex>

#include "BoardProcess.h"

using namespace board_test;

namespace {

struct Profile {
  int exit;
  std::string err, table, folded, svg, awake;
};

Profile profile(const std::string& elf, std::vector<std::string> args) {
  const std::string file = tempStem("prof") + ".txt";
  args.insert(args.begin(), {"--elf", elf, "--stats", "--leds", "none", "--profile", file});
  Process p(boardCommand(args), tempStem("profile"));
  const int code = p.wait(120);
  return {code, p.err(), slurp(file), slurp(file + ".folded"), slurp(file + ".svg"), slurp(file + ".awake.svg")};
}

uint64_t statsCycles(const std::string& err) {
  std::smatch m;
  return std::regex_search(err, m, std::regex(R"(\((\d+) cycles, HCLK)")) ? std::stoull(m[1]) : 0;
}

// A row of the table: exclusive, inclusive, instructions and calls of `function`.
struct Row {
  uint64_t exclusive = 0, inclusive = 0, instructions = 0, calls = 0;
  bool found = false;
};

Row row(const std::string& table, const std::string& function) {
  std::smatch m;
  const std::regex r("\\n\\s*(\\d+)\\s+[0-9.]+%\\s+(\\d+)\\s+[0-9.]+%\\s+(\\d+)\\s+(\\d+)\\s+" +
                     std::regex_replace(function, std::regex(R"([\[\]])"), R"(\$&)") + "\\n");
  if (!std::regex_search(table, m, r)) return {};
  return {std::stoull(m[1]), std::stoull(m[2]), std::stoull(m[3]), std::stoull(m[4]), true};
}

uint64_t foldedTotal(const std::string& folded) {
  uint64_t sum = 0;
  std::istringstream in(folded);
  for (std::string line; std::getline(in, line);) sum += std::stoull(line.substr(line.rfind(' ') + 1));
  return sum;
}

}  // namespace

TEST(BoardProfile, CallsAndCyclesOfOurFunctionsAddUpToTheRun) {
  const Profile p =
      profile(std::string(WTM_FIRMWARE_DIR) + "/tests/debug/gdb_target.elf", {"--stop-on-uart", "gdb_target: done"});
  ASSERT_EQ(p.exit, 0) << p.err;
  const uint64_t cycles = statsCycles(p.err);
  ASSERT_GT(cycles, 0u);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(p.table, m, std::regex(R"(total cycles\s+(\d+))"))) << p.table;
  EXPECT_EQ(std::stoull(m[1]), cycles);
  EXPECT_EQ(foldedTotal(p.folded), cycles);
  const Row accumulate = row(p.table, "accumulate"), bump = row(p.table, "bump"), scaled = row(p.table, "scaled"),
            main = row(p.table, "main");
  ASSERT_TRUE(accumulate.found && bump.found && scaled.found && main.found) << p.table;
  EXPECT_EQ(accumulate.calls, 1u);
  EXPECT_EQ(bump.calls, 2u);
  EXPECT_EQ(scaled.calls, 1u);
  EXPECT_EQ(main.calls, 1u);
  // accumulate(10) at -O0: its loop is 10 passes of a handful of instructions
  EXPECT_GT(accumulate.instructions, 60u);
  EXPECT_LT(accumulate.instructions, 200u);
  EXPECT_EQ(accumulate.exclusive, accumulate.inclusive);  // it calls nothing
  EXPECT_GT(main.inclusive, main.exclusive + accumulate.inclusive + bump.inclusive);
  EXPECT_NE(p.folded.find("_start;main;accumulate "), std::string::npos) << p.folded;
  EXPECT_EQ(p.svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(p.svg.find("<title>accumulate"), std::string::npos);
  EXPECT_NE(p.awake.find("awake cycles only"), std::string::npos);
}

TEST(BoardProfile, SleepAndInterruptHandlersOfATimerDrivenFirmware) {
  // x3_demo: TIMER0 interrupts every 250 ms, wfi in between.
  const Profile p = profile(std::string(WTM_FIRMWARE_DIR) + "/apps/x3_demo.elf", {"--max-time", "600ms"});
  ASSERT_EQ(p.exit, 1) << p.err;  // the time limit
  const uint64_t cycles = statsCycles(p.err);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(p.table, m, std::regex(R"(total cycles\s+(\d+))"))) << p.table;
  EXPECT_EQ(std::stoull(m[1]), cycles);
  EXPECT_EQ(foldedTotal(p.folded), cycles);
  const Row wfi = row(p.table, "[wfi]"), timer = row(p.table, "irq25_handler");
  ASSERT_TRUE(wfi.found && timer.found) << p.table;
  EXPECT_GT(wfi.exclusive, cycles * 9 / 10);  // it sleeps almost all the time
  EXPECT_EQ(timer.calls, 2u);                 // at 250 ms and 500 ms
  EXPECT_NE(p.table.find("MMIO stall cycles by peripheral"), std::string::npos);
  EXPECT_TRUE(row(p.table, "[mmio UART0]").found) << p.table;
}
