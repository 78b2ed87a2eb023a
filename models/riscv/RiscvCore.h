// SystemC wrapper of the Verilated WTM2101 core (rtl/wtm_core.sv). One SC_THREAD clocks the
// RTL in C++ mode: many cycles per wait(), temporally decoupled by a tlm_quantumkeeper. SRAM and
// other DMI-capable memory are served from direct pointers without SystemC; only MMIO goes
// through b_transport (its returned delay becomes stall cycles). The thread syncs when the
// quantum ends, at the time of the next pending SystemC activity (so interrupts raised by
// peripherals are seen at their exact time), and whenever an MMIO access created new activity.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "InterruptRequest.h"
#include "common/ClockDomain.h"

namespace wtm::riscv {

struct CoreEvent {
  enum class Kind { Trap, SelfLoop, Sleep };
  Kind kind;
  uint32_t pc;
  uint32_t cause;  // mcause for traps
  uint32_t tval;   // mtval for traps
};

// Why the core stopped running.
enum class CoreEndReason { Running, StopRequested, CycleLimit, Halted };

class RiscvCore : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<RiscvCore> bus;

  struct Config {
    sc_core::sc_time quantum = sc_core::sc_time(10, sc_core::SC_US);
    uint64_t maxCycles = 0;    // 0: no limit
    bool fastForward = true;   // let one RTL edge cover a run of idle cycles
    std::FILE* trace = nullptr;  // when set: one line per retired instruction and per trap
  };

  // `clock` is HCLK; the core follows its frequency changes (PLL, dividers) from the next cycle.
  RiscvCore(sc_core::sc_module_name name, ClockDomain& clock, const Config& config);
  ~RiscvCore() override;

  // Called from the core's thread for every trap, jump-to-self and wfi; may call requestStop().
  void setEventHandler(std::function<void(const CoreEvent&)> handler) { handler_ = std::move(handler); }
  // Ends the run at the next clock edge; safe from b_transport callbacks and signal handlers.
  void requestStop() { stopRequested_ = true; }
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

  CoreEndReason endReason() const { return endReason_; }
  // Called when sc_start() returned because nothing was left to simulate: a core asleep in
  // wfi can then never wake up, so the run has come to rest.
  void noteSimulationStarved();
  std::string haltDescription() const { return haltDescription_; }
  uint64_t cycles() const;
  uint64_t instructions() const;
  uint32_t pc() const;
  bool sleeping() const;

 private:
  struct Impl;
  void run();
  const ClockDomain& clock_;
  Config config_;
  std::unique_ptr<Impl> impl_;
  std::function<void(const CoreEvent&)> handler_;
  std::atomic<bool> stopRequested_{false};
  CoreEndReason endReason_ = CoreEndReason::Running;
  std::string haltDescription_;
  sc_core::sc_event interruptChanged_;
  InterruptRequest request_;
  std::function<void(unsigned)> claim_;
  std::function<void()> syncHook_;
  std::function<bool()> externalActivity_;
  bool externalActivity() const { return externalActivity_ && externalActivity_(); }
  void applyInterruptRequest();

  void invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end);
};

}  // namespace wtm::riscv
