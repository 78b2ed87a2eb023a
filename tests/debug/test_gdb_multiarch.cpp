// The stub, the server and the target description as the real GDB sees them: Debian's
// gdb-multiarch connects to a fake RV32 target over loopback. Skipped when it is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#include "FakeTarget.h"
#include "debug/GdbStub.h"
#include "debug/RspServer.h"

using namespace wtm::debug;
using namespace wtm::debug::test;

namespace {

std::string findProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    const size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

std::string runCommand(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  ::pclose(pipe);
  return output;
}

// The fake target "runs" by jumping straight to its next stop: the first breakpoint, else the
// first read watchpoint, else the end of the program.
class FakeRun {
 public:
  explicit FakeRun(FakeTarget& target) : target_(target) {}
  // nullopt: the program ended.
  std::optional<StopEvent> resume(const ResumeRequest& request) {
    StopEvent stop;
    const unsigned pcValue = target_.registerValue(kPcRegnum);
    if (request.kind == ResumeRequest::Kind::Step) {
      target_.setRegister(kPcRegnum, pcValue + 4);
      return stop;
    }
    std::set<std::pair<uint64_t, bool>> breakpoints;
    for (const auto& c : target_.breakpointCalls) {
      if (c.insert) breakpoints.insert({c.address, c.hardware});
      else breakpoints.erase({c.address, c.hardware});
    }
    if (!breakpoints.empty()) {
      target_.setRegister(kPcRegnum, static_cast<uint32_t>(breakpoints.begin()->first));
      stop.cause = breakpoints.begin()->second ? StopEvent::Cause::HwBreak : StopEvent::Cause::SwBreak;
      return stop;
    }
    std::set<uint64_t> readWatches;
    for (const auto& w : target_.watchpointCalls) {
      if (w.kind != WatchKind::Read) continue;
      if (w.insert) readWatches.insert(w.address);
      else readWatches.erase(w.address);
    }
    if (!readWatches.empty()) {
      target_.setRegister(kPcRegnum, pcValue + 4);
      stop.cause = StopEvent::Cause::Watch;
      stop.watchKind = WatchKind::Read;
      stop.dataAddress = *readWatches.begin();
      return stop;
    }
    return std::nullopt;
  }

 private:
  FakeTarget& target_;
};

class GdbMultiarchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gdb_ = findProgram("gdb-multiarch");
    if (gdb_.empty()) GTEST_SKIP() << "gdb-multiarch not installed";
    for (uint64_t a = 0; a < FakeTarget::kRamSize; a += 4) {  // nop everywhere: disassembly works
      target.ram[a] = 0x13;
    }
    target.ram[0x100] = 0x78;
    target.ram[0x101] = 0x56;
    target.ram[0x102] = 0x34;
    target.ram[0x103] = 0x12;
    target.setRegister(kPcRegnum, 0x100);
    target.setRegister(2, 0xfff0);  // sp
  }

  // Serves one debugger session on a thread while gdb runs `commands`; gdb's output.
  std::string session(const std::vector<std::string>& commands, const std::string& before = "") {
    RspServer server("127.0.0.1", 0);
    std::atomic<bool> gdbDone{false};
    std::thread stubThread([&] {
      if (!server.waitForClient([&] { return gdbDone.load(); })) return;
      GdbStub stub(server, target);
      FakeRun run(target);
      StopEvent stop;
      bool report = false;
      for (;;) {
        const ResumeRequest request = stub.serve(stop, report);
        requests.push_back(request.kind);
        if (request.kind == ResumeRequest::Kind::Detach || request.kind == ResumeRequest::Kind::Kill) break;
        const auto next = run.resume(request);
        if (!next) {
          stub.targetExited(0);
          stub.serve(stop, false);  // until the debugger hangs up
          break;
        }
        stop = *next;
        report = true;
      }
      server.closeClient();
    });
    std::string command = "timeout 60 " + gdb_ + " -nx -batch " + before + " -ex 'set confirm off'";
    command += " -ex 'set architecture riscv:rv32' -ex 'target remote 127.0.0.1:" + std::to_string(server.port()) + "'";
    for (const auto& c : commands) command += " -ex '" + c + "'";
    command += " 2>&1";
    const std::string output = runCommand(command);
    gdbDone = true;
    stubThread.join();
    return output;
  }

  std::string gdb_;
  FakeTarget target;
  std::vector<ResumeRequest::Kind> requests;
};

