// The board's GDB server: joins the protocol stub (models/debug) to the core's debug interface
// and the bus. It is the core's CoreDebugger (the core calls it on its own thread when it
// halts; simulated time stands still meanwhile) and the stub's DebugTarget. Connections come
// and go while the firmware runs: a debugger that connects or sends Ctrl-C halts the core at
// the next instruction boundary; one that goes away lets it run on.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "RiscvCore.h"
#include "debug/DebugTarget.h"
#include "debug/GdbStub.h"
#include "debug/RspServer.h"

namespace wtm::platform {

class GdbBridge : public riscv::CoreDebugger, public debug::DebugTarget {
 public:
  struct Config {
    std::string host = "127.0.0.1";
    uint16_t port = 0;
    uint32_t faultCauses = 0;      // exceptions counted as faults (bit n: mcause n)
    bool haltOnAllFaults = false;  // --on-fault gdb: every fault halts for the debugger
    bool haltOnUnhandled = false;  // --on-fault auto: faults without a firmware handler halt in an attached debugger
  };
  // Listens at once; throws InputError naming --gdb when the port cannot be used.
  GdbBridge(riscv::RiscvCore& core, const Config& config,
            std::function<std::optional<std::string>(const std::string&)> monitor, std::function<bool()> abortWaiting);
  ~GdbBridge() override;

  uint16_t port() const { return server_->port(); }
  // From a signal handler (Ctrl-C in the board's terminal): stop waiting for a debugger or for
  // its next packet, so that the run can end.
  void abortWaits() { server_->abortWaits(); }
  // Tells a connected debugger the run is over ("exited with code N") and closes the connection.
  void runEnded(int exitCode);
  bool killedByDebugger() const { return killed_; }
  // Host time spent halted for the debugger, the current halt included (not simulation time:
  // --stats and `monitor stats` leave it out).
  double haltedSeconds() const;

  // riscv::CoreDebugger
  riscv::DebugResume halted(const riscv::DebugHalt& halt) override;
  bool attached() const override { return server_->connected(); }

  // debug::DebugTarget
  std::optional<std::string> targetDescription(const std::string& annex) override;
  std::string memoryMap() override;
  bool readRegister(unsigned regnum, std::vector<uint8_t>& bytes) override;
  bool writeRegister(unsigned regnum, const std::vector<uint8_t>& bytes) override;
  std::vector<unsigned> generalRegisters() override;
  size_t readMemory(uint64_t address, uint8_t* data, size_t length) override;
  size_t writeMemory(uint64_t address, const uint8_t* data, size_t length) override;
  bool eraseFlash(uint64_t address, uint64_t length) override;
  bool writeFlash(uint64_t address, const uint8_t* data, size_t length) override;
  void flashDone() override {}
  bool setBreakpoint(bool insert, uint64_t address, bool hardware) override;
  bool setWatchpoint(bool insert, uint64_t address, uint64_t length, debug::WatchKind kind) override;
  std::optional<std::string> monitor(const std::string& command) override;

 private:
  riscv::DebugResume serveHalt(const riscv::DebugHalt& halt);
  void onAttention(debug::RspServer::Attention what);
  // Trap halts while a debugger is or is not attached (ebreak only halts for a present one).
  void applyTrapHalts(bool attachedNow);
  void forgetSession();  // breakpoints, watchpoints and trap halts of a debugger that left
  debug::StopEvent stopEventFor(const riscv::DebugHalt& halt) const;
  // Without a debugger: whether this halt waits for one (held at reset, or a fault the
  // --on-fault policy gives to the debugger) or the run just goes on.
  bool worthWaitingFor(const riscv::DebugHalt& halt);
  static std::optional<riscv::DebugRegister> registerFor(unsigned regnum);

  riscv::RiscvCore& core_;
  Config config_;
  std::unique_ptr<debug::RspServer> server_;
  debug::GdbStub stub_;
  std::function<std::optional<std::string>(const std::string&)> monitor_;
  std::function<bool()> abortWaiting_;
  std::atomic<bool> inside_{false};       // the core is in halted(): the stub owns the socket
  std::atomic<bool> interrupted_{false};  // the pending halt is a Ctrl-C
  std::atomic<bool> leftWhileRunning_{false};
  std::atomic<bool> interruptWhileInside_{false};  // a Ctrl-C that came while the core was halted
  std::atomic<bool> closing_{false};               // we closed the connection (detach, kill)
  bool debuggerWaiting_ = false;                   // after c/s: the debugger waits for a stop reply
  bool inSession_ = false;                         // a debugger is (or was, until we noticed) attached
  bool resumedOnce_ = false;                       // the firmware ran: a request halt is no longer the reset hold
  bool killed_ = false;
  double haltedSeconds_ = 0;                                        // of the halts that ended
  std::optional<std::chrono::steady_clock::time_point> haltStart_;  // of the halt being served
  struct BreakpointCount {
    int software = 0, hardware = 0;
  };
  std::map<uint64_t, BreakpointCount> breakpoints_;  // Z0 / Z1 per address, for the stop reply
};

}  // namespace wtm::platform
