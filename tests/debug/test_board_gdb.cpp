// The board under Debian's gdb-multiarch, as a firmware developer uses it: breakpoints, stepping
// over C lines, locals and globals, F registers and CSRs, a watchpoint, a register read that
// takes nothing from the UART, Ctrl-C, a fault stopping in the debugger, monitor commands, load,
// detach and kill. Skipped (with the reason) when gdb-multiarch is not installed.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "BoardProcess.h"

using namespace board_test;

namespace {

const std::string kTarget = std::string(WTM_FIRMWARE_DIR) + "/tests/debug/gdb_target.elf";
const std::string kDone = "gdb_target: done";

#define REQUIRE_GDB() \
  if (findProgram("gdb-multiarch").empty()) GTEST_SKIP() << "gdb-multiarch not installed"

struct Session {
  std::string gdbOut;
  int gdbExit = -1;
  int boardExit = -1;
  std::string boardOut, boardErr;
};

// Runs the board with `boardArgs` and gdb-multiarch with `commands` against it, to the end of both.
Session debugSession(std::vector<std::string> boardArgs, const std::vector<std::string>& commands,
                     const std::string& elf = kTarget) {
  Session s;
  BoardUnderDebug board(std::move(boardArgs));
  EXPECT_GT(board.port(), 0) << board.process().err();
  if (board.port() == 0) return s;
  Process gdb(gdbCommand(elf, board.port(), commands), tempStem("gdb"));
  s.gdbExit = gdb.wait(60);
  s.gdbOut = gdb.out() + gdb.err();
  s.boardExit = board.process().wait(30);
  s.boardOut = board.process().out();
  s.boardErr = board.process().err();
  return s;
}

// The firmware mode is set once main() runs (the startup code clears .bss before that).
std::vector<std::string> inMode(int mode, std::vector<std::string> then) {
  std::vector<std::string> c = {"break main", "continue", "delete", "set var g_mode = " + std::to_string(mode)};
  c.insert(c.end(), then.begin(), then.end());
  return c;
}

int lineOf(const std::string& text) {
  std::ifstream src(std::string(WTM_SOURCE_DIR) + "/sw/tests/debug/gdb_target.c");
  int n = 0;
  for (std::string line; std::getline(src, line);) {
    ++n;
    if (line.find(text) != std::string::npos) return n;
  }
  return -1;
}

}  // namespace

TEST(BoardGdb, WaitHoldsTheCoreAtResetUntilTheDebuggerContinues) {
  REQUIRE_GDB();
  const Session s = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                 {"p/x $pc", "monitor cycles", "continue"});
  EXPECT_NE(s.gdbOut.find("$1 = 0x0"), std::string::npos) << s.gdbOut;
  EXPECT_NE(s.gdbOut.find("mcycle 0, minstret 0"), std::string::npos) << s.gdbOut;
  EXPECT_NE(s.gdbOut.find("exited normally"), std::string::npos) << s.gdbOut;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;
  EXPECT_NE(s.boardOut.find("sum 45 scaled 3 counter 2"), std::string::npos) << s.boardOut;
}

TEST(BoardGdb, BreakpointStepNextAndPrintLocalsAndGlobals) {
  REQUIRE_GDB();
  const Session s = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                 {"break accumulate", "continue", "next", "next", "next", "next", "print sum",
                                  "print i", "print g_counter", "finish", "step", "step", "bt", "continue"});
  const std::string& o = s.gdbOut;
  EXPECT_NE(o.find("Breakpoint 1, accumulate (n=10)"), std::string::npos) << o;
  // next walks the loop's lines in order; after one pass sum is still 0 (i was 0), then i is 1
  EXPECT_NE(o.find(std::to_string(lineOf("sum += i;")) + "\t    sum += i;"), std::string::npos) << o;
  EXPECT_NE(o.find("$1 = 0"), std::string::npos) << o;
  EXPECT_NE(o.find("$2 = 1"), std::string::npos) << o;
  EXPECT_NE(o.find("$3 = 0"), std::string::npos) << o;
  EXPECT_NE(o.find("Value returned is $4 = 45"), std::string::npos) << o;
  // step goes into bump() from main's next line
  EXPECT_NE(o.find("bump () at"), std::string::npos) << o;
  EXPECT_NE(o.find("#1  0x"), std::string::npos) << o;  // bt: bump called from main
  EXPECT_NE(o.find("in main () at"), std::string::npos) << o;
  EXPECT_NE(o.find("exited normally"), std::string::npos) << o;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;
}

