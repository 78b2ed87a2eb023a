// What every run loop of RiscvCore shares, whichever Verilated build of the core it clocks:
// simulated-time bookkeeping (local time, quantum, horizon), the memory path (DMI windows,
// b_transport for MMIO), and the debugger's state. RtlEngine<Model> adds the cycle loop.
#pragma once
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include <systemc>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "DebugPoints.h"
#include "DmiWindow.h"
#include "iss/ArchState.h"
#include "RiscvCore.h"
#include "common/BusAccessInfo.h"

namespace wtm::riscv {

class RiscvCore::Engine {
 public:
  explicit Engine(RiscvCore& core);
  virtual ~Engine();

  virtual void run() = 0;
  virtual void applyInterruptRequest() = 0;
  virtual uint64_t instructions() const = 0;
  virtual uint32_t pc() const = 0;
  virtual bool sleeping() const = 0;
  virtual bool readRegister(DebugRegister reg, uint32_t& value) = 0;
  virtual bool writeRegister(DebugRegister reg, uint32_t value) = 0;
  // A debugger wrote memory: an instruction the core already fetched from there is fetched again.
  virtual void memoryChanged(uint64_t address, size_t length) = 0;
  virtual void trapHoldsChanged() = 0;
  virtual void resetRtl() = 0;
  // Single-stepping: interrupts are not taken.
  virtual void setStepMask(bool masked) = 0;
  // The architectural state at an instruction boundary, and setting it (switching cores).
  virtual ArchState exportState() = 0;
  virtual uint64_t lockstepChecked() const { return 0; }
  virtual void importState(const ArchState& state) = 0;
  // After the debugger let go: the core sees what it wrote.
  virtual void debuggerDone() {}
  virtual void dmiInvalidated() {}

  void invalidateDmi(uint64_t start, uint64_t end);
  // Continues the run of `previous` (a core switch at an instruction boundary, right after a
  // sync): time, debugger state and observers carry over, the architectural state is imported
  // when this engine's run() starts.
  void takeOver(Engine& previous);
  size_t debugAccess(bool write, uint64_t address, uint8_t* data, size_t length);

  // ---- simulated time
  sc_core::sc_time localTime() const { return localBase + period * static_cast<double>(cycles - baseCycles); }
  void clockChanged(const sc_core::sc_time& newPeriod);
  // Lowers the horizon to the next cycle at which the core must hand control back to SystemC.
  void capHorizon();
  // Hands control to SystemC up to the core's local time.
  void sync();

  // ---- wfi sleep (sleepStart, sleepOpen)
  // Cycles of the open sleep up to now.
  uint64_t sleptSoFar() const { return clock.cyclesCeil(sc_core::sc_time_stamp() - sleepStart); }
  // Ends the open sleep here: its cycles are counted (and told to the observer).
  void closeSleep();
  // Per-edge work beyond the cycle itself follows what is asked of the core.
  void updateObserving();
  // Local time zero at the current cycle and a fresh horizon (after SystemC time moved).
  void restartQuantum();

  // ---- memory path
  // The DMI window serving an access, if any (the last one used is tried first, inline: this
  // runs for every fetch).
  const DmiWindow* tryDmi(uint64_t addr, unsigned len, bool write) {
    if (lastDmi < dmi.size()) {
      const DmiWindow& w = dmi[lastDmi];
      if (addr >= w.start && addr + len - 1 <= w.end) return (write ? w.writable : w.readable) ? &w : nullptr;
    }
    // Code, stack and data often sit in different SRAM banks: the one used before the last is
    // the next best guess.
    if (previousDmi < dmi.size()) {
      const DmiWindow& w = dmi[previousDmi];
      if (addr >= w.start && addr + len - 1 <= w.end) {
        std::swap(lastDmi, previousDmi);
        return (write ? w.writable : w.readable) ? &w : nullptr;
      }
    }
    return findDmi(addr, len, write);
  }
  const DmiWindow* findDmi(uint64_t addr, unsigned len, bool write);
  // Bus access through b_transport; false on a TLM error. Adds the target's latency to `wait`.
  bool busAccess(uint64_t addr, unsigned len, bool write, uint32_t& value, uint32_t pc, uint32_t& wait);
  bool read(uint64_t addr, unsigned len, uint32_t& value, uint32_t pc, uint32_t& wait);

