// How a debugger drives a core: the core halts at instruction boundaries and calls its
// CoreDebugger on its own thread; while that call runs, simulated time stands still and the
// debugger may read and write registers and memory through the core's debug accessors. Any core
// the board runs (the RTL core, a faster one) offers the same.
#pragma once
#include <cstdint>

namespace wtm::riscv {

enum class WatchAccess { Write, Read, Access };

// Why the core halted.
struct DebugHalt {
  enum class Reason {
    Request,     // requestHalt() (a debugger attached, Ctrl-C) or a halt at reset
    Breakpoint,  // about to execute an instruction at a breakpoint address
    Watchpoint,  // about to access watched memory (the access has not happened yet)
    Step,        // one instruction was executed (or a trap entered) after a step request
    Trap,        // an exception the debugger asked to stop on, held before the trap is taken
  };
  Reason reason = Reason::Request;
  uint32_t pc = 0;                          // the next instruction to execute (for Trap: the one that traps)
  uint32_t cause = 0;                       // Trap: the mcause the exception would set
  uint32_t tval = 0;                        // Trap: the mtval it would set
  uint32_t dataAddress = 0;                 // Watchpoint: the first watched byte the access touches
  WatchAccess access = WatchAccess::Write;  // Watchpoint: the kind of the watchpoint that fired
};

// What the debugger wants once it lets go.
struct DebugResume {
  enum class Kind { Continue, Step, EndRun } kind = Kind::Continue;
  // After a Trap halt: let the firmware's handler take the exception (false: execute the
  // instruction again, which holds it again).
  bool deliverTrap = false;
};

class CoreDebugger {
 public:
  virtual ~CoreDebugger() = default;
  virtual DebugResume halted(const DebugHalt& halt) = 0;
  // Whether a debugger is connected now (thread-safe). While one is, firmware that comes to
  // rest (wfi or a loop nothing can end) waits for it instead of ending the run.
  virtual bool attached() const = 0;
};

// Registers addressed by a debugger.
struct DebugRegister {
  enum class Space { Gpr, Fpr, Pc, Csr } space;
  unsigned index;  // register number, or the CSR number
  static DebugRegister gpr(unsigned i) { return {Space::Gpr, i}; }
  static DebugRegister fpr(unsigned i) { return {Space::Fpr, i}; }
  static DebugRegister pc() { return {Space::Pc, 0}; }
  static DebugRegister csr(unsigned n) { return {Space::Csr, n}; }
};

// Sees every clock edge of a core (for cycle profiles); called on the core's thread.
class ExecutionObserver {
 public:
  virtual ~ExecutionObserver() = default;
  // `cycles` passed on this edge; an instruction retired at `pc` (`insn`: its encoding, the low
  // half only for a compressed one); a trap or interrupt was entered.
  virtual void edge(uint64_t cycles, bool retired, uint32_t pc, uint32_t insn, bool trapEntry) = 0;
  virtual void slept(uint64_t cycles) = 0;                        // asleep in wfi
  virtual void mmioStall(uint64_t address, uint64_t cycles) = 0;  // bus wait of an access
};

}  // namespace wtm::riscv