TEST(BoardGdb, WatchpointOnAGlobalFiresAtTheWritingLine) {
  REQUIRE_GDB();
  const Session s =
      debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                   {"break main", "continue", "watch g_counter", "continue", "continue", "delete", "continue"});
  const std::string& o = s.gdbOut;
  EXPECT_NE(o.find("Hardware watchpoint 2: g_counter\n\nOld value = 0\nNew value = 1"), std::string::npos) << o;
  EXPECT_NE(o.find("Old value = 1\nNew value = 2"), std::string::npos) << o;
  // Reported in bump(), at the assignment's line or the one after it (where the store completes).
  const std::regex stopLine(R"(bump \(\) at [^\n]*gdb_target\.c:(\d+))");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(o, m, stopLine)) << o;
  const int line = std::stoi(m[1]);
  const int store = lineOf("g_counter = g_counter + 1;");
  EXPECT_TRUE(line == store || line == store + 1) << "line " << line << ", store at " << store;
  EXPECT_NE(o.find("exited normally"), std::string::npos) << o;
}

TEST(BoardGdb, WatchpointSeesTheWriteOfAnAtomic) {
  REQUIRE_GDB();
  const Session s = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                 {"watch g_atomic", "continue", "bt 1", "delete", "continue"});
  EXPECT_NE(s.gdbOut.find("Old value = 0\nNew value = 1"), std::string::npos) << s.gdbOut;
  EXPECT_NE(s.gdbOut.find("atomic_bump () at"), std::string::npos) << s.gdbOut;
  EXPECT_NE(s.gdbOut.find("exited normally"), std::string::npos) << s.gdbOut;
}

TEST(BoardGdb, ReadWatchpointStopsInTheReadingFunction) {
  REQUIRE_GDB();
  const Session s = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                 {"rwatch g_scale", "continue", "bt 1", "delete", "continue"});
  EXPECT_NE(s.gdbOut.find("Hardware read watchpoint 1: g_scale\n\nValue = 1.5"), std::string::npos) << s.gdbOut;
  EXPECT_NE(s.gdbOut.find("scaled (x=2)"), std::string::npos) << s.gdbOut;
}

TEST(BoardGdb, RegistersIncludeFloatAndCsrsAndCanBeWritten) {
  REQUIRE_GDB();
  const Session s =
      debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                   {"break accumulate", "continue", "info registers fa0",
                    "info registers mcause mstatus mtvt msubm mmisc_ctl mcycle", "set $fa1 = 2.5", "p $fa1",
                    "set $mscratch = 0x1234", "p/x $mscratch", "p/x $misa", "set $a5 = 77", "p $a5", "continue"});
  const std::string& o = s.gdbOut;
  EXPECT_NE(o.find("fa0            3\t(raw 0x40400000)"), std::string::npos) << o;  // scaled(2.0) returned 3
  for (const char* reg : {"mcause", "mstatus", "mtvt", "msubm", "mmisc_ctl", "mcycle"})
    EXPECT_NE(o.find(std::string("\n") + reg + " "), std::string::npos) << reg << "\n" << o;
  EXPECT_NE(o.find("= 2.5"), std::string::npos) << o;
  EXPECT_NE(o.find("= 0x1234"), std::string::npos) << o;
  EXPECT_NE(o.find("= 0x40001125"), std::string::npos) << o;  // misa: RV32 IMAFC
  EXPECT_NE(o.find("= 77"), std::string::npos) << o;
}

TEST(BoardGdb, ReadingUartRegistersFromTheDebuggerTakesNothing) {
  REQUIRE_GDB();
  const std::string input = tempStem("uart_in");
  std::ofstream(input) << "Z";
  const Session s =
      debugSession({"--elf", kTarget, "--gdb-wait", "--uart0-input", input + "@1ms", "--stop-on-uart", kDone},
                   inMode(4, {"break rx_ready", "continue", "x/1xw 0x64004000", "x/1xw 0x64004000",
                              "p/x *(unsigned *)0x64004014 & 1", "monitor regs uart0", "continue"}));
  const std::string& o = s.gdbOut;
  // RBR read twice: the byte both times; LSR.DR still set; the firmware then gets it.
  const std::regex rbr(R"(0x64004000:\s+0x0000005a)");
  EXPECT_EQ(std::distance(std::sregex_iterator(o.begin(), o.end(), rbr), std::sregex_iterator()), 2) << o;
  EXPECT_NE(o.find("= 0x1"), std::string::npos) << o;
  EXPECT_TRUE(std::regex_search(o, std::regex(R"(LSR  RO   0x[0-9a-f]+    DR=1)"))) << o;
  EXPECT_NE(s.boardOut.find("got Z"), std::string::npos) << s.boardOut;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;
}

