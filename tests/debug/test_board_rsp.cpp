// The board's GDB server at the packet level: single steps (which GDB itself does not send for
// RISC-V) that execute one instruction even with an interrupt pending, malformed packets, a
// debugger that vanishes mid-run, a port already in use, Ctrl-C in the board's terminal while a
// debugger holds the core.
#include <gtest/gtest.h>

#include <algorithm>
#include <netinet/in.h>
#include <sys/socket.h>

#include <memory>
#include <optional>

#include "BoardProcess.h"
#include "FirmwareImage.h"
#include "RspTestSession.h"

using namespace board_test;

namespace {

const std::string kTarget = std::string(WTM_FIRMWARE_DIR) + "/tests/debug/gdb_target.elf";
constexpr unsigned kPc = 32;

uint32_t symbol(const std::string& name) {
  const auto a = wtm::loadElfImage(kTarget).symbol(name);
  EXPECT_TRUE(a) << name;
  return a.value_or(0);
}

// Halts at `address` with a breakpoint and removes it again.
void runTo(RspTestSession& s, uint32_t address) {
  const std::string a = RspTestSession::hex(address);
  ASSERT_EQ(s.request("Z0," + a + ",2"), "OK");
  const auto stop = s.request("c");
  ASSERT_TRUE(stop);
  EXPECT_EQ(stop->substr(0, 3), "T05") << *stop;
  ASSERT_EQ(s.request("z0," + a + ",2"), "OK");
  EXPECT_EQ(s.readRegister(kPc), address);
}

void writeWord(RspTestSession& s, uint32_t address, uint32_t value) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "%02x%02x%02x%02x", value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF,
                value >> 24);
  ASSERT_EQ(s.request("M" + RspTestSession::hex(address) + ",4:" + hex), "OK");
}

}  // namespace

