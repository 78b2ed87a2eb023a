// What a GDB remote-protocol stub needs from the thing it debugs. The board implements it on top
// of a core's debug interface and the bus; the stub (GdbStub) knows nothing of the board. All
// calls are made while the target is halted, from the thread that halted it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wtm::debug {

// GDB's own signal numbers (gdb/signals.def), which stop replies carry.
enum class GdbSignal : int { None = 0, Int = 2, Ill = 4, Trap = 5, Bus = 7, Kill = 9, Segv = 11 };

enum class WatchKind { Write, Read, Access };  // Z2 / Z3 / Z4

// Why the target stopped, as the stop reply tells the debugger.
struct StopEvent {
  GdbSignal signal = GdbSignal::Trap;
  enum class Cause { None, SwBreak, HwBreak, Watch } cause = Cause::None;
  WatchKind watchKind = WatchKind::Write;  // with Cause::Watch
  uint64_t dataAddress = 0;                // with Cause::Watch: the address the access touched
};

// What the debugger asks the halted target to do next.
struct ResumeRequest {
  enum class Kind { Continue, Step, Detach, Kill } kind = Kind::Continue;
  // C/S/vCont;C/S: the signal to deliver with the resume; for a fault this means "let the
  // firmware's trap handler take it" (None: execute the instruction again).
  GdbSignal signal = GdbSignal::None;
};

class DebugTarget {
 public:
  virtual ~DebugTarget() = default;

  // qXfer:features:read: the document named `annex` ("target.xml" and any it includes).
  virtual std::optional<std::string> targetDescription(const std::string& annex) = 0;
  // qXfer:memory-map:read.
  virtual std::string memoryMap() = 0;

  // Registers by their target-description number; bytes in target (little-endian) order.
  // False when the target has no such register.
  virtual bool readRegister(unsigned regnum, std::vector<uint8_t>& bytes) = 0;
  virtual bool writeRegister(unsigned regnum, const std::vector<uint8_t>& bytes) = 0;
  // The registers the 'g' / 'G' packets carry, in order (the rest are read one by one).
  virtual std::vector<unsigned> generalRegisters() = 0;

  // Debug accesses (no simulated time, no side effects on reads): the number of bytes done,
  // counted from `address`; fewer than `length` when an unmapped address is reached.
  virtual size_t readMemory(uint64_t address, uint8_t* data, size_t length) = 0;
  virtual size_t writeMemory(uint64_t address, const uint8_t* data, size_t length) = 0;

  // vFlashErase / vFlashWrite / vFlashDone for regions the memory map calls flash.
  virtual bool eraseFlash(uint64_t address, uint64_t length) = 0;
  virtual bool writeFlash(uint64_t address, const uint8_t* data, size_t length) = 0;
  virtual void flashDone() = 0;

  // Z0/z0 (software) and Z1/z1 (hardware) breakpoints: neither changes guest memory.
  virtual bool setBreakpoint(bool insert, uint64_t address, bool hardware) = 0;
  // Z2..Z4 / z2..z4.
  virtual bool setWatchpoint(bool insert, uint64_t address, uint64_t length, WatchKind kind) = 0;

  // qRcmd ("monitor ..."): the text the command prints; nullopt for an unknown command.
  virtual std::optional<std::string> monitor(const std::string& command) = 0;
};

}  // namespace wtm::debug