TEST(BoardGdb, CtrlCStopsASpinningFirmware) {
  REQUIRE_GDB();
  BoardUnderDebug board({"--elf", kTarget, "--gdb-wait"});
  ASSERT_GT(board.port(), 0) << board.process().err();
  Process gdb(gdbCommand(kTarget, board.port(), inMode(1, {"continue", "bt 1", "p g_spins > 0", "kill"})),
              tempStem("gdb"));
  // The firmware prints its line, then spins until the debugger interrupts it.
  ASSERT_TRUE(board.process().waitFor("sum 45")) << gdb.out() << gdb.err();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  gdb.signal(SIGINT);
  EXPECT_EQ(gdb.wait(30), 0);
  const std::string o = gdb.out() + gdb.err();
  EXPECT_NE(o.find("Program received signal SIGINT"), std::string::npos) << o;
  EXPECT_NE(o.find("spin () at"), std::string::npos) << o;
  EXPECT_NE(o.find("= 1"), std::string::npos) << o;
  EXPECT_EQ(board.process().wait(30), 0) << board.process().err();
  EXPECT_NE(board.process().err().find("the debugger ended the run at pc"), std::string::npos) << board.process().err();
}

TEST(BoardGdb, FaultStopsInTheDebuggerBeforeTheTrapIsTaken) {
  REQUIRE_GDB();
  const Session s =
      debugSession({"--elf", kTarget, "--gdb-wait", "--on-fault", "gdb", "--stop-on-uart", "(exception 2)"},
                   inMode(2, {"continue", "p $pc == &fault_here", "p/x $mcause", "signal SIGILL"}));
  const std::string& o = s.gdbOut;
  EXPECT_NE(o.find("Program received signal SIGILL, Illegal instruction."), std::string::npos) << o;
  EXPECT_NE(o.find("= 1\n"), std::string::npos) << o;         // stopped at the illegal word itself
  EXPECT_NE(o.find("= 0x30000000"), std::string::npos) << o;  // mcause not written: the trap is not taken
  // Delivering the signal lets the BSP's trap handler take it.
  EXPECT_NE(s.boardOut.find("(exception 2)"), std::string::npos) << s.boardOut;
  EXPECT_NE(o.find("exited normally"), std::string::npos) << o;
}

TEST(BoardGdb, WithoutADebuggerAttachedAnUnhandledFaultEndsTheRun) {
  // --gdb on, nobody connected: the default policy stops the run as without --gdb (no wait).
  const std::string elf = std::string(WTM_FIRMWARE_DIR) + "/tests/board/fault_no_handler.elf";
  BoardUnderDebug board({"--elf", elf});
  ASSERT_GT(board.port(), 0) << board.process().err();
  EXPECT_EQ(board.process().wait(30), 3) << board.process().err();
  EXPECT_NE(board.process().err().find("firmware fault: illegal instruction at pc 0x"), std::string::npos)
      << board.process().err();
}

TEST(BoardGdb, WithADebuggerAttachedAnUnhandledFaultStopsInIt) {
  REQUIRE_GDB();
  const std::string elf = std::string(WTM_FIRMWARE_DIR) + "/tests/board/fault_no_handler.elf";
  const Session s = debugSession({"--elf", elf, "--gdb-wait"}, {"continue", "kill"}, elf);
  EXPECT_NE(s.gdbOut.find("Program received signal SIGILL, Illegal instruction."), std::string::npos) << s.gdbOut;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;  // the debugger ended the run
}

TEST(BoardGdb, OnFaultGdbWaitsForADebuggerPostMortem) {
  REQUIRE_GDB();
  const std::string elf = std::string(WTM_FIRMWARE_DIR) + "/tests/board/fault_no_handler.elf";
  BoardUnderDebug board({"--elf", elf, "--on-fault", "gdb"});
  ASSERT_GT(board.port(), 0) << board.process().err();
  ASSERT_TRUE(board.process().waitFor("waiting for a debugger")) << board.process().err();
  const std::string err = board.process().err();
  EXPECT_NE(err.find("firmware fault at pc 0x"), std::string::npos) << err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(err, m, std::regex(R"(firmware fault at pc (0x[0-9a-f]+))"))) << err;
  Process gdb(gdbCommand(elf, board.port(), {"p/x $pc", "kill"}), tempStem("gdb"));
  EXPECT_EQ(gdb.wait(30), 0);
  const std::string o = gdb.out() + gdb.err();
  char pc[32];
  std::snprintf(pc, sizeof pc, "= 0x%lx", std::stoul(m[1].str(), nullptr, 16));
  EXPECT_NE(o.find(pc), std::string::npos) << o;
  EXPECT_EQ(board.process().wait(30), 0);
}

