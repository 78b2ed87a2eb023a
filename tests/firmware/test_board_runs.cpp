// The board as its users run it: firmware in, UART text and exit code out.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "BoardRunner.h"

TEST(Board, HelloPrintsOverUart0AndComesToRest) {
  const BoardRun r = runBoard("--elf " + firmwarePath("apps/hello.elf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("Hello from the virtual WTM2101"), std::string::npos);
  EXPECT_NE(r.out.find("hello: done\n"), std::string::npos);
  EXPECT_NE(r.err.find("came to rest: wfi at pc"), std::string::npos) << r.err;
}

TEST(Board, FlatImageRunsLikeTheElf) {
  const BoardRun elf = runBoard("--elf " + firmwarePath("apps/hello.elf"));
  const BoardRun bin = runBoard("--image " + firmwarePath("apps/hello.bin") + "@0");
  EXPECT_EQ(bin.exitCode, 0) << bin.err;
  EXPECT_EQ(bin.out, elf.out);
}

TEST(Board, StopTextEndsTheRunWithSuccess) {
  const BoardRun r = runBoard("--elf " + firmwarePath("apps/hello.elf") + " --stop-on-uart 'Hello from' --stats");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.find("hello: done"), std::string::npos);  // stopped before the end
  EXPECT_NE(r.err.find("simulated time"), std::string::npos);
  EXPECT_NE(r.err.find("cycles/s"), std::string::npos);
}

TEST(Board, MissingStopTextAndFailTextGiveExit4) {
  EXPECT_EQ(runBoard("--elf " + firmwarePath("apps/hello.elf") + " --stop-on-uart 'never printed'").exitCode, 4);
  EXPECT_EQ(runBoard("--elf " + firmwarePath("apps/hello.elf") + " --fail-on-uart 'hello:'").exitCode, 4);
}

TEST(Board, CycleAndTimeLimitsGiveExit1WithThePc) {
  const BoardRun c = runBoard("--elf " + firmwarePath("apps/hello.elf") + " --max-cycles 500");
  EXPECT_EQ(c.exitCode, 1);
  EXPECT_NE(c.err.find("cycle limit reached at pc 0x"), std::string::npos) << c.err;
  const BoardRun t = runBoard("--elf " + firmwarePath("apps/hello.elf") + " --max-time 20us");
  EXPECT_EQ(t.exitCode, 1);
  EXPECT_NE(t.err.find("time limit reached at pc 0x"), std::string::npos) << t.err;
}

TEST(Board, ALimitReachedWhilePollingNamesTheRegister) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/poll_stuck.elf") + " --max-time 5ms");
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_NE(r.out.find("waiting for input"), std::string::npos);
  EXPECT_NE(r.err.find("the firmware was polling uart0.LSR (read "), std::string::npos) << r.err;
  // A run that ends at its limit while computing (not polling) names nothing.
  const BoardRun busy = runBoard("--elf " + firmwarePath("apps/bench_cpu.elf") + " --max-cycles 200000");
  EXPECT_EQ(busy.exitCode, 1) << busy.err;
  EXPECT_EQ(busy.err.find("polling"), std::string::npos) << busy.err;
}

TEST(Board, X3DemoBlinksFromTheTimerEchoesUartAndReactsToK2) {
  const std::string input = processTempPath("x3_demo_input.txt"), leds = processTempPath("x3_demo_leds.txt");
  std::ofstream(input) << "hello board\r";
  const BoardRun r = runBoard("--elf " + firmwarePath("apps/x3_demo.elf") + " --uart0-input " + input +
                              "@300ms --press K2@1s --leds " + leds + " --max-time 1.5s");
  EXPECT_EQ(r.exitCode, 1) << r.err;  // runs until the limit
  EXPECT_NE(r.out.find("> hello board\nyou typed 11 character(s): hello board\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[K2] blinking fast"), std::string::npos) << r.out;
  // LED0 toggles every 250 ms of TIMER0 until K2, then every 62.5 ms.
  std::vector<double> led0;
  std::istringstream log(readWhole(leds));
  for (std::string line; std::getline(log, line);) {
    double ms = 0;
    char name[8] = {};
    if (std::sscanf(line.c_str(), "[x3 %lf ms] %7s", &ms, name) == 2 && std::string(name) == "LED0") led0.push_back(ms);
  }
  ASSERT_GE(led0.size(), 10u) << readWhole(leds);
  EXPECT_NEAR(led0[2] - led0[1], 250.0, 0.01);
  EXPECT_NEAR(led0[3] - led0[2], 250.0, 0.01);
  EXPECT_NEAR(led0[led0.size() - 1] - led0[led0.size() - 2], 62.5, 0.01);
  std::remove(input.c_str());
  std::remove(leds.c_str());
}

