// The cycle loop of RiscvCore over one Verilated build of rtl/wtm_core.sv (`Model`: the plain
// build, or one with VCD / FST tracing). Each iteration serves the core's fetch and load/store
// ports (DMI or b_transport), clocks one edge and looks at what happened; the outer loop syncs
// with SystemC, sleeps through wfi in SystemC time and halts for the debugger.
#pragma once
#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>

#include "CoreEngine.h"
#include "common/Hex.h"
#include "common/Log.h"

// The Verilated headers expect sc_time_stamp in scope when SystemC is included first.
using sc_core::sc_time_stamp;
#include "RtlDebugPort.h"
#include "verilated.h"

namespace wtm::riscv {

// The waveform writer that goes with a Verilated build (void: a build without tracing).
template <class Model>
struct WaveWriterOf {
  using type = void;
};

// The model's evaluation without the per-call bookkeeping of eval() (thread message queues,
// mtask ids: unused by this single-threaded model without $display), which costs ~5 % of a run.
// Verilator-version specific, so only for the version it was checked with; eval() otherwise.
template <class Model>
struct FastEval {
  static void eval(Model& m) { m.eval(); }
};

template <class Model>
class RtlEngine final : public RiscvCore::Engine {
 public:
  explicit RtlEngine(RiscvCore& owner) : Engine(owner) {
    context_ = std::make_unique<VerilatedContext>();
    if constexpr (kTraced) context_->traceEverOn(true);
    m_ = std::make_unique<Model>(context_.get(), "core");
  }
  ~RtlEngine() override {
    if constexpr (kTraced)
      if (wave_) wave_->close();
  }

  void run() override;
  void applyInterruptRequest() override {
    const InterruptRequest& r = core.request_;
    m_->irq_valid = r.valid;
    m_->irq_id = static_cast<uint8_t>(r.id);
    m_->irq_level = static_cast<uint8_t>(r.level);
    m_->irq_shv = r.vectored;
  }
  uint64_t instructions() const override { return m_->instret_count; }
  uint32_t pc() const override { return m_->current_pc; }
  bool sleeping() const override { return m_->sleeping; }
  bool readRegister(DebugRegister reg, uint32_t& value) override;
  bool writeRegister(DebugRegister reg, uint32_t value) override;
  void memoryChanged(uint64_t address, size_t length) override;
  // While a held exception is being let through, nothing is held.
  void trapHoldsChanged() override { m_->dbg_hold_traps = deliverPending ? 0u : (holdAlways | holdUnhandled); }
  void resetRtl() override { reset(); }

 private:
  using WaveWriter = typename WaveWriterOf<Model>::type;
  static constexpr bool kTraced = !std::is_void_v<WaveWriter>;