TEST(BoardGdb, MonitorCommands) {
  REQUIRE_GDB();
  const Session s =
      debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                   {"break bump", "continue", "monitor help", "monitor stats", "monitor cycles", "monitor npu",
                    "monitor regs timer", "monitor regs nosuch", "monitor frobnicate", "delete", "continue"});
  const std::string& o = s.gdbOut;
  EXPECT_NE(o.find("regs [BLOCK]"), std::string::npos) << o;
  EXPECT_NE(o.find("simulated time   :"), std::string::npos) << o;
  EXPECT_NE(o.find("mcycle "), std::string::npos) << o;
  EXPECT_NE(o.find("rounds in"), std::string::npos) << o;
  EXPECT_NE(o.find("TIMER"), std::string::npos) << o;
  EXPECT_NE(o.find("no block 'nosuch'"), std::string::npos) << o;
  EXPECT_NE(o.find("uart0"), std::string::npos) << o;
  EXPECT_NE(o.find("unknown monitor command"), std::string::npos) << o;
  EXPECT_NE(o.find("exited normally"), std::string::npos) << o;
}

// Host time spent halted is not the board's, also while the halt is still going on: a
// `monitor stats` after 3 s at a breakpoint must not count those seconds (the firmware itself
// runs for milliseconds up to the breakpoint).
TEST(BoardGdb, MonitorStatsLeavesOutTheCurrentHalt) {
  REQUIRE_GDB();
  const Session s = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                 {"break bump", "continue", "shell sleep 3", "monitor stats", "delete", "continue"});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(s.gdbOut, m, std::regex(R"(host time\s+:\s+([0-9.]+) s)"))) << s.gdbOut;
  EXPECT_LT(std::stod(m[1].str()), 2.5) << s.gdbOut;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;
}

TEST(BoardGdb, MonitorResetRestartsTheFirmware) {
  REQUIRE_GDB();
  const Session s = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                 {"break bump", "continue", "continue", "monitor reset",
                                  "maintenance flush register-cache", "p/x $pc", "delete", "continue"});
  const std::string& o = s.gdbOut;
  EXPECT_NE(o.find("chip reset"), std::string::npos) << o;
  EXPECT_NE(o.find("$1 = 0x0"), std::string::npos) << o;
  // After the reset the whole program runs again from the start: counter 2 printed once.
  EXPECT_NE(s.boardOut.find("sum 45 scaled 3 counter 2"), std::string::npos) << s.boardOut;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;
}

TEST(BoardGdb, LoadReplacesTheProgramAndRunsIt) {
  REQUIRE_GDB();
  const std::string hello = std::string(WTM_FIRMWARE_DIR) + "/apps/hello.elf";
  const Session s =
      debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", "hello: done"}, {"load", "continue"}, hello);
  EXPECT_NE(s.gdbOut.find("Transfer rate"), std::string::npos) << s.gdbOut;
  EXPECT_NE(s.boardOut.find("Hello from the virtual WTM2101"), std::string::npos) << s.boardOut;
  EXPECT_EQ(s.boardOut.find("sum 45"), std::string::npos) << s.boardOut;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;
}

TEST(BoardGdb, DetachLetsTheFirmwareRunToItsEnd) {
  REQUIRE_GDB();
  const Session s = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                 {"break accumulate", "continue", "detach"});
  EXPECT_NE(s.gdbOut.find("[Inferior 1 (Remote target) detached]"), std::string::npos) << s.gdbOut;
  EXPECT_EQ(s.boardExit, 0) << s.boardErr;
  EXPECT_NE(s.boardOut.find(kDone), std::string::npos) << s.boardOut;
}

TEST(BoardGdb, HaltingDoesNotMoveTheCycleOnWhichTheFirmwareResumes) {
  REQUIRE_GDB();
  // mcycle at the second call of bump(): straight there, and after stops on the way.
  const Session direct = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                      {"break bump", "continue", "continue", "p $mcycle", "delete", "continue"});
  const Session halted = debugSession({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", kDone},
                                      {"break main", "continue", "monitor cycles", "shell sleep 0.3", "monitor cycles",
                                       "break accumulate", "continue", "next", "next", "x/4xw 0x64004000", "delete",
                                       "break bump", "continue", "continue", "p $mcycle", "delete", "continue"});
  const std::regex mcycle(R"(\$\d+ = (\d+)\n)");
  std::smatch a, b;
  ASSERT_TRUE(std::regex_search(direct.gdbOut, a, mcycle)) << direct.gdbOut;
  ASSERT_TRUE(std::regex_search(halted.gdbOut, b, mcycle)) << halted.gdbOut;
  EXPECT_EQ(a[1], b[1]);
  // Simulated time stood still while the debugger held the core.
  std::smatch t;
  const std::regex cycles(R"(mcycle (\d+), minstret \d+, simulated time ([0-9.]+) s)");
  std::vector<std::string> seen;
  for (auto it = std::sregex_iterator(halted.gdbOut.begin(), halted.gdbOut.end(), cycles); it != std::sregex_iterator();
       ++it)
    seen.push_back((*it)[0]);
  ASSERT_EQ(seen.size(), 2u) << halted.gdbOut;
  EXPECT_EQ(seen[0], seen[1]);
}