TEST(Board, RccResetBitsResetTheirBlocksOnly) {
  const BoardRun r =
      runBoard("--elf " + firmwarePath("tests/board/rcc_reset.elf") + " --stop-on-uart PASS --fail-on-uart FAIL");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

TEST(Board, SoftwareChipResetEndsTheRunWithItsSourceAndPc) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/soft_reset.elf") + " --max-time 1s");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("soft_reset: resetting"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("software reset (SysTimer MSFTRST) at "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; the run ends here"), std::string::npos) << r.err;
  // Waiting for a text that never came: exit 4, as after a watchdog reset.
  const BoardRun w =
      runBoard("--elf " + firmwarePath("tests/board/soft_reset.elf") + " --stop-on-uart never --max-time 1s");
  EXPECT_EQ(w.exitCode, 4) << w.err;
}

TEST(Board, UnmappedLoadIsReportedAsAFirmwareFault) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/fault_load_unmapped.elf"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.out.find("before fault"), std::string::npos);
  EXPECT_EQ(r.out.find("after fault"), std::string::npos);
  EXPECT_NE(r.err.find("firmware fault: load access fault at pc 0x"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(mtval 0x70000010)"), std::string::npos) << r.err;
}

TEST(Board, ByDefaultAnInstalledHandlerTakesTheFaultAndItIsReported) {
  // The BSP's handler prints the trap and parks in wfi: a failed run (exit 3), said once live
  // and once at the end.
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/fault_load_unmapped.elf"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.out.find("TRAP mcause=0x30000005 (exception 5)"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("taken by the firmware's trap handler at 0x"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("came to rest in its trap handler"), std::string::npos) << r.err;
}

TEST(Board, StopPolicyEndsTheRunBeforeTheHandlerRuns) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/fault_load_unmapped.elf") + " --on-fault stop");
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_EQ(r.out.find("TRAP"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("firmware fault: load access fault at pc 0x"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("taken by"), std::string::npos) << r.err;
}

TEST(Board, AFaultWithoutAHandlerEndsTheRun) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/fault_no_handler.elf"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.out.find("no handler"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("after illegal"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("firmware fault: illegal instruction at pc 0x"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("taken by"), std::string::npos) << r.err;
}

TEST(Board, AHandlerThatRecoversKeepsTheRunGoingAndTheFaultsAreCounted) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/fault_recover.elf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("recovered from 5 faults"), std::string::npos) << r.out;
  size_t lines = 0;
  for (size_t at = r.err.find("warning: firmware fault: illegal instruction"); at != std::string::npos;
       at = r.err.find("warning: firmware fault: illegal instruction", at + 1))
    ++lines;
  EXPECT_EQ(lines, 3u) << r.err;  // the first three, then a count
  EXPECT_NE(r.err.find("5 firmware faults were taken by the firmware's trap handler"), std::string::npos) << r.err;
}

TEST(Board, FirmwarePolicyHandsTheTrapToTheFirmware) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/fault_load_unmapped.elf") + " --on-fault firmware");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("(exception 5)"), std::string::npos) << r.out;  // the BSP's handler
  EXPECT_NE(r.out.find("mtval=0x70000010"), std::string::npos) << r.out;
}

TEST(Board, IllegalInstructionAndReadOnlyFlashStoreAreFaults) {
  const BoardRun ill = runBoard("--elf " + firmwarePath("tests/board/fault_illegal.elf"));
  EXPECT_EQ(ill.exitCode, 3);
  EXPECT_NE(ill.err.find("illegal instruction at pc 0x"), std::string::npos) << ill.err;
  EXPECT_NE(ill.err.find("(mtval 0xffffffff)"), std::string::npos) << ill.err;
  const BoardRun st = runBoard("--elf " + firmwarePath("tests/board/fault_store_flash.elf"));
  EXPECT_EQ(st.exitCode, 3);
  EXPECT_NE(st.out.find("flash word 0xffffffff"), std::string::npos) << st.out;  // erased flash reads
  EXPECT_NE(st.err.find("store/AMO access fault"), std::string::npos) << st.err;
  EXPECT_NE(st.err.find("(mtval 0x60000040)"), std::string::npos) << st.err;
}

TEST(Board, JumpToItselfWithInterruptsOffEndsTheRun) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/halt_selfloop.elf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("jump to itself at pc"), std::string::npos) << r.err;
}

