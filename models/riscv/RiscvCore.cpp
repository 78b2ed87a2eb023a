#include "RiscvCore.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>
#include <vector>

#include <tlm_utils/tlm_quantumkeeper.h>

#include "common/BusAccessInfo.h"
#include "common/Hex.h"

// The Verilated headers expect sc_time_stamp in scope when SystemC is included first.
using sc_core::sc_time_stamp;
#include "Vwtm_core.h"
#include "verilated.h"

namespace wtm::riscv {

namespace {

// A direct-memory window granted by a target: host pointer for [start, end].
struct DmiWindow {
  uint64_t start = 0;
  uint64_t end = 0;
  uint8_t* base = nullptr;  // host address of `start`
  bool readable = false;
  bool writable = false;
};

constexpr uint32_t kPageBits = 12;

}  // namespace

struct RiscvCore::Impl {
  std::unique_ptr<VerilatedContext> context;
  std::unique_ptr<Vwtm_core> rtl;
  tlm_utils::tlm_quantumkeeper quantum;
  tlm::tlm_generic_payload trans;
  BusAccessInfo accessInfo;
  uint8_t data[4] = {};

  std::vector<DmiWindow> dmi;
  size_t lastDmi = 0;
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

  sc_core::sc_time localTime() const { return localBase + period * static_cast<double>(cycles - baseCycles); }

  Impl() {
    context = std::make_unique<VerilatedContext>();
    rtl = std::make_unique<Vwtm_core>(context.get(), "core");
    trans.set_extension(&accessInfo);
  }
  ~Impl() { trans.clear_extension(&accessInfo); }

  const DmiWindow* findDmi(uint64_t addr, unsigned len) {
    if (lastDmi < dmi.size()) {
      const DmiWindow& w = dmi[lastDmi];
      if (addr >= w.start && addr + len - 1 <= w.end) return &w;
    }
    for (size_t i = 0; i < dmi.size(); ++i) {
      const DmiWindow& w = dmi[i];
      if (addr >= w.start && addr + len - 1 <= w.end) {
        lastDmi = i;
        return &w;
      }
    }
    return nullptr;
  }
};

RiscvCore::RiscvCore(sc_core::sc_module_name name, ClockDomain& clock, const Config& config)
    : sc_core::sc_module(name), bus("bus"), clock_(clock), config_(config), impl_(std::make_unique<Impl>()) {
  bus.register_invalidate_direct_mem_ptr(this, &RiscvCore::invalidate_direct_mem_ptr);
  tlm_utils::tlm_quantumkeeper::set_global_quantum(config_.quantum);
  impl_->period = clock.period();
  clock.onChange([this](const ClockDomain& c) {
    impl_->localBase = impl_->localTime();
    impl_->baseCycles = impl_->cycles;
    impl_->period = c.period();
  });
  SC_HAS_PROCESS(RiscvCore);
  SC_THREAD(run);
}

RiscvCore::~RiscvCore() = default;

void RiscvCore::setInterruptRequest(const InterruptRequest& request) {
  if (request == request_) return;
  request_ = request;
  applyInterruptRequest();
  interruptChanged_.notify(sc_core::SC_ZERO_TIME);
}

void RiscvCore::applyInterruptRequest() {
  Vwtm_core& m = *impl_->rtl;
  m.irq_valid = request_.valid;
  m.irq_id = static_cast<uint8_t>(request_.id);
  m.irq_level = static_cast<uint8_t>(request_.level);
  m.irq_shv = request_.vectored;
}

uint64_t RiscvCore::cycles() const {
  uint64_t c = impl_->cycles;
  if (sleeping() && endReason_ == CoreEndReason::Running) c += clock_.cyclesCeil(sc_core::sc_time_stamp() - impl_->sleepStart);
  return c;
}
uint64_t RiscvCore::instructions() const { return impl_->rtl->instret_count; }
uint32_t RiscvCore::pc() const { return impl_->rtl->current_pc; }
bool RiscvCore::sleeping() const { return impl_->rtl->sleeping; }

void RiscvCore::noteSimulationStarved() {
  if (endReason_ != CoreEndReason::Running || !sleeping() || sc_core::sc_pending_activity() || externalActivity())
    return;
  impl_->cycles += clock_.cyclesCeil(sc_core::sc_time_stamp() - impl_->sleepStart);
  haltDescription_ = "wfi at pc " + hex32(pc()) + " with nothing left that could wake the core";
  endReason_ = CoreEndReason::Halted;
}

void RiscvCore::invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end) {
  auto& d = impl_->dmi;
  d.erase(std::remove_if(d.begin(), d.end(), [&](const DmiWindow& w) { return w.start <= end && w.end >= start; }),
          d.end());
  impl_->lastDmi = 0;
  impl_->noDmiPages.clear();
}

