// SystemC wrapper of the Verilated WTM2101 core (rtl/wtm_core.sv). One SC_THREAD clocks the
// RTL in C++ mode: many cycles per wait(), temporally decoupled by a tlm_quantumkeeper. SRAM and
// other DMI-capable memory are served from direct pointers without SystemC; only MMIO goes
// through b_transport (its returned delay becomes stall cycles). The thread syncs when the
// quantum ends, at the time of the next pending SystemC activity (so interrupts raised by
// peripherals are seen at their exact time), and whenever an MMIO access created new activity.
//
// Debugging (CoreDebug.h): the core halts at instruction boundaries for a CoreDebugger —
// on request, at breakpoints and watchpoints, after a single step, or on an exception the
// debugger asked to see — and simulated time stands still while it is halted.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "CoreDebug.h"
#include "InterruptRequest.h"
#include "common/ClockDomain.h"

namespace wtm::riscv {

struct CoreEvent {
  enum class Kind { Trap, SelfLoop, Sleep };
  Kind kind;
  uint32_t pc;
  uint32_t cause;    // mcause for traps
  uint32_t tval;     // mtval for traps
  uint32_t handler;  // traps: where the core went (the trap vector; 0 = the reset vector)
};

// Why the core stopped running (Diverged: --lockstep found the two cores disagreeing).
enum class CoreEndReason { Running, StopRequested, CycleLimit, Halted, Diverged };

// Waveforms of the RTL (a separately Verilated, traced build of the core is used).
struct WaveformConfig {
  enum class Format { None, Vcd, Fst };
  Format format = Format::None;
  std::string file;
  sc_core::sc_time from = sc_core::SC_ZERO_TIME;  // dump only cycles in [from, to]
  sc_core::sc_time to = sc_core::sc_max_time();
};

class RiscvCore : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<RiscvCore> bus;

  // Which implementation executes the instructions: the Verilated RTL (cycle-accurate, the
  // reference) or the fast instruction-set simulator charged the RTL's cycle table.
  enum class Kind { Rtl, Fast };

  struct Config {
    Kind kind = Kind::Rtl;
    // Run the RTL with the fast core following it, comparing the states after every instruction.
    bool lockstep = false;
    sc_core::sc_time quantum = sc_core::sc_time(10, sc_core::SC_US);
    uint64_t maxCycles = 0;      // 0: no limit
    bool fastForward = true;     // let one RTL edge cover a run of idle cycles
    std::FILE* trace = nullptr;  // when set: one line per retired instruction and per trap
    WaveformConfig waveform;
  };

  // `clock` is HCLK; the core follows its frequency changes (PLL, dividers) from the next cycle.
  RiscvCore(sc_core::sc_module_name name, ClockDomain& clock, const Config& config);
  ~RiscvCore() override;

  // Called from the core's thread for every trap, jump-to-self and wfi; may call requestStop().
  void setEventHandler(std::function<void(const CoreEvent&)> handler) { handler_ = std::move(handler); }
  // Ends the run at the next clock edge; safe from b_transport callbacks and signal handlers.
  void requestStop();
  // The interrupt controller's current offer; the core takes it at an instruction boundary when
  // it outranks the level being serviced (and wakes from wfi on any valid request).
  void setInterruptRequest(const InterruptRequest& request);
  // Called after every synchronisation with SystemC time (at least once per quantum) and when
  // the run ends: cheap host-side work such as draining a debug console.
  void setSyncHook(std::function<void()> hook) { syncHook_ = std::move(hook); }
  // Whether something outside SystemC (a host input stream) may still produce activity; while
  // it returns true, wfi with nothing pending waits instead of ending the run.
  void setExternalActivity(std::function<bool()> pending) { externalActivity_ = std::move(pending); }
  // Called when the core takes (claims) interrupt `id`, so the controller can clear it.
  void setClaimHandler(std::function<void(unsigned id)> handler) { claim_ = std::move(handler); }
  // Sees every edge (cycle profiles); nullptr for none. Set before the simulation starts.
  void setObserver(ExecutionObserver* observer);