TEST(BoardRsp, SingleStepExecutesOneInstructionWithAnInterruptPending) {
  BoardUnderDebug board({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", "(irqs 1)"});
  ASSERT_GT(board.port(), 0) << board.process().err();
  RspTestSession s(board.port());
  ASSERT_TRUE(s.connected());
  ASSERT_EQ(s.request("?")->substr(0, 3), "T05");
  runTo(s, symbol("main"));
  writeWord(s, symbol("g_mode"), 3);  // pending_irq(): MSIP set before interrupts are enabled
  const uint32_t enable = symbol("enable_irq"), after = symbol("after_enable");
  runTo(s, enable);
  // csrsi mstatus, 8: interrupts on, the software interrupt is now pending and enabled
  ASSERT_EQ(s.request("s")->substr(0, 3), "T05");
  EXPECT_EQ(s.readRegister(kPc), after);
  // the step executes the next instruction, not the interrupt handler
  ASSERT_EQ(s.request("vCont;s:1")->substr(0, 3), "T05");
  const auto pc = s.readRegister(kPc);
  ASSERT_TRUE(pc);
  EXPECT_GT(*pc, after);
  EXPECT_LE(*pc, after + 4);
  EXPECT_EQ(s.readWord(symbol("g_soft_irqs")), 0u);
  const auto mstatus = s.readRegister(65 + 0x300);
  ASSERT_TRUE(mstatus);
  EXPECT_NE(*mstatus & 8u, 0u);  // MIE set: only the step held the interrupt back
  // continuing takes it; the program then ends ("W00")
  EXPECT_EQ(s.request("c"), "W00");
  EXPECT_EQ(board.process().wait(30), 0);
  EXPECT_NE(board.process().out().find("gdb_target: done (irqs 1)"), std::string::npos) << board.process().out();
}

TEST(BoardRsp, MalformedPacketsGetErrorsAndTheBoardGoesOn) {
  BoardUnderDebug board({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", "gdb_target: done"});
  ASSERT_GT(board.port(), 0) << board.process().err();
  RspTestSession s(board.port());
  ASSERT_TRUE(s.connected());
  s.sendRaw("garbage before any packet");
  s.sendRaw("$m0,4#00");  // bad checksum: answered with '-', no reply packet
  EXPECT_EQ(s.request("m zz"), "E01");
  EXPECT_EQ(s.request("Z9,0,0"), "");
  EXPECT_EQ(s.request("p"), "E01");
  EXPECT_EQ(s.request("pffff"), "E01");        // no such register
  EXPECT_EQ(s.request("X1000,4:ab"), "E01");   // shorter data than announced
  EXPECT_EQ(s.request("m70000000,4"), "E01");  // nothing mapped there
  EXPECT_EQ(s.request("qNoSuchQuery"), "");
  EXPECT_EQ(s.request(std::string(70000, 'x')), "E01");
  // still a working debugger session: registers, memory, then run to the end
  EXPECT_EQ(s.readRegister(kPc), 0u);
  EXPECT_EQ(s.request("c"), "W00");
  EXPECT_EQ(board.process().wait(30), 0) << board.process().err();
}

TEST(BoardRsp, ADebuggerThatVanishesMidRunLeavesTheFirmwareRunning) {
  BoardUnderDebug board({"--elf", kTarget, "--gdb-wait", "--stop-on-uart", "gdb_target: done"});
  ASSERT_GT(board.port(), 0) << board.process().err();
  {
    RspTestSession s(board.port());
    ASSERT_TRUE(s.connected());
    ASSERT_EQ(s.request("?")->substr(0, 3), "T05");
    // a breakpoint the firmware will reach, then the connection drops while it runs
    ASSERT_EQ(s.request("Z0," + RspTestSession::hex(symbol("bump")) + ",2"), "OK");
    s.sendRaw(wtm::debug::rspFrame("c"));
    s.close();
  }
  // the debugger's breakpoint went with it: the firmware runs to its end
  EXPECT_EQ(board.process().wait(30), 0) << board.process().err();
  EXPECT_NE(board.process().out().find("gdb_target: done"), std::string::npos) << board.process().out();
}

TEST(BoardRsp, APortInUseIsABadInput) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  const std::string port = std::to_string(ntohs(a.sin_port));
  Process board(boardCommand({"--elf", kTarget, "--gdb", port}), tempStem("busy"));
  EXPECT_EQ(board.wait(30), 2);
  const std::string err = board.err();
  EXPECT_NE(err.find("--gdb"), std::string::npos) << err;
  EXPECT_NE(err.find("in use"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  ::close(fd);
}

TEST(BoardRsp, BadDebugOptionsAreReported) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--gdb", "70000"}, "--gdb"},
      {{"--gdb", "x"}, "--gdb"},
      {{"--gdb-wait"}, "--gdb-wait"},
      {{"--on-fault", "gdb"}, "--on-fault"},
      {{"--vcd", "a.vcd", "--fst", "b.fst"}, "--vcd"},
      {{"--wave-from", "1ms"}, "--wave-from"},
      {{"--vcd", "/nonexistent-dir/a.vcd"}, "/nonexistent-dir/a.vcd"},
      {{"--vcd", "a.vcd", "--wave-from", "2ms", "--wave-to", "1ms"}, "--wave-to"},
      {{"--profile", ""}, "--profile"},
  };
  for (const auto& [args, named] : cases) {
    std::vector<std::string> argv = {"--elf", kTarget};
    argv.insert(argv.end(), args.begin(), args.end());
    Process board(boardCommand(argv), tempStem("badopt"));
    // The fast core has no waveforms: a waveform option the board would otherwise accept is
    // refused as such (its file is never opened).
    const bool waveform = std::find(args.begin(), args.end(), "--vcd") != args.end() ||
                          std::find(args.begin(), args.end(), "--fst") != args.end();
    EXPECT_EQ(board.wait(30), 2) << named;
    const std::string err = board.err();
    const bool refusedAsRtlOnly =
        onFastCore() && waveform && err.find("waveforms are the RTL core's signals") != std::string::npos;
    EXPECT_TRUE(err.find(named) != std::string::npos || refusedAsRtlOnly) << err;
  }
}

TEST(BoardRsp, CtrlCInTheBoardsTerminalEndsARunTheDebuggerHolds) {
  // Halted for a connected debugger that says nothing more, and waiting for one that never comes.
  for (const bool connect : {true, false}) {
    BoardUnderDebug board({"--elf", kTarget, "--gdb-wait"});
    ASSERT_GT(board.port(), 0) << board.process().err();
    std::unique_ptr<RspTestSession> s;
    if (connect) {
      s = std::make_unique<RspTestSession>(board.port());
      ASSERT_EQ(s->request("?")->substr(0, 3), "T05");
    }
    board.process().signal(SIGINT);
    EXPECT_EQ(board.process().wait(20), 130) << (connect ? "connected" : "waiting") << board.process().err();
  }
}

TEST(BoardRsp, AHaltWhileTheFirmwareSleepsKeepsTheCycleCount) {
  // x3_demo sleeps in wfi between TIMER0 interrupts: mcycle in the first handler must not depend
  // on a halt during the sleep before it.
  const std::string x3 = std::string(WTM_FIRMWARE_DIR) + "/apps/x3_demo.elf";
  const uint32_t handler = *wtm::loadElfImage(x3).symbol("irq25_handler");
  const uint32_t kMcycle = 65 + 0xB00;
  // mcycle at the first handler entry; with `interruptBefore`, after a Ctrl-C sent with the
  // continue, which must halt the core before that entry (false when it came too late: on the
  // fast core the first interrupt may pass before a busy host delivers the Ctrl-C).
  auto mcycleAtHandler = [&](std::optional<uint32_t> interruptBefore) -> std::optional<uint32_t> {
    BoardUnderDebug board({"--elf", x3, "--gdb-wait", "--leds", "none", "--max-time", "60s"});
    if (board.port() == 0) return std::nullopt;
    RspTestSession s(board.port());
    if (!s.request("?")) return std::nullopt;
    if (interruptBefore) {
      s.sendRaw(wtm::debug::rspFrame("c") + "\x03");
      const auto stop = s.reply();
      EXPECT_TRUE(stop && stop->substr(0, 3) == "T02") << stop.value_or("none");
      const auto at = s.readRegister(kMcycle);
      if (!at || *at >= *interruptBefore) {
        s.request("k");
        return std::nullopt;
      }
    }
    EXPECT_EQ(s.request("Z0," + RspTestSession::hex(handler) + ",2"), "OK");
    const auto stop = s.request("c");
    EXPECT_TRUE(stop && stop->substr(0, 3) == "T05") << stop.value_or("none");
    const auto mcycle = s.readRegister(kMcycle);
    s.request("k");
    return mcycle;
  };
  const auto direct = mcycleAtHandler(std::nullopt);
  ASSERT_TRUE(direct);
  std::optional<uint32_t> halted;
  for (int attempt = 0; attempt < 5 && !halted; ++attempt) halted = mcycleAtHandler(direct);
  ASSERT_TRUE(halted) << "no Ctrl-C arrived before the first interrupt in 5 attempts";
  EXPECT_EQ(*direct, *halted);
}

// Output file names hold the test's process id, which the system reuses: what an earlier process
// left under the same name (a port line, say) must never be read as the new child's output.
TEST(BoardProcess, AFileLeftByAnEarlierProcessIsNeverRead) {
  const std::string stem = tempStem("stale");
  for (const char* suffix : {".out", ".err"}) std::ofstream(stem + suffix) << "listening on 127.0.0.1:1\n";
  Process child({"/bin/sleep", "1"}, stem);
  EXPECT_EQ(child.out(), "");
  EXPECT_EQ(child.err(), "");
  EXPECT_EQ(child.wait(10), 0);
}