void expectContains(const std::string& output, const std::string& text) {
  EXPECT_NE(output.find(text), std::string::npos) << "missing: " << text << "\n--- gdb output ---\n" << output;
}

}  // namespace

TEST_F(GdbMultiarchTest, RegistersMemoryAndMonitor) {
  const std::string out =
      session({"info registers pc sp a0", "p/x $mstatus", "p/x $mtvt", "p $ft1", "p/x $fcsr", "set $a0 = 0x1234",
               "p/x $a0", "x/1xw 0x100", "set {int}0x200 = 0x55aa55aa", "x/1xw 0x200", "info mem", "info registers csr",
               "monitor help", "monitor frobnicate", "detach"});
  expectContains(out, "pc             0x100");
  expectContains(out, "sp             0xfff0");
  expectContains(out, "a0             0x100a");
  expectContains(out, "$1 = 0x400");  // mstatus: 0x100 + 0x300
  expectContains(out, "$2 = 0x407");  // mtvt, a CSR GDB may not know
  expectContains(out, "$3 = 1");      // ft1 = 1.0f
  expectContains(out, "$4 = 0x103");  // fcsr
  expectContains(out, "$5 = 0x1234");
  expectContains(out, "0x100:\t0x12345678");
  expectContains(out, "0x200:\t0x55aa55aa");
  expectContains(out, "0x60000000 0x60010000 flash blocksize 0x1000");  // the memory map
  expectContains(out, "mtvt");
  expectContains(out, "mhartid");
  expectContains(out, "reset  -- reset the board");
  expectContains(out, "unknown monitor command 'frobnicate'");
  EXPECT_EQ(target.registerValue(10), 0x1234u);
  EXPECT_EQ(target.ram[0x200], 0xaa);
  EXPECT_EQ(out.find("Protocol error"), std::string::npos) << out;
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back(), ResumeRequest::Kind::Detach);
}

TEST_F(GdbMultiarchTest, BreakpointStepAndWatchpoint) {
  const std::string out = session({"break *0x400", "continue", "info registers pc", "stepi", "info registers pc",
                                   "delete", "rwatch *(int*)0x800", "continue", "delete", "detach"});
  expectContains(out, "Breakpoint 1, 0x00000400 in ?? ()");
  expectContains(out, "pc             0x404");
  expectContains(out, "Hardware read watchpoint 2: *(int*)0x800");
  ASSERT_FALSE(target.breakpointCalls.empty());
  EXPECT_EQ(target.breakpointCalls.front().address, 0x400u);
  ASSERT_FALSE(target.watchpointCalls.empty());
  EXPECT_EQ(target.watchpointCalls.front().kind, WatchKind::Read);
  EXPECT_EQ(target.watchpointCalls.front().address, 0x800u);
}

TEST_F(GdbMultiarchTest, ProgramEnd) {
  const std::string out = session({"continue"});
  expectContains(out, "exited normally");
}

TEST_F(GdbMultiarchTest, LoadIntoFlash) {
  const std::string objcopy = findProgram("riscv64-unknown-elf-objcopy");
  if (objcopy.empty()) GTEST_SKIP() << "riscv64-unknown-elf-objcopy not installed";
  const std::string dir = ::testing::TempDir();
  const std::string bin = dir + "/wtm_gdb_flash.bin", elf = dir + "/wtm_gdb_flash.elf";
  std::string image;
  for (int i = 0; i < 6000; ++i) image += static_cast<char>((i * 37) & 0xff);  // '$', '#', '}', '*' included
  std::ofstream(bin, std::ios::binary) << image;
  runCommand(objcopy + " -I binary -O elf32-littleriscv -B riscv --rename-section .data=.text,alloc,load,contents " +
             "--change-section-address .data=0x60001000 " + bin + " " + elf + " 2>&1");
  const std::string out = session({"load", "detach"}, "-ex 'file " + elf + "'");
  expectContains(out, "Loading section .text, size 0x1770 lma 0x60001000");
  EXPECT_TRUE(std::equal(image.begin(), image.end(), target.flash.begin() + 0x1000, [](char a, uint8_t b) {
    return static_cast<uint8_t>(a) == b;
  })) << "the flash does not hold the image";
  EXPECT_FALSE(target.erases.empty());
  EXPECT_GE(target.flashDoneCalls, 1);
}
