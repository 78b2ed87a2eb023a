// The debugger's side of a halted target: answers GDB remote-protocol packets from a channel by
// calling a DebugTarget, until the debugger resumes, detaches, kills or goes away. One thread
// (thread id 1), all-stop mode. It keeps no state of the target; the caller runs the target
// between two serve() calls.
#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "debug/DebugTarget.h"
#include "debug/RspChannel.h"

namespace wtm::debug {

class GdbStub {
 public:
  // Largest packet the debugger may send us (advertised as PacketSize; below the decoder's limit).
  static constexpr size_t kPacketSize = 0x4000;

  GdbStub(RspChannel& channel, DebugTarget& target);

  // The target has halted for `stop`. With reportStop the stop reply is sent first (the debugger
  // is waiting for one after a resume or Ctrl-C); without it the stop is only remembered for '?'.
  ResumeRequest serve(const StopEvent& stop, bool reportStop);
  // The program ended while the debugger waited for a stop: "W" + exit code. The debugger then
  // hangs up; a serve() after it answers whatever it still sends until it does.
  void targetExited(int exitCode);

  // The stop reply packet for `stop` ("T05thread:1;swbreak:;").
  std::string stopReply(const StopEvent& stop) const;

 private:
  struct Reply {
    std::string payload;
  };
  // What one packet leads to: a reply (and stay halted) or the end of serve().
  using Outcome = std::variant<Reply, ResumeRequest>;

  Outcome handle(std::string_view packet);
  Outcome handleQuery(std::string_view packet);
  Outcome handleV(std::string_view packet);
  std::string handleSupported(std::string_view features);
  std::string handleXfer(std::string_view request);
  std::string readAllRegisters();
  std::string writeAllRegisters(std::string_view hex);
  std::string readOneRegister(std::string_view args);
  std::string writeOneRegister(std::string_view args);
  std::string readMemory(std::string_view args);
  std::string writeMemoryHex(std::string_view args);
  std::string writeMemoryBinary(std::string_view args);
  std::string breakpoint(bool insert, std::string_view args);
  std::string monitorCommand(std::string_view hexCommand);
  std::string flashErase(std::string_view args);
  std::string flashWrite(std::string_view args);
  Outcome resume(std::string_view packet);
  Outcome resumeVCont(std::string_view actions);

  RspChannel& channel_;
  DebugTarget& target_;
  StopEvent lastStop_;
  // Stop reasons the debugger said it understands (qSupported); others must not be sent.
  bool debuggerKnowsSwBreak_ = false;
  bool debuggerKnowsHwBreak_ = false;
};

}  // namespace wtm::debug
