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

#include "CoreCsrs.h"
#include "CoreEngine.h"
#include "LockstepChecker.h"
#include "iss/CsrLayout.h"
#include "common/Hex.h"
#include "common/Log.h"

// The Verilated headers expect sc_time_stamp in scope when SystemC is included first.
using sc_core::sc_time_stamp;
#include "LockstepRtlState.h"
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
    if constexpr (kLockstep)
      lockstep_ = std::make_unique<LockstepChecker>(
          [this](uint64_t a, unsigned len, bool write) { return tryDmi(a, len, write); },
          [this](uint32_t a, unsigned len, uint32_t& v) {
            uint8_t bytes[4] = {};
            const bool ok = debugAccess(false, a, bytes, len) == len;
            v = 0;
            std::memcpy(&v, bytes, len);
            return ok;
          });
  }
  ~RtlEngine() override {
    if constexpr (kTraced)
      if (wave_) wave_->close();
  }

  void run() override;
  void applyInterruptRequest() override {
    // A request raised by this cycle's own access (a store to the interrupt controller) reaches
    // the core after the edge: the instruction that made it completes first.
    if (serving_) {
      requestDeferred_ = true;
      return;
    }
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
  void setStepMask(bool masked) override { m_->dbg_irq_mask = masked; }
  ArchState exportState() override;
  uint64_t lockstepChecked() const override { return lockstep_ ? lockstep_->instructionsChecked() : 0; }
  void importState(const ArchState& state) override;
  void debuggerDone() override { m_->eval(); }

 private:
  using WaveWriter = typename WaveWriterOf<Model>::type;
  static constexpr bool kTraced = !std::is_void_v<WaveWriter>;
  static constexpr bool kLockstep = std::is_same_v<Model, Vwtm_core_lockstep>;

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
  bool stopBeforeEdge();
  bool stopAfterEdge();
  void sleepUntilWake();
  bool debugEdge(uint8_t op, DebugRegister reg, uint32_t wdata, uint32_t& rdata);

  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Model> m_;
  std::unique_ptr<std::conditional_t<kTraced, WaveWriter, int>> wave_;
  std::unique_ptr<LockstepChecker> lockstep_;  // the lockstep build only
  bool serving_ = false;                       // the cycle loop serves the ports: requests wait for the edge
  bool requestDeferred_ = false;
  // Lockstep: at an instruction boundary the fast core catches up and the states are compared;
  // false (the run ends) when they differ.
  bool lockstepBoundary();
};

template <class Model>
void RtlEngine<Model>::reset() {
  rtlReset(*m_);
  trapHoldsChanged();
  m_->eval();
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
  if (startFrom) {
    importState(*startFrom);
    startFrom.reset();
  }
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
    if constexpr (kLockstep) {
      if (m.insn_next && m.at_boundary && !lockstepBoundary()) return;
    }
    uint32_t wait = 0;
    const uint32_t pc = m.current_pc;
    serving_ = true;
    if (m.ifu_req) serveFetch(wait);
    if (m.lsu_req) {
      if constexpr (kLockstep) {
        const uint32_t before = wait;
        serveLoadStore(pc, wait);
        lockstep_->access(m.lsu_addr, 1u << m.lsu_size, m.lsu_we, m.lsu_we ? m.lsu_wdata : m.lsu_rdata, m.lsu_err,
                          wait - before);
      } else {
        serveLoadStore(pc, wait);
      }
    }
    serving_ = false;
    m.bus_wait = wait;
    // Fast-forward: an edge that only waits stands for the whole wait, and an instruction that
    // fetches its successor in its own edge also for its remaining cycles (not when its access
    // faulted: that edge traps instead). Never past the horizon.
    uint32_t skip = 0;
    if (config.fastForward) {
      if (m.stall_left > 1) skip = m.stall_left - 1;
      else if (m.absorbable && !(m.lsu_req && m.lsu_err)) skip = m.absorbable;
      if (skip && horizon != UINT64_MAX) skip = static_cast<uint32_t>(std::min<uint64_t>(skip, horizon - cycles - 1));
    }
    clockEdge(skip);
    if (requestDeferred_) {
      requestDeferred_ = false;
      applyInterruptRequest();
      m.eval();
    }
    if (m.event_valid && m.event_kind == RtlPkg::EVENT_TRAP_HELD) {
      if constexpr (kLockstep) lockstep_->discardAccesses();
      if (decideHeldTrap(m.event_pc, m.event_cause, m.event_tval)) return;
      continue;  // the edge did nothing and took no time
    }
    cycles += 1 + skip;
    if constexpr (kLockstep) {
      if (m.retire_valid || m.trap_entry) lockstep_->stepDue();
    }
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
    // Stamped with the edge's first cycle: an edge may also stand for the cycles after it.
    const auto at = static_cast<unsigned long long>(cycles - n + 1);
    if (m.retire_valid) std::fprintf(t, "%12llu  %08x  %08x\n", at, m.retire_pc, m.retire_insn);
    if (m.claim_valid) std::fprintf(t, "%12llu  interrupt %u taken\n", at, m.claim_id);
    if (m.event_valid && m.event_kind == RtlPkg::EVENT_EXCEPTION)
      std::fprintf(t, "%12llu  exception mcause %u at %08x, mtval %08x\n", at, m.event_cause, m.event_pc, m.event_tval);
  }
  if (observer) observer->edge(n, m.retire_valid, m.retire_pc, m.retire_insn, m.trap_entry);
  if constexpr (kTraced) {
    const sc_core::sc_time t = sc_core::sc_time_stamp() + localTime();
    if (wave_ && t >= config.waveform.from && t <= config.waveform.to) wave_->dump(static_cast<uint64_t>(t.value()));
  }
}

