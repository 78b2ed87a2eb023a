// CoreHarness over the fast core (iss::Hart), driven directly (no SystemC): one instruction, trap
// entry or slept cycle per step(). The environment gives the hart the RAM as a direct-memory
// window, the MMIO window through busRead/busWrite, and the interrupt request inputs, and records
// its claims and events as the RTL reports them.
#pragma once
#include <cstdint>

#include "CoreHarness.h"
#include "iss/Hart.h"

class IssHarness final : public CoreHarness {
 public:
  // `fastForward` is the RTL's skipping of idle cycles: the fast core has no idle edges to skip.
  explicit IssHarness(bool fastForward = true) : env_(*this) {
    (void)fastForward;
    ramWindow_.start = 0;
    ramWindow_.end = kRamSize - 1;
    ramWindow_.base = ram_.data();
    ramWindow_.readable = ramWindow_.writable = true;
    hart_.reset();
  }

  uint64_t step() override {
    const uint64_t before = env_.cycles;
    if (hart_.sleeping()) {
      // As the RTL's sleep: one cycle per edge; the edge that sees a request wakes the core,
      // whose refetch follows.
      env_.cycles += 1;
      if (irqRequested()) {
        hart_.wake();
        hart_.deferCycles(1);
      }
    } else {
      hart_.flushDeferred(env_);
      hart_.step<false>(env_);
    }
    cycles_ = env_.cycles;
    return cycles_ - before;
  }

  bool sleeping() const override { return hart_.sleeping(); }
  uint32_t pc() override { return hart_.pc(); }
  uint32_t x(unsigned i) override { return i == 0 ? 0 : hart_.x(i); }
  uint32_t f(unsigned i) override { return hart_.f(i); }
  uint32_t csr(unsigned number) override {
    uint32_t value = 0;
    hart_.readCsr(number, value, env_.cycles);
    return value;
  }

  wtm::riscv::iss::Hart& hart() { return hart_; }

 private:
  // The hart's environment (iss/Hart.h).
  struct Environment {
    explicit Environment(IssHarness& h) : harness(h) {}
    IssHarness& harness;
    uint64_t cycles = 0;
    wtm::riscv::InterruptRequest request;

    const wtm::riscv::DmiWindow* tryDmi(uint64_t a, unsigned len, bool) const {
      return a + len <= kRamSize ? &harness.ramWindow_ : nullptr;
    }
    // The hart fetches without DMI with the pc argument equal to the address: refused outside
    // RAM, as the RTL's fetch port refuses the MMIO window.
    bool busRead(uint32_t a, unsigned len, uint32_t& v, uint32_t pc, uint32_t& wait) {
      return harness.access(a, len, false, v, wait, a == pc);
    }
    bool busWrite(uint32_t a, unsigned len, uint32_t v, uint32_t, uint32_t& wait) {
      return harness.access(a, len, true, v, wait, false);
    }
    const wtm::riscv::InterruptRequest& interruptRequest() {
      request.valid = harness.irqRequested();
      request.id = harness.irqId;
      request.level = harness.irqLevel;
      request.vectored = harness.irqShv;
      return request;
    }
    uint32_t heldTraps() const { return 0; }
    void trapHeld(uint32_t, uint32_t, uint32_t) {}
    void claimed(unsigned id) { harness.claims.push_back(id); }
    void exceptionTaken(uint32_t pc, uint32_t cause, uint32_t tval, uint32_t) {
      harness.events.push_back({1, pc, cause, tval});
    }
    void selfLoop(uint32_t pc) { harness.events.push_back({2, pc, 0, 0}); }
    void asleep(uint32_t pc) { harness.events.push_back({3, pc, 0, 0}); }
  };

  wtm::riscv::DmiWindow ramWindow_;
  wtm::riscv::iss::Hart hart_;
  Environment env_;
};