  // Where a run on the fast core hands over to the RTL (the gem5 "switch CPU" workflow): before
  // the instruction at `pc` executes, or at the first instruction boundary at or after `time`,
  // whichever comes first. Set before the simulation starts.
  struct SwitchPoint {
    std::optional<uint32_t> pc;
    std::optional<sc_core::sc_time> time;
  };
  void setSwitchToRtl(const SwitchPoint& at) { switchPoint_ = at; }
  // The cycle at which the run switched to the RTL, if it did.
  std::optional<uint64_t> switchedAt() const { return switchedAt_; }
  Kind coreKind() const;

  CoreEndReason endReason() const { return endReason_; }
  // Called when sc_start() returned because nothing was left to simulate: a core asleep in
  // wfi can then never wake up, so the run has come to rest.
  void noteSimulationStarved();
  // Called once when sc_start() has returned: cycles spent asleep up to now are counted (and
  // reported to the observer), so that cycles() is final.
  void finishRun();
  std::string haltDescription() const { return haltDescription_; }
  // Lockstep: the instructions compared so far.
  uint64_t lockstepChecked() const;
  uint64_t cycles() const;
  uint64_t instructions() const;
  uint32_t pc() const;
  bool sleeping() const;

  // ---- debugging
  // The debugger the core halts for (nullptr: none). `haltAtReset`: halt before the first
  // instruction. Set before the simulation starts.
  void setDebugger(CoreDebugger* debugger, bool haltAtReset);
  // Halt at the next instruction boundary; thread-safe (a debugger's network thread).
  void requestHalt();
  // Exceptions to halt on instead of taking them (bit n: mcause n): those in `always`, and those
  // in `unhandled` while the firmware has no trap handler (mtvec still at the reset vector).
  void setTrapHalts(uint32_t always, uint32_t unhandled);

  // While halted (inside CoreDebugger::halted) only:
  bool readRegister(DebugRegister reg, uint32_t& value);
  // Whether the firmware has installed a trap handler (mtvec moved from the reset vector).
  bool trapHandlerInstalled();
  bool writeRegister(DebugRegister reg, uint32_t value);
  // Debug transport through the core's bus (no simulated time); the number of bytes done.
  size_t debugRead(uint64_t address, uint8_t* data, size_t length);
  size_t debugWrite(uint64_t address, const uint8_t* data, size_t length);
  bool addBreakpoint(uint32_t address);
  bool removeBreakpoint(uint32_t address);
  bool addWatchpoint(uint32_t address, uint32_t length, WatchAccess access);
  bool removeWatchpoint(uint32_t address, uint32_t length, WatchAccess access);
  void clearDebugPoints();
  // The RTL core back to its reset state (pc 0, CSRs at their reset values; as on the chip the
  // register files keep their contents). For a debugger's chip reset.
  void resetCore();

  // The run loop of one Verilated build of the core (RtlEngine.h).
  class Engine;

 private:
  template <class Model>
  friend class RtlEngine;
  friend class FastEngine;
  void run();
  const ClockDomain& clock_;
  Config config_;
  std::unique_ptr<Engine> engine_;
  std::function<void(const CoreEvent&)> handler_;
  // Set from other threads (signal handlers, a debugger's network thread): the run loop tests
  // one flag per cycle and then looks at which request it was.
  std::atomic<bool> attention_{false};
  std::atomic<bool> stopRequested_{false};
  std::atomic<bool> haltRequested_{false};
  CoreEndReason endReason_ = CoreEndReason::Running;
  SwitchPoint switchPoint_;
  bool switchRequested_ = false;  // the fast engine's run ended at the switch point
  std::optional<uint64_t> switchedAt_;
  Kind kind_;
  bool runFinished_ = false;
  std::string haltDescription_;
  sc_core::sc_event interruptChanged_;
  InterruptRequest request_;
  std::function<void(unsigned)> claim_;
  std::function<void()> syncHook_;
  std::function<bool()> externalActivity_;
  bool externalActivity() const { return externalActivity_ && externalActivity_(); }

  void invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end);
};

}  // namespace wtm::riscv