template <class Model>
bool RtlEngine<Model>::coreEvent() {
  Model& m = *m_;
  CoreEvent ev{CoreEvent::Kind::Trap, m.event_pc, m.event_cause, m.event_tval, m.current_pc};
  if (m.event_kind == RtlPkg::EVENT_SELF_LOOP) ev.kind = CoreEvent::Kind::SelfLoop;
  if (m.event_kind == RtlPkg::EVENT_WFI) ev.kind = CoreEvent::Kind::Sleep;
  return reportEvent(ev, m.irq_enabled);
}

template <class Model>
bool RtlEngine<Model>::stopBeforeEdge() {
  Model& m = *m_;
  if (!m.insn_next) return false;
  const uint32_t pc = m.current_pc;
  if (haltAtBreakpoint(pc)) return true;
  // An AMO's first access reads, and its write follows.
  return points.anyWatchpoints() && m.lsu_req && m.at_boundary &&
         haltAtWatchpoint(pc, m.lsu_addr, 1u << m.lsu_size, m.lsu_we, m.lsu_amo);
}

template <class Model>
bool RtlEngine<Model>::stopAfterEdge() {
  Model& m = *m_;
  if (m.event_valid && m.event_kind == RtlPkg::EVENT_EXCEPTION) exceptionTaken(m.event_pc);
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
  // wfi: simulated time passes in SystemC; then one RTL edge accounts for the slept cycles.
  uint64_t slept = 0;
  if (waitInWfi(m.current_pc, slept) != WfiOutcome::Account) return;
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

namespace wtm::riscv {

template <class Model>
bool RtlEngine<Model>::lockstepBoundary() {
  Model& m = *m_;
  const std::string divergence = lockstep_->check(lockstepRtlState(m), cycles);
  if (!divergence.empty()) {
    core.haltDescription_ = divergence;
    core.endReason_ = CoreEndReason::Diverged;
    return false;
  }
  // What the RTL sees at this edge decides its next step: the fast core's sees the same.
  InterruptRequest r;
  r.valid = m.irq_valid;
  r.id = m.irq_id;
  r.level = m.irq_level;
  r.vectored = m.irq_shv;
  lockstep_->decision(r);
  return true;
}

template <class Model>
ArchState RtlEngine<Model>::exportState() {
  auto reg = [&](uint32_t addr) {
    uint32_t v = 0;
    rtlDebugAccess(*m_, RtlPkg::DBG_OP_READ, addr, 0, v);
    return v;
  };
  auto csrValue = [&](unsigned n) { return reg(RtlPkg::DBG_ADDR_CSR + n); };
  ArchState s;
  for (unsigned i = 1; i < 32; ++i) s.x[i] = reg(i);
  for (unsigned i = 0; i < 32; ++i) s.f[i] = reg(RtlPkg::DBG_ADDR_FPR + i);
  s.pc = reg(RtlPkg::DBG_ADDR_PC);
  s.mtvec = csrValue(csr::mtvec);
  iss::setMstatus(s, csrValue(csr::mstatus));
  iss::setMcause(s, csrValue(csr::mcause), iss::eclicMode(s));
  iss::setMsubm(s, csrValue(csr::msubm));
  s.fflags = static_cast<uint8_t>(csrValue(csr::fflags));
  s.frm = static_cast<uint8_t>(csrValue(csr::frm));
  s.mscratch = csrValue(csr::mscratch);
  s.mepc = csrValue(csr::mepc);
  s.mtval = csrValue(csr::mtval);
  s.mieBits = csrValue(csr::mie);
  s.mil = static_cast<uint8_t>(reg(RtlPkg::DBG_ADDR_MIL));
  s.mtvt = csrValue(csr::mtvt);
  s.mtvt2 = csrValue(csr::mtvt2);
  s.mmiscCtl = csrValue(csr::mmisc_ctl);
  s.wfe = csrValue(csr::wfe);
  s.sleepValue = csrValue(csr::sleepvalue);
  s.txevt = csrValue(csr::txevt);
  s.ucodeOv = csrValue(csr::ucode);
  s.mcountinhibit = static_cast<uint8_t>(csrValue(csr::mcountinhibit));
  s.mcycle = (uint64_t{csrValue(csr::mcycleh)} << 32) | csrValue(csr::mcycle);
  s.minstret = (uint64_t{csrValue(csr::minstreth)} << 32) | csrValue(csr::minstret);
  s.resvValid = reg(RtlPkg::DBG_ADDR_RESV) & 1u;
  s.resvAddr = reg(RtlPkg::DBG_ADDR_RESV_ADDR);
  return s;
}

template <class Model>
void RtlEngine<Model>::importState(const ArchState& s) {
  auto set = [&](uint32_t addr, uint32_t v) {
    uint32_t unused = 0;
    rtlDebugAccess(*m_, RtlPkg::DBG_OP_WRITE, addr, v, unused);
  };
  auto setCsr = [&](unsigned n, uint32_t v) { set(RtlPkg::DBG_ADDR_CSR + n, v); };
  for (unsigned i = 1; i < 32; ++i) set(i, s.x[i]);
  for (unsigned i = 0; i < 32; ++i) set(RtlPkg::DBG_ADDR_FPR + i, s.f[i]);
  // mcause's ECLIC fields (MINHV, MPIL) are written in ECLIC mode only; fcsr marks FS dirty, so
  // mstatus comes after both.
  setCsr(csr::mtvec, 3u);
  setCsr(csr::mcause, iss::mcauseValue(s, true));
  setCsr(csr::mtvec, s.mtvec);
  setCsr(csr::fcsr, (uint32_t{s.frm} << 5) | s.fflags);
  setCsr(csr::mstatus, iss::mstatusValue(s));
  setCsr(csr::msubm, iss::msubmValue(s));
  setCsr(csr::mscratch, s.mscratch);
  setCsr(csr::mepc, s.mepc);
  setCsr(csr::mtval, s.mtval);
  setCsr(csr::mie, s.mieBits);
  setCsr(csr::mtvt, s.mtvt);
  setCsr(csr::mtvt2, s.mtvt2);
  setCsr(csr::mmisc_ctl, s.mmiscCtl);
  setCsr(csr::wfe, s.wfe);
  setCsr(csr::sleepvalue, s.sleepValue);
  setCsr(csr::txevt, s.txevt);
  setCsr(csr::ucode, s.ucodeOv);
  setCsr(csr::mcountinhibit, s.mcountinhibit);
  setCsr(csr::mcycle, static_cast<uint32_t>(s.mcycle));
  setCsr(csr::mcycleh, static_cast<uint32_t>(s.mcycle >> 32));
  setCsr(csr::minstret, static_cast<uint32_t>(s.minstret));
  setCsr(csr::minstreth, static_cast<uint32_t>(s.minstret >> 32));
  set(RtlPkg::DBG_ADDR_MIL, s.mil);
  set(RtlPkg::DBG_ADDR_PC, s.pc);  // a new pc drops the reservation: restore it after
  set(RtlPkg::DBG_ADDR_RESV_ADDR, s.resvAddr);
  set(RtlPkg::DBG_ADDR_RESV, s.resvValid);
}

}  // namespace wtm::riscv