  void reset();
  void openWaveform();
  void runUntilHorizon();
  // Inlined into the cycle loop: they run every cycle.
  [[gnu::always_inline]] inline void serveFetch(uint32_t& wait);
  [[gnu::always_inline]] inline void serveLoadStore(uint32_t pc, uint32_t& wait);
  [[gnu::always_inline]] inline void clockEdge(uint32_t skip) {
    m_->skip = skip;
    m_->clk = !m_->clk;  // every clock edge is a cycle (the RTL's registers take both edges)
    FastEval<Model>::eval(*m_);
  }
  void observeEdge(uint64_t n);
  // The core reported an event (trap, jump to itself, wfi); false when the run ends with it.
  bool coreEvent();
  // A held exception: halt for the debugger, or let the next edge take it. True to halt.
  bool trapHeld();
  // The held exception of the instruction at `pc` is taken the next time it comes.
  void letThrough(uint32_t pc);
  bool stopBeforeEdge();
  bool stopAfterEdge();
  void sleepUntilWake();
  void haltFor(DebugHalt halt);
  void idleForDebugger();
  bool debugEdge(uint8_t op, DebugRegister reg, uint32_t wdata, uint32_t& rdata);

  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Model> m_;
  std::unique_ptr<std::conditional_t<kTraced, WaveWriter, int>> wave_;
  bool restReported_ = false;
};

template <class Model>
void RtlEngine<Model>::reset() {
  Model& m = *m_;
  // Asynchronous; the clock does not move.
  m.clk = 0;
  m.rst_n = 1;  // a real falling edge: registers with non-zero reset values take them
  m.eval();
  m.rst_n = 0;
  m.eval();
  m.rst_n = 1;
  m.eval();
  trapHoldsChanged();
  m.eval();
}

template <class Model>
void RtlEngine<Model>::openWaveform() {
  if constexpr (kTraced) {
    wave_ = std::make_unique<WaveWriter>();
    m_->trace(wave_.get(), 99);
    wave_->open(config.waveform.file.c_str());
  }
}

template <class Model>
void RtlEngine<Model>::run() {
  Model& m = *m_;
  openWaveform();
  reset();
  horizon = UINT64_MAX;
  capHorizon();
  if (debugger && haltAtReset) haltFor({});

  while (core.endReason_ == CoreEndReason::Running) {
    if (!m.sleeping) runUntilHorizon();
    sync();
    m.eval();  // interrupt requests raised during the sync reach the core's outputs
    takeRequests();
    if (core.stopRequested_) {
      core.endReason_ = CoreEndReason::StopRequested;
      break;
    }
    if (core.endReason_ != CoreEndReason::Running) break;
    if (pendingHalt) {
      const DebugHalt h = *pendingHalt;
      pendingHalt.reset();
      haltFor(h);
      continue;
    }
    if (wantHalt && m.at_boundary) {
      haltFor({});
      continue;
    }
    if (config.maxCycles && cycles >= config.maxCycles) {
      core.endReason_ = CoreEndReason::CycleLimit;
      break;
    }
    if (m.sleeping) sleepUntilWake();
  }
  if constexpr (kTraced)
    if (wave_) wave_->flush();
  if (core.syncHook_) core.syncHook_();
  sc_core::sc_stop();
}

template <class Model>
void RtlEngine<Model>::runUntilHorizon() {
  Model& m = *m_;
  while (cycles < horizon && !core.attention_.load(std::memory_order_relaxed)) {
    if (checks && stopBeforeEdge()) return;
    uint32_t wait = 0;
    const uint32_t pc = m.current_pc;
    if (m.ifu_req) serveFetch(wait);
    if (m.lsu_req) serveLoadStore(pc, wait);
    m.bus_wait = wait;
    uint32_t skip = 0;
    if (config.fastForward && m.stall_left > 1) {
      skip = m.stall_left - 1;
      if (horizon != UINT64_MAX) skip = static_cast<uint32_t>(std::min<uint64_t>(skip, horizon - cycles - 1));
    }
    clockEdge(skip);
    if (m.event_valid && m.event_kind == RtlPkg::EVENT_TRAP_HELD) {
      if (trapHeld()) return;
      continue;  // the edge did nothing and took no time
    }
    cycles += 1 + skip;
    if (observing) observeEdge(1 + skip);
    if (m.claim_valid && core.claim_) core.claim_(m.claim_id);
    if (m.event_valid && !coreEvent()) return;
    if (checks && stopAfterEdge()) return;
    if (m.sleeping) return;
  }
}

template <class Model>
inline void RtlEngine<Model>::serveFetch(uint32_t& wait) {
  Model& m = *m_;
  // 32 bits at a halfword address; the upper half is only needed by a 32-bit instruction.
  const uint32_t a = m.ifu_addr;
  uint32_t word = 0;
  bool ok;
  if (const DmiWindow* w = tryDmi(a, 4, false)) {
    std::memcpy(&word, w->base + (a - w->start), 4);
    ok = true;
  } else {
    uint32_t lo = 0, hi = 0;
    ok = read(a, 2, lo, a, wait);
    if (ok && (lo & 3u) == 3u) ok = read(a + 2, 2, hi, a, wait);
    word = lo | (hi << 16);
  }
  m.ifu_rdata = word;
  m.ifu_err = !ok;
}

template <class Model>
inline void RtlEngine<Model>::serveLoadStore(uint32_t pc, uint32_t& wait) {
  Model& m = *m_;
  const uint32_t a = m.lsu_addr;
  const unsigned len = 1u << m.lsu_size;
  if ((a & (len - 1)) != 0 && !tryDmi(a, len, m.lsu_we)) {
    // Misaligned (mmisc_ctl.MISALIGN) across two memory windows: byte by byte. Misaligned
    // accesses to registers are refused with an access fault (no device expects them).
    uint32_t v = m.lsu_wdata;
    bool ok = true;
    for (unsigned i = 0; i < len && ok; ++i) {
      const DmiWindow* w = tryDmi(a + i, 1, m.lsu_we);
      ok = w != nullptr;
      if (!ok) break;
      uint8_t* byte = w->base + (a + i - w->start);
      if (m.lsu_we) *byte = static_cast<uint8_t>(v >> (8 * i));
      else v = (v & ~(0xFFu << (8 * i))) | (uint32_t{*byte} << (8 * i));
    }
    m.lsu_err = !ok;
    if (!m.lsu_we) m.lsu_rdata = v;
  } else if (m.lsu_we) {
    uint32_t v = m.lsu_wdata;
    bool ok;
    if (const DmiWindow* w = tryDmi(a, len, true)) {
      std::memcpy(w->base + (a - w->start), &v, len);
      ok = true;
    } else {
      ok = busAccess(a, len, true, v, pc, wait);
      capHorizon();
    }
    m.lsu_err = !ok;
  } else {
    uint32_t v = 0;
    m.lsu_err = !read(a, len, v, pc, wait);
    m.lsu_rdata = v;
  }
}

template <class Model>
void RtlEngine<Model>::observeEdge(uint64_t n) {
  Model& m = *m_;
  if (std::FILE* t = config.trace) {
    if (m.retire_valid)
      std::fprintf(t, "%12llu  %08x  %08x\n", static_cast<unsigned long long>(cycles), m.retire_pc, m.retire_insn);
    if (m.claim_valid)
      std::fprintf(t, "%12llu  interrupt %u taken\n", static_cast<unsigned long long>(cycles), m.claim_id);
    if (m.event_valid && m.event_kind == RtlPkg::EVENT_EXCEPTION)
      std::fprintf(t, "%12llu  exception mcause %u at %08x, mtval %08x\n", static_cast<unsigned long long>(cycles),
                   m.event_cause, m.event_pc, m.event_tval);
  }
  if (observer) observer->edge(n, m.retire_valid, m.retire_pc, m.retire_insn, m.trap_entry);
  if constexpr (kTraced) {
    const sc_core::sc_time t = sc_core::sc_time_stamp() + localTime();
    if (wave_ && t >= config.waveform.from && t <= config.waveform.to)
      wave_->dump(static_cast<uint64_t>(t.value()));
  }
}

template <class Model>
bool RtlEngine<Model>::coreEvent() {
  Model& m = *m_;
  CoreEvent ev{CoreEvent::Kind::Trap, m.event_pc, m.event_cause, m.event_tval, m.current_pc};
  if (m.event_kind == RtlPkg::EVENT_SELF_LOOP) ev.kind = CoreEvent::Kind::SelfLoop;
  if (m.event_kind == RtlPkg::EVENT_WFI) ev.kind = CoreEvent::Kind::Sleep;
  if (core.handler_) core.handler_(ev);
  if (ev.kind != CoreEvent::Kind::SelfLoop || core.endReason_ != CoreEndReason::Running) return true;
  // A connected debugger may still stop a loop that nothing else can end.
  if (debugger && debugger->attached()) return true;
  if (!m.irq_enabled) {
    core.haltDescription_ = "jump to itself at pc " + hex32(ev.pc) + " with interrupts disabled";
    core.endReason_ = CoreEndReason::Halted;
    return false;
  }
  if (!core.request_.valid && !sc_core::sc_pending_activity() && !core.externalActivity()) {
    core.haltDescription_ = "jump to itself at pc " + hex32(ev.pc) + " with nothing left that could interrupt it";
    core.endReason_ = CoreEndReason::Halted;
    return false;
  }
  return true;
}

template <class Model>
bool RtlEngine<Model>::trapHeld() {
  Model& m = *m_;
  const uint32_t cause = m.event_cause;
  // Held always, or only while the firmware has no handler.
  const bool halt = trapHaltsAlways(cause) || !trapHandlerInstalled();
  if (halt) {
    DebugHalt h;
    h.reason = DebugHalt::Reason::Trap;
    h.pc = m.event_pc;
    h.cause = cause;
    h.tval = m.event_tval;
    pendingHalt = h;
    return true;
  }
  letThrough(m.event_pc);
  return false;
}

template <class Model>
void RtlEngine<Model>::letThrough(uint32_t pc) {
  deliverPending = true;
  deliverPc = pc;
  trapHoldsChanged();
  updateChecks();
}

template <class Model>
bool RtlEngine<Model>::stopBeforeEdge() {
  Model& m = *m_;
  if (!m.insn_next) return false;
  const uint32_t pc = m.current_pc;
  // A single step executes the instruction it starts on, breakpoint or not.
  if (!stepping && points.anyBreakpoints() && points.hasBreakpoint(pc)) {
    DebugHalt h;
    h.reason = DebugHalt::Reason::Breakpoint;
    h.pc = pc;
    pendingHalt = h;
    return true;
  }
  if (points.anyWatchpoints() && m.lsu_req && m.at_boundary) {
    // An AMO's first access reads, and its write follows: it answers both kinds.
    const unsigned len = 1u << m.lsu_size;
    const bool writes = m.lsu_we || m.lsu_amo;
    auto hit = points.watchHit(m.lsu_addr, len, writes);
    if (!hit && m.lsu_amo) hit = points.watchHit(m.lsu_addr, len, false);
    if (hit) {
      // Before the access, as RISC-V triggers fire: the debugger steps over it and compares.
      DebugHalt h;
      h.reason = DebugHalt::Reason::Watchpoint;
      h.pc = pc;
      h.dataAddress = hit->address;
      h.access = hit->kind;
      pendingHalt = h;
      return true;
    }
  }
  return false;
}

template <class Model>
bool RtlEngine<Model>::stopAfterEdge() {
  Model& m = *m_;
  if (deliverPending && m.event_valid && m.event_kind == RtlPkg::EVENT_EXCEPTION && m.event_pc == deliverPc) {
    deliverPending = false;  // taken: holds apply again
    trapHoldsChanged();
    updateChecks();
  }
  if (stepping && (m.retire_valid || m.trap_entry)) {
    DebugHalt h;
    h.reason = DebugHalt::Reason::Step;
    pendingHalt = h;
    return true;
  }
  if (wantHalt && m.at_boundary) {
    pendingHalt = DebugHalt{};
    return true;
  }
  return false;
}

template <class Model>
void RtlEngine<Model>::sleepUntilWake() {
  Model& m = *m_;
  // wfi: let simulated time pass in SystemC until an interrupt is pending, then account for
  // the slept cycles in one RTL edge. A halt for the debugger interrupts the wait, not the sleep:
  // it goes on from where it was, so that the cycles come out as without the halt.
  if (!sleepOpen) {
    sleepStart = sc_core::sc_time_stamp();
    sleepOpen = true;
  }
  // Under a debugger the wait is cut in slices so that a halt request is seen while asleep.
  const sc_core::sc_time slice(1, sc_core::SC_MS);
  bool limitReached = false;
  while (!core.request_.valid && !core.stopRequested_ && !core.haltRequested_ && !wantHalt) {
    if (!sc_core::sc_pending_activity() && !core.externalActivity()) {
      if (debugger && debugger->attached()) {
        // Nothing can wake the core, but the debugger may stop it: wait for that in host time.
        idleForDebugger();
        continue;
      }
      core.haltDescription_ = "wfi at pc " + hex32(m.current_pc) + " with nothing left that could wake the core";
      core.endReason_ = CoreEndReason::Halted;
      break;
    }
    if (config.maxCycles) {
      const uint64_t left = config.maxCycles > cycles ? config.maxCycles - cycles : 0;
      const sc_core::sc_time limit = clock.cycles(left) - (sc_core::sc_time_stamp() - sleepStart);
      if (limit <= sc_core::SC_ZERO_TIME) {
        limitReached = true;
        break;
      }
      sc_core::wait(debugger ? std::min(limit, slice) : limit, core.interruptChanged_);
    } else if (debugger) {
      sc_core::wait(slice, core.interruptChanged_);
    } else {
      sc_core::wait(core.interruptChanged_);
    }
  }
  const bool waking = core.request_.valid;
  if (!waking && !limitReached && !core.stopRequested_ && core.endReason_ == CoreEndReason::Running) return;  // a halt
  if (core.endReason_ != CoreEndReason::Running) {
    closeSleep();
    return;
  }
  const uint64_t slept = sleptSoFar();
  sleepOpen = false;
  applyInterruptRequest();
  // Without a request (the run ends) the edge only accounts the cycles slept so far.
  m.bus_wait = 0;
  clockEdge(static_cast<uint32_t>(slept > 0 ? slept - 1 : 0));
  const uint64_t n = 1 + m.skip;
  cycles += n;
  if (observer) observer->slept(n);
  if constexpr (kTraced) {
    if (wave_) {
      const sc_core::sc_time t = sc_core::sc_time_stamp();
      if (t >= config.waveform.from && t <= config.waveform.to) wave_->dump(static_cast<uint64_t>(t.value()));
    }
  }
  restartQuantum();
  if (config.maxCycles && cycles >= config.maxCycles && !core.request_.valid)
    core.endReason_ = CoreEndReason::CycleLimit;
}

template <class Model>
void RtlEngine<Model>::idleForDebugger() {
  if (!restReported_) {
    restReported_ = true;
    log::warn("the firmware came to rest (wfi at pc ", hex32(m_->current_pc),
              " with nothing left that could wake the core); it waits for the debugger (interrupt it, or kill to end the run)");
  }
  while (debugger->attached() && !core.haltRequested_ && !core.stopRequested_)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

template <class Model>
void RtlEngine<Model>::haltFor(DebugHalt halt) {
  Model& m = *m_;
  if (!debugger) return;
  if (halt.reason != DebugHalt::Reason::Trap) halt.pc = m.current_pc;
  wantHalt = false;
  stepping = false;
  m.dbg_irq_mask = 0;
  core.haltRequested_ = false;  // this halt answers any request made before it
  const uint32_t pcBefore = m.current_pc;
  const DebugResume r = debugger->halted(halt);
  if (m.current_pc != pcBefore) {
    // The debugger moved the pc: an exception let through before is not coming, and a wfi
    // sleep it ended is accounted up to now.
    deliverPending = false;
    trapHoldsChanged();
    if (sleepOpen && !m.sleeping) closeSleep();
  }
  switch (r.kind) {
    case DebugResume::Kind::Continue: break;
    case DebugResume::Kind::Step:
      stepping = true;
      m.dbg_irq_mask = 1;  // step into the next instruction, not into a pending interrupt
      break;
    case DebugResume::Kind::EndRun:
      core.requestStop();
      core.endReason_ = CoreEndReason::StopRequested;
      break;
  }
  if (halt.reason == DebugHalt::Reason::Trap && r.deliverTrap) letThrough(halt.pc);
  takeRequests();  // also updates the checks
  m.eval();
  // Time did not move, but the debugger's writes may have scheduled activity.
  restartQuantum();
}

template <class Model>
bool RtlEngine<Model>::debugEdge(uint8_t op, DebugRegister reg, uint32_t wdata, uint32_t& rdata) {
  Model& m = *m_;
  uint32_t addr = 0;
  switch (reg.space) {
    case DebugRegister::Space::Gpr:
      if (reg.index >= 32) return false;
      addr = reg.index;
      break;
    case DebugRegister::Space::Fpr:
      if (reg.index >= 32) return false;
      addr = RtlPkg::DBG_ADDR_FPR + reg.index;
      break;
    case DebugRegister::Space::Pc: addr = RtlPkg::DBG_ADDR_PC; break;
    case DebugRegister::Space::Csr:
      if (reg.index >= 4096) return false;
      addr = RtlPkg::DBG_ADDR_CSR + reg.index;
      break;
  }
  return rtlDebugAccess(m, op, addr, wdata, rdata);
}

template <class Model>
bool RtlEngine<Model>::readRegister(DebugRegister reg, uint32_t& value) {
  return debugEdge(RtlPkg::DBG_OP_READ, reg, 0, value);
}

template <class Model>
bool RtlEngine<Model>::writeRegister(DebugRegister reg, uint32_t value) {
  uint32_t unused = 0;
  return debugEdge(RtlPkg::DBG_OP_WRITE, reg, value, unused);
}

template <class Model>
void RtlEngine<Model>::memoryChanged(uint64_t address, size_t length) {
  // Asleep, the core has fetched nothing yet.
  const uint64_t pc = m_->current_pc;
  if (!m_->sleeping && address < pc + 4 && pc < address + length)
    writeRegister(DebugRegister::pc(), static_cast<uint32_t>(pc));
}

}  // namespace wtm::riscv