  // ---- what both cores report
  // A trap, jump to itself or wfi happened (the core's `irqEnabled`: mstatus.MIE); false when
  // the run ends with it.
  bool reportEvent(const CoreEvent& ev, bool irqEnabled);
  // wfi: lets simulated time pass in SystemC until an interrupt is pending or the run reaches
  // its end or cycle limit (Account: the engine accounts `slept` cycles as the sleep's edge), or
  // until a halt request interrupts the wait (Halt: the sleep stays open). Ended: the run ended
  // and the cycles slept are counted.
  enum class WfiOutcome { Account, Halt, Ended };
  WfiOutcome waitInWfi(uint32_t pc, uint64_t& slept);
  // Asleep with nothing that could wake the core, but a debugger attached: wait for it in host time.
  void idleForDebugger(uint32_t pc);
  // A held exception: true to halt for the debugger (pendingHalt set), false to let the next
  // attempt take it.
  bool decideHeldTrap(uint32_t pc, uint32_t cause, uint32_t tval);
  // The held exception of the instruction at `pc` is taken the next time it comes.
  void letThrough(uint32_t pc);
  // An exception was taken at `pc`: one let through is done, holds apply again.
  void exceptionTaken(uint32_t pc);
  // Calls the debugger and applies what it wants on resumption.
  void haltFor(DebugHalt halt);
  // Before the instruction at `pc`: a breakpoint there (a single step executes the instruction
  // it starts on, breakpoint or not), or a watchpoint on its access (`readModifyWrite`: an AMO,
  // which answers both kinds) sets pendingHalt. True to halt.
  bool haltAtBreakpoint(uint32_t pc);
  bool haltAtWatchpoint(uint32_t pc, uint32_t address, unsigned length, bool write, bool readModifyWrite);

  // ---- debugger
  // Folds the thread-safe requests (halt, stop) into the run loop's own state.
  void takeRequests();
  void updateChecks();
  bool trapHaltsAlways(uint32_t cause) const { return cause < 32 && ((holdAlways >> cause) & 1u); }
  // The firmware has moved mtvec away from the reset vector (read over the debug port: debug
  // edges, which are not cycles, so also from inside the cycle loop).
  bool trapHandlerInstalled();

  RiscvCore& core;
  const ClockDomain& clock;
  const Config& config;

  tlm_utils::tlm_quantumkeeper quantum;
  tlm::tlm_generic_payload trans;
  BusAccessInfo accessInfo;
  uint8_t data[4] = {};
  std::vector<DmiWindow> dmi;
  size_t lastDmi = 0;
  size_t previousDmi = SIZE_MAX;
  std::unordered_set<uint32_t> noDmiPages;  // pages whose target refused DMI

  uint64_t cycles = 0;        // cycles since reset, as the wrapper accounts them
  uint64_t syncedCycles = 0;  // value of `cycles` at the last sync (local time zero)
  uint64_t horizon = 0;       // run up to this cycle before syncing
  sc_core::sc_time sleepStart;
  // Local time = localBase + period x (cycles - baseCycles): a clock change in mid-quantum
  // banks the cycles run so far at the old period.
  sc_core::sc_time localBase;
  uint64_t baseCycles = 0;
  sc_core::sc_time period;

  CoreDebugger* debugger = nullptr;
  bool haltAtReset = false;
  DebugPoints points;
  uint32_t holdAlways = 0;     // exceptions that always halt for the debugger
  uint32_t holdUnhandled = 0;  // ... and those that halt while no trap handler is installed
  bool wantHalt = false;       // a halt request waits for an instruction boundary
  bool stepping = false;
  bool deliverPending = false;           // a held exception is let through: holds are off until it is taken
  uint32_t deliverPc = 0;                // ... by the instruction at this pc
  bool sleepOpen = false;                // a wfi sleep began at sleepStart and is not accounted yet
  std::optional<DebugHalt> pendingHalt;  // decided in the cycle loop, taken after a sync
  bool checks = false;                   // any of the above needs looking at around each edge

  // Set by takeOver: run() starts from this state instead of reset.
  std::optional<ArchState> startFrom;

  ExecutionObserver* observer = nullptr;
  bool observing = false;  // trace, observer or waveform: per-edge work beyond the cycle itself
  bool restReported = false;
};

}  // namespace wtm::riscv