void RiscvCore::run() {
  Impl& s = *impl_;
  Vwtm_core& m = *s.rtl;
  const auto period = clock_.period();

  auto localTime = [&]() { return s.localTime(); };

  // Next cycle at which the core must hand control back to SystemC.
  auto capHorizon = [&]() {
    const sc_core::sc_time local = localTime();
    const sc_core::sc_time pending = sc_core::sc_time_to_pending_activity();
    uint64_t h = s.syncedCycles + clock_.cyclesCeil(config_.quantum);
    if (pending <= local) {
      h = s.cycles;
    } else {
      h = std::min(h, s.cycles + std::max<uint64_t>(1, clock_.cyclesCeil(pending - local)));
    }
    if (config_.maxCycles) h = std::min(h, config_.maxCycles);
    s.horizon = std::min(s.horizon, h);
  };
  auto sync = [&]() {
    s.quantum.set(localTime());
    s.quantum.sync();
    s.syncedCycles = s.cycles;
    s.localBase = sc_core::SC_ZERO_TIME;
    s.baseCycles = s.cycles;
    s.horizon = UINT64_MAX;
    capHorizon();
    if (syncHook_) syncHook_();
  };

  // Try DMI for a page the first time it is touched; fall back to b_transport otherwise.
  auto tryDmi = [&](uint64_t addr, unsigned len, bool write) -> const DmiWindow* {
    if (const DmiWindow* w = s.findDmi(addr, len)) return (write ? w->writable : w->readable) ? w : nullptr;
    const uint32_t page = static_cast<uint32_t>(addr >> kPageBits);
    if (s.noDmiPages.count(page)) return nullptr;
    tlm::tlm_dmi dmi;
    s.trans.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    s.trans.set_address(addr);
    s.trans.set_data_length(len);
    if (bus->get_direct_mem_ptr(s.trans, dmi) && dmi.get_dmi_ptr()) {
      DmiWindow w;
      w.start = dmi.get_start_address();
      w.end = dmi.get_end_address();
      w.base = dmi.get_dmi_ptr();
      w.readable = dmi.is_read_allowed();
      w.writable = dmi.is_write_allowed();
      s.dmi.push_back(w);
      s.lastDmi = s.dmi.size() - 1;
      const DmiWindow& added = s.dmi.back();
      if (addr >= added.start && addr + len - 1 <= added.end) return (write ? added.writable : added.readable) ? &added : nullptr;
      return nullptr;
    }
    s.noDmiPages.insert(page);
    return nullptr;
  };

  // Bus access through b_transport; returns false on a TLM error. Adds the target's latency
  // to `wait` (in cycles).
  auto busAccess = [&](uint64_t addr, unsigned len, bool write, uint32_t& value, uint32_t pc, uint32_t& wait) {
    s.trans.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    s.trans.set_address(addr);
    s.trans.set_data_ptr(s.data);
    s.trans.set_data_length(len);
    s.trans.set_streaming_width(len);
    s.trans.set_byte_enable_ptr(nullptr);
    s.trans.set_dmi_allowed(false);
    s.trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    s.accessInfo.pc = pc;
    if (write) std::memcpy(s.data, &value, len);
    const sc_core::sc_time before = localTime();
    sc_core::sc_time delay = before;
    bus->b_transport(s.trans, delay);
    if (delay > before) wait += static_cast<uint32_t>(clock_.cyclesCeil(delay - before));
    if (s.trans.is_dmi_allowed()) s.noDmiPages.erase(static_cast<uint32_t>(addr >> kPageBits));
    if (s.trans.is_response_error()) return false;
    if (!write) {
      value = 0;
      std::memcpy(&value, s.data, len);
    }
    return true;
  };

  auto read = [&](uint64_t addr, unsigned len, uint32_t& value, uint32_t pc, uint32_t& wait) -> bool {
    if (const DmiWindow* w = tryDmi(addr, len, false)) {
      value = 0;
      std::memcpy(&value, w->base + (addr - w->start), len);
      return true;
    }
    const bool ok = busAccess(addr, len, false, value, pc, wait);
    capHorizon();
    return ok;
  };

  // ---- reset (asynchronous; the clock does not move)
  m.clk = 0;
  m.rst_n = 1;  // a real falling edge: registers with non-zero reset values take them
  m.eval();
  m.rst_n = 0;
  m.eval();
  m.rst_n = 1;
  m.eval();
  s.horizon = UINT64_MAX;
  capHorizon();

  while (endReason_ == CoreEndReason::Running) {
    while (s.cycles < s.horizon && !stopRequested_) {
      uint32_t wait = 0;
      const uint32_t pc = m.current_pc;
      if (m.ifu_req) {
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
      if (m.lsu_req) {
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
      m.bus_wait = wait;
      uint32_t skip = 0;
      if (config_.fastForward && m.stall_left > 1) {
        skip = m.stall_left - 1;
        if (s.horizon != UINT64_MAX) skip = static_cast<uint32_t>(std::min<uint64_t>(skip, s.horizon - s.cycles - 1));
      }
      m.skip = skip;
      m.clk = !m.clk;  // every clock edge is a cycle (the RTL's registers take both edges)
      m.eval();
      s.cycles += 1 + skip;

      if (config_.trace) {
        if (m.retire_valid)
          std::fprintf(config_.trace, "%12llu  %08x  %08x\n", static_cast<unsigned long long>(s.cycles), m.retire_pc,
                       m.retire_insn);
        if (m.claim_valid)
          std::fprintf(config_.trace, "%12llu  interrupt %u taken\n", static_cast<unsigned long long>(s.cycles),
                       m.claim_id);
        if (m.event_valid && m.event_kind == 1)
          std::fprintf(config_.trace, "%12llu  exception mcause %u at %08x, mtval %08x\n",
                       static_cast<unsigned long long>(s.cycles), m.event_cause, m.event_pc, m.event_tval);
      }
      if (m.claim_valid && claim_) claim_(m.claim_id);
      if (m.event_valid) {
        CoreEvent ev{CoreEvent::Kind::Trap, m.event_pc, m.event_cause, m.event_tval};
        if (m.event_kind == 2) ev.kind = CoreEvent::Kind::SelfLoop;
        if (m.event_kind == 3) ev.kind = CoreEvent::Kind::Sleep;
        if (handler_) handler_(ev);
        if (ev.kind == CoreEvent::Kind::SelfLoop && endReason_ == CoreEndReason::Running) {
          if (!m.irq_enabled) {
            haltDescription_ = "jump to itself at pc " + hex32(ev.pc) + " with interrupts disabled";
            endReason_ = CoreEndReason::Halted;
            break;
          }
          if (!request_.valid && !sc_core::sc_pending_activity() && !externalActivity()) {
            haltDescription_ = "jump to itself at pc " + hex32(ev.pc) + " with nothing left that could interrupt it";
            endReason_ = CoreEndReason::Halted;
            break;
          }
        }
      }
      if (m.sleeping) break;
    }

    sync();
    if (stopRequested_) {
      endReason_ = CoreEndReason::StopRequested;
      break;
    }
    if (endReason_ != CoreEndReason::Running) break;
    if (config_.maxCycles && s.cycles >= config_.maxCycles) {
      endReason_ = CoreEndReason::CycleLimit;
      break;
    }

    if (m.sleeping) {
      // wfi: let simulated time pass in SystemC until an interrupt is pending, then account
      // for the slept cycles in one RTL edge.
      s.sleepStart = sc_core::sc_time_stamp();
      while (!request_.valid && !stopRequested_) {
        if (!sc_core::sc_pending_activity() && !externalActivity()) {
          haltDescription_ = "wfi at pc " + hex32(m.current_pc) + " with nothing left that could wake the core";
          endReason_ = CoreEndReason::Halted;
          break;
        }
        if (config_.maxCycles) {
          const uint64_t left = config_.maxCycles > s.cycles ? config_.maxCycles - s.cycles : 0;
          const sc_core::sc_time limit = clock_.cycles(left) - (sc_core::sc_time_stamp() - s.sleepStart);
          if (limit <= sc_core::SC_ZERO_TIME) break;
          sc_core::wait(limit, interruptChanged_);
        } else {
          sc_core::wait(interruptChanged_);
        }
      }
      const uint64_t slept = clock_.cyclesCeil(sc_core::sc_time_stamp() - s.sleepStart);
      if (endReason_ != CoreEndReason::Running) {
        s.cycles += slept;
        break;
      }
      applyInterruptRequest();
      m.skip = static_cast<uint32_t>(slept > 0 ? slept - 1 : 0);
      m.bus_wait = 0;
      m.clk = !m.clk;
      m.eval();
      s.cycles += 1 + m.skip;
      s.syncedCycles = s.cycles;
      s.localBase = sc_core::SC_ZERO_TIME;
      s.baseCycles = s.cycles;
      s.horizon = UINT64_MAX;
      capHorizon();
      if (config_.maxCycles && s.cycles >= config_.maxCycles && !request_.valid) {
        endReason_ = CoreEndReason::CycleLimit;
        break;
      }
    }
  }
  (void)period;
  if (syncHook_) syncHook_();
  sc_core::sc_stop();
}

}  // namespace wtm::riscv
