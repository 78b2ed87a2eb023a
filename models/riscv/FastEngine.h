// The run loop of RiscvCore over the fast core (iss/Hart.h): instructions execute one at a time
// in C++, charged the RTL's cycle costs; memory through DMI, MMIO through the same bus socket,
// interrupts from the same controller, wfi asleep in SystemC time, the same debugger support.
// Waveforms are an RTL feature (there are no signals to trace).
#pragma once
#include <algorithm>
#include <cstdio>

#include "CoreEngine.h"
#include "iss/Hart.h"

namespace wtm::riscv {

class FastEngine final : public RiscvCore::Engine {
 public:
  explicit FastEngine(RiscvCore& owner) : Engine(owner) {}

  void run() override;
  // The hart reads the request at instruction boundaries; runFast only where it hands back, so a
  // new request ends its run at the current cycle.
  void applyInterruptRequest() override {
    if (core.request_.valid) horizon = std::min(horizon, cycles);
  }
  uint64_t instructions() const override { return hart_.instructions(); }
  uint32_t pc() const override { return hart_.pc(); }
  bool sleeping() const override { return hart_.sleeping(); }
  bool readRegister(DebugRegister reg, uint32_t& value) override;
  bool writeRegister(DebugRegister reg, uint32_t value) override;
  void memoryChanged(uint64_t, size_t) override {}  // code slots check themselves against memory
  void trapHoldsChanged() override { heldMask_ = deliverPending ? 0u : (holdAlways | holdUnhandled); }
  void resetRtl() override { hart_.reset(); }
  void setStepMask(bool masked) override { hart_.setInterruptMask(masked); }
  ArchState exportState() override {
    flushDeferred();
    return hart_.state(cycles);
  }
  void importState(const ArchState& state) override { hart_.setState(state, cycles); }
  void dmiInvalidated() override { hart_.dropCodePages(); }

  iss::Hart& hart() { return hart_; }

  // ---- the hart's environment (iss/Hart.h)
  bool busRead(uint32_t addr, unsigned len, uint32_t& value, uint32_t pc, uint32_t& wait) {
    const bool ok = busAccess(addr, len, false, value, pc, wait);
    capHorizon();
    return ok;
  }
  bool busWrite(uint32_t addr, unsigned len, uint32_t value, uint32_t pc, uint32_t& wait) {
    const bool ok = busAccess(addr, len, true, value, pc, wait);
    capHorizon();
    return ok;
  }
  const InterruptRequest& interruptRequest() const { return core.request_; }
  uint32_t heldTraps() const { return heldMask_; }
  void trapHeld(uint32_t pc, uint32_t cause, uint32_t tval);
  void claimed(unsigned id) {
    if (core.claim_) core.claim_(id);
  }
  void exceptionTaken(uint32_t pc, uint32_t cause, uint32_t tval, uint32_t handler);
  void selfLoop(uint32_t pc);
  void asleep(uint32_t pc);

 private:
  template <bool kSlow>
  void runUntilHorizon();
  // After a step that reported an event (or held a trap): false to leave the loop.
  bool afterEvent();
  bool stopBeforeStep();
  bool stopAfterStep();
  void observeStep(uint64_t cyclesBefore);
  void sleepUntilWake();
  // The cycles a step deferred (iss/Hart.h) pass now; an observer sees them as an edge of their own.
  void flushDeferred();
  // The switch point (RiscvCore::SwitchPoint) is reached: the run goes on on the RTL.
  bool switchDue();
  void capHorizonAtSwitch();

  iss::Hart hart_;
  uint32_t heldMask_ = 0;
  bool event_ = false;  // the last step reported an event (or held a trap)
  bool held_ = false;   // ... a held exception
  uint32_t heldPc_ = 0, heldCause_ = 0, heldTval_ = 0;
  bool continueAfterEvent_ = true;
  uint32_t switchPc_ = 1;  // an odd address: none
};

}  // namespace wtm::riscv
