#include "FastEngine.h"

#include <algorithm>
#include <cstring>

#include "common/Hex.h"

namespace wtm::riscv {

void FastEngine::run() {
  hart_.reset();
  if (startFrom) {
    importState(*startFrom);
    startFrom.reset();
  }
  if (core.switchPoint_.pc) switchPc_ = *core.switchPoint_.pc & ~1u;
  trapHoldsChanged();
  horizon = UINT64_MAX;
  capHorizon();
  if (debugger && haltAtReset) haltFor({});

  while (core.endReason_ == CoreEndReason::Running) {
    if (!hart_.sleeping()) {
      if (checks || observing) runUntilHorizon<true>();
      else runUntilHorizon<false>();
    }
    sync();
    takeRequests();
    if (core.stopRequested_) {
      core.endReason_ = CoreEndReason::StopRequested;
      break;
    }
    if (core.endReason_ != CoreEndReason::Running) break;
    if (switchDue()) {
      flushDeferred();
      core.switchRequested_ = true;
      return;  // RiscvCore::run continues on the RTL
    }
    if (pendingHalt) {
      const DebugHalt h = *pendingHalt;
      pendingHalt.reset();
      haltFor(h);
      continue;
    }
    if (wantHalt) {
      haltFor({});
      continue;
    }
    if (config.maxCycles && cycles + hart_.deferredCycles() >= config.maxCycles) {
      flushDeferred();
      core.endReason_ = CoreEndReason::CycleLimit;
      break;
    }
    if (hart_.sleeping()) sleepUntilWake();
  }
  if (core.syncHook_) core.syncHook_();
  sc_core::sc_stop();
}

template <bool kSlow>
void FastEngine::runUntilHorizon() {
  // Cycles an event deferred (iss/Hart.h): the run goes on, so they pass now.
  flushDeferred();
  capHorizonAtSwitch();
  while (cycles < horizon && !core.attention_.load(std::memory_order_relaxed)) {
    if (__builtin_expect(hart_.pc() == switchPc_, 0) && !hart_.sleeping()) return;
    if constexpr (kSlow) {
      if (checks && stopBeforeStep()) return;
      const uint64_t before = cycles;
      hart_.step<true>(*this);
      if (observing) observeStep(before);  // before afterEvent: deferred cycles are reported there
    } else {
      hart_.runFast(*this, horizon, core.attention_, switchPc_);
      // It hands back at the horizon, the switch point, an event, or an interrupt to take.
      if (!event_) {
        if (cycles >= horizon || core.attention_.load(std::memory_order_relaxed) || hart_.pc() == switchPc_) return;
        hart_.step<false>(*this);
      }
    }
    if (__builtin_expect(event_, 0) && !afterEvent()) return;
    if constexpr (kSlow) {
      if (checks && stopAfterStep()) return;
    }
  }
}

void FastEngine::flushDeferred() {
  const uint64_t n = hart_.deferredCycles();
  if (n == 0) return;
  if (observer) observer->edge(n, false, 0, 0, false);
  hart_.flushDeferred(*this);
}

bool FastEngine::afterEvent() {
  event_ = false;
  if (held_) {
    // The step did nothing: halt for the debugger, or run the instruction again and take it.
    held_ = false;
    return !decideHeldTrap(heldPc_, heldCause_, heldTval_);
  }
  if (!continueAfterEvent_ || core.endReason_ != CoreEndReason::Running || hart_.sleeping()) return false;
  flushDeferred();
  return true;
}

void FastEngine::trapHeld(uint32_t pc, uint32_t cause, uint32_t tval) {
  event_ = true;
  held_ = true;
  heldPc_ = pc;
  heldCause_ = cause;
  heldTval_ = tval;
}

void FastEngine::exceptionTaken(uint32_t pc, uint32_t cause, uint32_t tval, uint32_t handler) {
  event_ = true;
  Engine::exceptionTaken(pc);
  continueAfterEvent_ = reportEvent({CoreEvent::Kind::Trap, pc, cause, tval, handler}, hart_.interruptsEnabled());
}

void FastEngine::selfLoop(uint32_t pc) {
  event_ = true;
  continueAfterEvent_ = reportEvent({CoreEvent::Kind::SelfLoop, pc, 0, 0, pc}, hart_.interruptsEnabled());
}

void FastEngine::asleep(uint32_t pc) {
  event_ = true;
  continueAfterEvent_ = reportEvent({CoreEvent::Kind::Sleep, pc, 0, 0, hart_.pc()}, hart_.interruptsEnabled());
}

bool FastEngine::switchDue() {
  if (hart_.sleeping()) return false;
  if (hart_.pc() == switchPc_) return true;
  const auto& at = core.switchPoint_.time;
  return at && sc_core::sc_time_stamp() + localTime() >= *at;
}

void FastEngine::capHorizonAtSwitch() {
  const auto& at = core.switchPoint_.time;
  if (!at) return;
  const sc_core::sc_time now = sc_core::sc_time_stamp() + localTime();
  const uint64_t left = *at > now ? clock.cyclesCeil(*at - now) : 0;
  horizon = std::min(horizon, cycles + left);
}

bool FastEngine::stopBeforeStep() {
  if (hart_.sleeping()) return false;
  const uint32_t pc = hart_.pc();
  if (haltAtBreakpoint(pc)) return true;
  if (!points.anyWatchpoints()) return false;
  // The instruction's access, from its encoding and the registers as they are now.
  uint8_t bytes[4] = {};
  debugAccess(false, pc, bytes, 4);
  uint32_t raw = 0;
  std::memcpy(&raw, bytes, 4);
  const iss::PlannedAccess a = hart_.plannedAccess(raw);
  return a.any && haltAtWatchpoint(pc, a.address, a.length, a.write, a.readModifyWrite);
}

bool FastEngine::stopAfterStep() {
  const iss::StepRecord& r = hart_.lastStep();
  if (stepping && (r.retired || r.trapEntry)) {
    DebugHalt h;
    h.reason = DebugHalt::Reason::Step;
    pendingHalt = h;
    return true;
  }
  if (wantHalt) {
    pendingHalt = DebugHalt{};
    return true;
  }
  return false;
}

void FastEngine::observeStep(uint64_t cyclesBefore) {
  const iss::StepRecord& r = hart_.lastStep();
  if (std::FILE* t = config.trace) {
    const auto at = static_cast<unsigned long long>(r.firstEdge);
    if (r.claimed) std::fprintf(t, "%12llu  interrupt %u taken\n", at, r.claimId);
    if (r.exception) std::fprintf(t, "%12llu  exception mcause %u at %08x, mtval %08x\n", at, r.cause, r.pc, r.tval);
    else if (r.retired) std::fprintf(t, "%12llu  %08x  %08x\n", at, r.pc, r.insn);
  }
  if (observer) observer->edge(cycles - cyclesBefore, r.retired, r.pc, r.insn, r.trapEntry);
}

void FastEngine::sleepUntilWake() {
  uint64_t slept = 0;
  if (waitInWfi(hart_.pc(), slept) != WfiOutcome::Account) return;
  // The sleep's edge stands for the cycles slept (at least one); the refetch follows.
  const uint64_t n = slept > 0 ? slept : 1;
  cycles += n;
  if (observer) observer->slept(n);
  if (core.request_.valid) {
    hart_.wake();
    hart_.deferCycles(1);
  }
  restartQuantum();
  if (config.maxCycles && cycles >= config.maxCycles && !core.request_.valid)
    core.endReason_ = CoreEndReason::CycleLimit;
}

bool FastEngine::readRegister(DebugRegister reg, uint32_t& value) {
  switch (reg.space) {
    case DebugRegister::Space::Gpr:
      if (reg.index >= 32) return false;
      value = reg.index == 0 ? 0 : hart_.x(reg.index);
      return true;
    case DebugRegister::Space::Fpr:
      if (reg.index >= 32) return false;
      value = hart_.f(reg.index);
      return true;
    case DebugRegister::Space::Pc: value = hart_.pc(); return true;
    case DebugRegister::Space::Csr: return hart_.readCsr(reg.index, value, cycles);
  }
  return false;
}

bool FastEngine::writeRegister(DebugRegister reg, uint32_t value) {
  switch (reg.space) {
    case DebugRegister::Space::Gpr:
      if (reg.index >= 32) return false;
      if (reg.index != 0) hart_.x(reg.index) = value;
      return true;
    case DebugRegister::Space::Fpr:
      if (reg.index >= 32) return false;
      hart_.f(reg.index) = value;
      return true;
    case DebugRegister::Space::Pc: hart_.setPc(value); return true;
    case DebugRegister::Space::Csr: return hart_.writeCsr(reg.index, value, cycles);
  }
  return false;
}

}  // namespace wtm::riscv