TEST(Board, SramViewsShareTheBanksAsTheChipDoes) {
  const BoardRun r =
      runBoard("--elf " + firmwarePath("tests/board/sram_views.elf") + " --stop-on-uart 'PASS sram_views'");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

TEST(Board, FastForwardDoesNotChangeResults) {
  const std::string fw = "--elf " + firmwarePath("apps/bench_cpu.elf") + " --stats";
  const BoardRun fast = runBoard(fw);
  const BoardRun slow = runBoard(fw + " --no-fast-forward");
  EXPECT_EQ(fast.exitCode, 0);
  EXPECT_EQ(fast.out, slow.out);  // includes the cycle count the firmware measured with mcycle
  auto cyclesLine = [](const std::string& err) { return err.substr(err.find("simulated time"), 60); };
  EXPECT_EQ(cyclesLine(fast.err), cyclesLine(slow.err));
}

TEST(Board, SameInputsGiveIdenticalOutput) {
  const std::string fw = "--elf " + firmwarePath("apps/bench_cpu.elf");
  EXPECT_EQ(runBoard(fw).out, runBoard(fw + " --quantum 1us").out);
}

TEST(Board, BadInputsGiveOneLineErrorsAndExit2) {
  const std::string tmp = ::testing::TempDir(), garbage = processTempPath("garbage.elf");
  {
    std::ofstream f(garbage);
    f << "this is not an ELF file";
  }
  struct Case {
    std::string args, needle;
  };
  const Case cases[] = {
      {"", "no firmware given"},
      {"--elf " + tmp + "does_not_exist.elf", "does_not_exist.elf: cannot open"},
      {"--elf " + garbage, "garbage.elf: not an ELF file"},
      {"--image " + firmwarePath("apps/hello.bin") + "@0x70000000", "which is unmapped space"},
      {"--image " + firmwarePath("apps/hello.bin") + "@0x64004000", "UART0 register window"},
      {"--image " + firmwarePath("apps/hello.bin") + "@zz", "bad load address"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --max-time 5parsecs", "unknown time unit"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --on-fault maybe", "--on-fault"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --no-such-option", "unrecognised option"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --uart0 /nonexistent_dir/x.txt",
       "cannot create the uart0 output file"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --flash " + firmwarePath("apps/no_such.bin"),
       "no_such.bin: cannot open"},
      // Files that are not regular files: one line, no hang, no exhausted memory.
      {"--elf " + firmwarePath("apps/hello.elf") + " --flash " + tmp, ": is a directory"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --flash /dev/zero", "/dev/zero: not a regular file"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --uart0-input " + tmp, ": is a directory"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --uart0-input /dev/zero", "/dev/zero: not a regular file"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --mic0 " + tmp, ": is a directory"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --mic0 ''", "--mic0: empty file name"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --amic " + tmp + "no_such.wav", "no_such.wav"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --npu-flash " + tmp, ": is a directory"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --max-cycles -1",
       "--max-cycles: '-1' is not a positive whole number"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --max-cycles 0",
       "--max-cycles: '0' is not a positive whole number"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --quantum 1e-15",
       "--quantum: '1e-15' is shorter than the simulated time resolution"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --uart0-input @5ms", "--uart0-input: '@5ms' names no file"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --uart0-input in.txt@5parsecs",
       "--uart0-input: unknown time unit"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --spim eeprom",
       "--spim: 'eeprom' is not one of none, spis, flash, lcd"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --lcd-out x.ppm", "--lcd-out: needs --spim lcd"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --i2c-master " + tmp, ": is a directory"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --i2s0-in " + tmp + "no_such.wav", "no_such.wav"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --i2s1-out /nonexistent-dir/x.csv",
       "/nonexistent-dir/x.csv: cannot create"},
      {"--elf " + firmwarePath("apps/hello.elf") + " --pins-vcd /nonexistent-dir/p.vcd",
       "/nonexistent-dir/p.vcd: cannot create"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    const BoardRun r = runBoard(c.args);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(c.needle), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;  // one line
  }
}

TEST(Board, TimeZeroIsAPointInTimeForKeysAndUartInput) {
  const std::string in = processTempPath("uart_in_zero.txt");
  std::ofstream(in) << "x";
  const BoardRun r =
      runBoard("--elf " + firmwarePath("apps/hello.elf") + " --press K2@0 --uart0-input " + in + "@0 -q");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("hello: done"), std::string::npos) << r.out;
}

TEST(Board, HelpDocumentsOptionsAndExitCodes) {
  const BoardRun r = runBoard("--help");
  EXPECT_EQ(r.exitCode, 0);
  for (const char* s : {"--elf", "--image", "--max-cycles", "--max-time", "--uart0", "--stop-on-uart", "--quantum",
                        "--stats", "Exit codes", "130", "70 ", "approximate"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(Board, Uart0CanGoToAFile) {
  const std::string path = processTempPath("uart0.txt");
  const BoardRun r = runBoard("--elf " + firmwarePath("apps/hello.elf") + " --uart0 " + path);
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(readWhole(path).find("hello: done"), std::string::npos);
}

TEST(Board, EclicAndSysTimerWorkLikeTheVendorGlueNeeds) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/eclic_test.elf") +
                              " --max-time 200ms --stop-on-uart 'PASS eclic' --fail-on-uart FAIL");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

TEST(Board, TraceListsRetiredInstructionsAndInterrupts) {
  const std::string path = processTempPath("trace.txt");
  const BoardRun r =
      runBoard("--elf " + firmwarePath("tests/board/eclic_test.elf") + " --max-time 5ms --trace " + path);
  const std::string trace = readWhole(path);
  EXPECT_NE(trace.find("  00000000  1000006f"), std::string::npos) << trace.substr(0, 200);  // j _start at 0
  EXPECT_NE(trace.find("interrupt 7 taken"), std::string::npos);
}

TEST(Board, RttUpBufferIsDrainedLikeAJLinkWould) {
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/board/rtt_test.elf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  std::string block;
  for (int i = 0; i < 8; ++i) block += "0123456789abcdef";
  EXPECT_EQ(r.out, "hello over rtt\n" + block + "\nrtt: done\n");  // complete, through the wrap-around
  // A flat image has no symbol table: the control block is found by scanning RAM.
  const std::string path = processTempPath("rtt.txt");
  const BoardRun flat = runBoard("--image " + firmwarePath("tests/board/rtt_test.bin") + " --rtt " + path);
  EXPECT_EQ(flat.exitCode, 0) << flat.err;
  EXPECT_EQ(readWhole(path), r.out);
}

TEST(Board, Uart0ReceivesAFileAtItsLineRateWithInterrupts) {
  const std::string in = processTempPath("uart_in.txt");
  {
    std::ofstream f(in);
    f << "hello board\n";
  }
  // From 5 ms, when the firmware has set its UART up (earlier bytes would overrun, as on a chip).
  const BoardRun r = runBoard("--elf " + firmwarePath("tests/uart/uart_rx_test.elf") + " --uart0-input " + in +
                              "@5ms --max-time 200ms --stop-on-uart 'PASS uart_rx' --fail-on-uart FAIL");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

TEST(Board, CrosswiredUartsTalkToEachOther) {
  const std::string fw = "--elf " + firmwarePath("tests/uart/uart_crosswire_test.elf") + " --max-time 300ms";
  EXPECT_EQ(runBoard(fw + " --uart-crosswire --stop-on-uart 'PASS uart_crosswire'").exitCode, 0);
  EXPECT_NE(runBoard(fw + " --stop-on-uart 'PASS uart_crosswire'").exitCode, 0);  // no wire, no echo
}

TEST(Board, Uart0OverTcp) {
  // Port 0: the board picks a free one and names it, so parallel runs of this test never meet.
  const std::string out = processTempPath("tcp_board.out");
  std::ofstream(out, std::ios::trunc).close();  // no earlier run's line can be read below
  const std::string cmd = std::string(WTM_BOARD_EXE) + testCoreOption() + " --elf " +
                          firmwarePath("tests/uart/uart_rx_test.elf") + " --uart0 tcp:0 --max-time 500ms > " + out +
                          " 2>&1 &";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  unsigned port = 0;
  const std::string waiting = "waiting for a TCP client on 127.0.0.1:";
  for (int attempt = 0; attempt < 200 && port == 0; ++attempt) {
    const std::string text = readWhole(out);
    const auto at = text.find(waiting);
    if (at != std::string::npos && text.find('\n', at) != std::string::npos)
      port = static_cast<unsigned>(std::stoul(text.substr(at + waiting.size())));
    else ::usleep(25000);
  }
  ASSERT_NE(port, 0u) << "the board named no port: " << readWhole(out);
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::close(fd);
      fd = -1;
      ::usleep(50000);
    }
  }
  ASSERT_GE(fd, 0) << "could not connect to the board";
  std::string got;
  auto readUntil = [&](const char* text) {
    char buf[256];
    for (int i = 0; i < 100 && got.find(text) == std::string::npos; ++i) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) > 0) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        got.append(buf, static_cast<size_t>(n));
      }
    }
  };
  // The line goes out once the firmware says it listens: a byte that arrived while it switched
  // the FIFO on would be dropped, as on the chip.
  readUntil("ready");
  EXPECT_NE(got.find("ready"), std::string::npos) << got;
  const char line[] = "hello board\n";
  ASSERT_EQ(::write(fd, line, sizeof line - 1), static_cast<ssize_t>(sizeof line - 1));
  readUntil("uart_rx");
  ::close(fd);
  EXPECT_NE(got.find("PASS uart_rx"), std::string::npos) << got << readWhole(out);
}
