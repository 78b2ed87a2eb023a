// --lockstep: the fast core follows the RTL instruction by instruction and both states are
// compared after each one. The RTL drives the bus (peripheral side effects happen once); the fast
// core replays the RTL's data accesses (and checks that it would have made the same ones), sees
// the interrupt request the RTL saw when it decided, and charges its own cycles, which must come
// out equal. The first difference ends the run with both states and the instruction trace tail.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include "DmiWindow.h"
#include "InterruptRequest.h"
#include "iss/ArchState.h"
#include "iss/Hart.h"

namespace wtm::riscv {

class LockstepChecker {
 public:
  // `dmi` finds the direct-memory window of an address and `peek` reads without side effects:
  // instruction fetch reads memory itself.
  LockstepChecker(std::function<const DmiWindow*(uint64_t, unsigned, bool)> dmi,
                  std::function<bool(uint32_t, unsigned, uint32_t&)> peek);

  // A data access of the RTL (in the order it made them), with the bus cycles it was charged.
  void access(uint32_t addr, unsigned len, bool write, uint32_t value, bool error, uint32_t wait);
  // An exception held for the debugger: the edge did nothing, its access is forgotten.
  void discardAccesses() { accesses_.clear(); }
  // The interrupt request at an edge where the RTL decides what to do next (an instruction
  // boundary): the fast core's next step sees the same.
  void decision(const InterruptRequest& r) { env_.request = r; }
  // An instruction retired or a trap was entered at the last edge: the fast core follows at the
  // next boundary, when the RTL has made all of that step's accesses.
  void stepDue() { stepDue_ = true; }
  // At an RTL instruction boundary (`rtlCycles`: cycles run so far): the fast core follows and
  // the states are compared. Returns the report of the first difference, empty while they agree.
  std::string check(const ArchState& rtl, uint64_t rtlCycles);
  uint64_t instructionsChecked() const { return checked_; }

 private:
  struct Access {
    uint32_t addr;
    unsigned len;
    bool write;
    uint32_t value;
    bool error;
    uint32_t wait;
  };
  // The fast core's environment: fetch from memory, data from the RTL's accesses.
  struct ReplayEnv {
    static constexpr bool kReplayData = true;
    LockstepChecker* owner = nullptr;
    uint64_t cycles = 0;
    InterruptRequest request;
    const DmiWindow* tryDmi(uint64_t a, unsigned len, bool write) { return owner->dmi_(a, len, write); }
    bool busRead(uint32_t a, unsigned len, uint32_t& v, uint32_t pc, uint32_t& wait) {
      return owner->replay(a, len, false, v, wait);
    }
    bool busWrite(uint32_t a, unsigned len, uint32_t v, uint32_t pc, uint32_t& wait) {
      return owner->replay(a, len, true, v, wait);
    }
    bool fetchRead(uint32_t a, unsigned len, uint32_t& v) { return owner->peek_(a, len, v); }
    const InterruptRequest& interruptRequest() const { return request; }
    uint32_t heldTraps() const { return 0; }
    void trapHeld(uint32_t, uint32_t, uint32_t) {}
    void claimed(unsigned) {}
    void exceptionTaken(uint32_t, uint32_t, uint32_t, uint32_t) {}
    void selfLoop(uint32_t) {}
    void asleep(uint32_t) {}
  };
  bool replay(uint32_t addr, unsigned len, bool write, uint32_t& value, uint32_t& wait);
  std::string report(const std::string& what, const ArchState& rtl, const ArchState& fast) const;

  std::function<const DmiWindow*(uint64_t, unsigned, bool)> dmi_;
  std::function<bool(uint32_t, unsigned, uint32_t&)> peek_;
  iss::Hart hart_;
  ReplayEnv env_;
  std::deque<Access> accesses_;
  bool stepDue_ = false;
  std::string accessMismatch_;
  uint64_t checked_ = 0;
  // The last instructions the fast core executed (pc, encoding), oldest first.
  static constexpr size_t kTail = 16;
  std::array<std::pair<uint32_t, uint32_t>, kTail> tail_{};
  size_t tailCount_ = 0;
};

}  // namespace wtm::riscv
