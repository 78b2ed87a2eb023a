// The fast core: an instruction-set simulator of exactly the ISA rtl/wtm_core.sv implements
// (RV32IMAFC, machine mode, the Nuclei ECLIC interface and CSRs, the vendor DSP words), charging
// every instruction the cycles of the RTL's cost table (CoreParams.h, generated from the RTL
// package), so that mcycle and simulated time follow the RTL.
//
// Speed: instructions are decoded once into a cache of 4 KB code pages, each slot checked
// against the bits in memory before use (so writes to code by stores, DMA or a debugger need no
// invalidation and fence.i needs no work); memory with a direct pointer is accessed without the
// bus. Everything else — MMIO, interrupts, events — goes through the environment `Env` given to
// step(), which the SystemC engine (FastEngine) and the tests provide:
//
//   uint64_t cycles;                                      core cycles so far (the hart adds to it)
//   const DmiWindow* tryDmi(uint64_t a, unsigned len, bool write);
//   bool busRead(uint32_t a, unsigned len, uint32_t& v, uint32_t pc, uint32_t& wait);
//   bool busWrite(uint32_t a, unsigned len, uint32_t v, uint32_t pc, uint32_t& wait);
//   const InterruptRequest& interruptRequest();
//   uint32_t heldTraps();                                 bit n: hold exceptions of cause n
//   void trapHeld(uint32_t pc, uint32_t cause, uint32_t tval);
//   void claimed(unsigned id);
//   void exceptionTaken(uint32_t pc, uint32_t cause, uint32_t tval, uint32_t handler);
//   void selfLoop(uint32_t pc);
//   void asleep(uint32_t pc);
//   static constexpr bool kReplayData (optional, default false): every data access goes to
//   busRead/busWrite, also those a direct pointer could serve (lockstep replays the RTL's);
//   such an environment also has bool fetchRead(uint32_t a, unsigned len, uint32_t& v) for
//   instructions outside direct memory.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>
#include <unordered_map>

#include "../CoreCsrs.h"
#include "../CoreParams.h"
#include "../DmiWindow.h"
#include "../ExceptionCause.h"
#include "../InterruptRequest.h"
#include "ArchState.h"
#include "CsrLayout.h"
#include "Decoder.h"
#include "Dsp.h"
#include "fpu/Float32.h"

namespace wtm::riscv::iss {

template <class Env, class = void>
struct ReplaysData : std::false_type {};
template <class Env>
struct ReplaysData<Env, std::void_t<decltype(Env::kReplayData)>> : std::bool_constant<Env::kReplayData> {};

// What the last step did, for traces and profiles (filled only by step<true>).
struct StepRecord {
  bool retired = false;
  uint32_t pc = 0;
  uint32_t insn = 0;  // the encoding (the low half of a compressed one)
  bool trapEntry = false;
  bool exception = false;  // an exception was taken (cause/tval below)
  uint32_t cause = 0, tval = 0;
  bool claimed = false;
  unsigned claimId = 0;
  uint64_t firstEdge = 0;  // cycles after the instruction's first clock edge
};

// The data access an instruction is about to make (for watchpoints).
struct PlannedAccess {
  bool any = false;
  uint32_t address = 0;
  unsigned length = 0;
  bool write = false;
  bool readModifyWrite = false;  // an AMO: reads, then writes
};

class Hart {
 public:
  Hart();

  // Reset: pc 0, CSRs at their reset values; the register files keep their contents (as on the chip).
  void reset();

  // Executes one instruction, or takes an interrupt or exception at this boundary. Cycles of an
  // instruction that reported an event (trap, self-loop) after its first edge are added at the
  // next call (flushDeferred), so that a run ending at the event counts what the RTL counts.
  template <bool kRecord, class Env>
  inline void step(Env& env);
  // Runs instructions, fast, until env.cycles reaches `limit`, an instruction reported an event
  // (trap, wfi, jump to itself, held exception), an interrupt is to be taken (left to step()),
  // `stop` is set, or the next instruction is at `stopPc`. No per-step record. The interrupt
  // request is not looked at before every instruction: the environment lowers `limit` to the
  // current cycle when a valid request arrives.
  template <class Env>
  void runFast(Env& env, const uint64_t& limit, const std::atomic<bool>& stop, uint32_t stopPc);
  template <class Env>
  void flushDeferred(Env& env) {
    env.cycles += deferred_;
    deferred_ = 0;
  }
  uint64_t deferredCycles() const { return deferred_; }
  void deferCycles(uint64_t n) { deferred_ += n; }

  bool sleeping() const { return sleeping_; }
  // Ends a wfi sleep (the engine has accounted the slept cycles and the refetch).
  void wake() { sleeping_ = false; }
  uint32_t pc() const { return s_.pc; }
  uint64_t instructions() const { return s_.minstret; }
  bool interruptsEnabled() const { return s_.mie; }
  // Single-stepping: interrupts are not taken (they still end wfi).
  void setInterruptMask(bool masked) {
    irqMask_ = masked;
    updateIrqArmed();
  }
  const StepRecord& lastStep() const { return record_; }
  // The data access of the instruction `raw` (its first bytes) if it executed now.
  PlannedAccess plannedAccess(uint32_t raw) const;

  // ---- state, for debuggers, switching cores and lockstep
  // The architectural state at `cycles` (mcycle included).
  ArchState state(uint64_t cycles) const;
  void setState(const ArchState& st, uint64_t cycles);
  bool readCsr(unsigned number, uint32_t& value, uint64_t cycles) const;
  // A debugger's write: as a CSR instruction would, without the instruction's side effects.
  bool writeCsr(unsigned number, uint32_t value, uint64_t cycles);
  uint32_t& x(unsigned i) { return regs_[i]; }
  uint32_t& f(unsigned i) { return s_.f[i]; }
  // A new pc from outside: an open sleep and the reservation end, as on the RTL.
  void setPc(uint32_t pcValue);
  // DMI pointers changed: drop the code pages (they hold host pointers).
  void dropCodePages();

 private:
  struct CodePage {
    const uint8_t* host = nullptr;  // host address of the page's first byte, if DMI serves it
    uint32_t bytes = 0;             // bytes readable through `host`
    Decoded slot[2048];             // default-constructed: the decoding of 0
  };
  static constexpr uint32_t kPageBits = 12;

  bool eclicMode() const { return iss::eclicMode(s_); }
  uint32_t trapBase() const { return eclicMode() ? (s_.mtvec & ~63u) : (s_.mtvec & ~3u); }
  uint64_t mcycleAt(uint64_t cycles) const {
    return (s_.mcountinhibit & 1u) ? mcycleBase_ : mcycleBase_ + (cycles - mcycleSince_);
  }
  // CSR read as the instructions see it; false when the CSR does not exist.
  bool csrValue(unsigned number, uint32_t& value, uint64_t cycles) const;
  // The write port: `edgeEnd` is the cycle count after the writing edge.
  void csrWrite(unsigned number, uint32_t value, uint64_t cycleBefore, bool countedEdge);
  static bool isFpCsr(unsigned n) { return n >= 1 && n <= 3; }

  template <class Env>
  [[gnu::always_inline]] const Decoded* fetch(Env& env, uint32_t pc, uint32_t& wait);
  template <class Env>
  void switchPage(Env& env, uint32_t pageNumber);
  template <class Env>
  const Decoded* fetchUncached(Env& env, uint32_t pc, uint32_t& wait);
  // Extra cycle of a 32-bit instruction at a halfword address reached by a redirect.
  template <class Env>
  uint32_t targetPenalty(Env& env, uint32_t target);
  template <class Env>
  bool load(Env& env, uint32_t addr, unsigned len, uint32_t& value, uint32_t pc, uint32_t& wait);
  template <class Env>
  bool store(Env& env, uint32_t addr, unsigned len, uint32_t value, uint32_t pc, uint32_t& wait);
  template <class Env>
  bool misalignedAccess(Env& env, uint32_t addr, unsigned len, bool write, uint32_t& value);

  template <bool kRecord, class Env>
  [[gnu::noinline]] void execute(Env& env, const Decoded& d, uint32_t pc, uint32_t wait);
  template <bool kRecord, class Env>
  void exception(Env& env, uint32_t pc, uint32_t cause, uint32_t tval, uint32_t wait);
  template <bool kRecord, class Env>
  void interrupt(Env& env, const InterruptRequest& r);
  // Reads the vector-table entry of interrupt `id` and jumps through it (cycles: at the read).
  template <bool kRecord, class Env>
  void vectorJump(Env& env, unsigned id, uint32_t pcForBus);

  ArchState s_;  // everything but the x registers
  // x0..x31, and at 32 where the decoder sends writes to x0 (so that x0 needs no clearing)
  uint32_t regs_[33] = {};
  uint64_t mcycleBase_ = 0, mcycleSince_ = 0;  // mcycle = base + (cycles - since) while counting
  uint64_t deferred_ = 0;
  bool sleeping_ = false;
  bool irqMask_ = false;
  uint32_t instretStep_ = 1;  // 0 while mcountinhibit.IR stops minstret
  // An interrupt request could be taken (mstatus.MIE, ECLIC mode, not single-stepping): kept up
  // to date by everything that changes those, so that runFast tests one flag.
  bool irqArmed_ = false;
  bool eventReported_ = false;  // the last instruction called one of the Env's event functions
  void updateIrqArmed() { irqArmed_ = s_.mie && eclicMode() && !irqMask_; }
  bool interruptDue(const InterruptRequest& r) const { return r.valid && irqArmed_ && r.level > s_.mil; }
  StepRecord record_;
  std::unordered_map<uint32_t, std::unique_ptr<CodePage>> pages_;
  // The page instructions come from now: its number, host bytes, slots, and the last offset + 1
  // at which a whole 32-bit word can be read (0: none, every fetch takes the slow way).
  uint32_t pageNumber_ = UINT32_MAX;
  const uint8_t* codeHost_ = nullptr;
  Decoded* codeSlots_ = nullptr;
  uint32_t codeLimit_ = 0;
  Decoded uncached_;  // the slot of an instruction fetched without DMI
};

// ------------------------------------------------------------------ implementation

template <class Env>
void Hart::switchPage(Env& env, uint32_t pageNumber) {
  auto& p = pages_[pageNumber];
  if (!p) {
    p = std::make_unique<CodePage>();
    const uint32_t base = pageNumber << kPageBits;
    if (const DmiWindow* w = env.tryDmi(base, 4, false)) {
      p->host = w->base + (base - w->start);
      const uint64_t avail = w->end + 1 - base;
      p->bytes = static_cast<uint32_t>(avail < 4096 ? avail : 4096);
    }
  }
  pageNumber_ = pageNumber;
  codeHost_ = p->host;
  codeSlots_ = p->slot;
  codeLimit_ = p->host ? p->bytes - 3 : 0;
}

template <class Env>
inline const Decoded* Hart::fetch(Env& env, uint32_t pc, uint32_t& wait) {
  uint32_t off = pc & ((1u << kPageBits) - 1);
  if (__builtin_expect((pc >> kPageBits) != pageNumber_, 0)) switchPage(env, pc >> kPageBits);
  if (__builtin_expect(off < codeLimit_, 1)) {
    uint32_t raw;
    std::memcpy(&raw, codeHost_ + off, 4);
    Decoded* slot = codeSlots_ + (off >> 1);
    if (__builtin_expect(raw != slot->raw, 0)) *slot = decode(raw);
    return slot;
  }
  return fetchUncached(env, pc, wait);
}

template <class Env>
const Decoded* Hart::fetchUncached(Env& env, uint32_t pc, uint32_t& wait) {
  // Without a direct pointer (or at a page end): halfwords, the second only for a 32-bit
  // instruction, as the RTL's fetch port reads them.
  uint32_t lo = 0, hi = 0;
  auto half = [&](uint32_t a, uint32_t& v) {
    if (const DmiWindow* w = env.tryDmi(a, 2, false)) {
      uint16_t h;
      std::memcpy(&h, w->base + (a - w->start), 2);
      v = h;
      return true;
    }
    if constexpr (ReplaysData<Env>::value) return env.fetchRead(a, 2, v);
    else return env.busRead(a, 2, v, a, wait);
  };
  if (!half(pc, lo)) return nullptr;
  if ((lo & 3u) == 3u && !half(pc + 2, hi)) return nullptr;
  const uint32_t raw = lo | (hi << 16);
  if (raw != uncached_.raw) uncached_ = decode(raw);
  return &uncached_;
}

template <class Env>
inline uint32_t Hart::targetPenalty(Env& env, uint32_t target) {
  if (!(target & 2u)) return 0;
  uint16_t h = 0;
  if (const DmiWindow* w = env.tryDmi(target, 2, false)) std::memcpy(&h, w->base + (target - w->start), 2);
  else return 0;  // a fetch from a register window: not modelled
  return (h & 3u) == 3u ? param::COST_MISALIGNED_TARGET : 0;
}

template <class Env>
bool Hart::misalignedAccess(Env& env, uint32_t addr, unsigned len, bool write, uint32_t& value) {
  // Across two memory windows: byte by byte; registers refuse misaligned access.
  uint32_t v = value;
  for (unsigned i = 0; i < len; ++i) {
    const DmiWindow* w = env.tryDmi(addr + i, 1, write);
    if (!w) return false;
    uint8_t* b = w->base + (addr + i - w->start);
    if (write) *b = static_cast<uint8_t>(v >> (8 * i));
    else v = (v & ~(0xFFu << (8 * i))) | (uint32_t{*b} << (8 * i));
  }
  value = v;
  return true;
}

template <class Env>
inline bool Hart::load(Env& env, uint32_t addr, unsigned len, uint32_t& value, uint32_t pc, uint32_t& wait) {
  if constexpr (ReplaysData<Env>::value) return env.busRead(addr, len, value, pc, wait);
  if (const DmiWindow* w = env.tryDmi(addr, len, false)) {
    value = 0;
    std::memcpy(&value, w->base + (addr - w->start), len);
    return true;
  }
  if (addr & (len - 1)) return misalignedAccess(env, addr, len, false, value);
  return env.busRead(addr, len, value, pc, wait);
}

template <class Env>
inline bool Hart::store(Env& env, uint32_t addr, unsigned len, uint32_t value, uint32_t pc, uint32_t& wait) {
  if constexpr (ReplaysData<Env>::value) return env.busWrite(addr, len, value, pc, wait);
  if (const DmiWindow* w = env.tryDmi(addr, len, true)) {
    std::memcpy(w->base + (addr - w->start), &value, len);
    return true;
  }
  if (addr & (len - 1)) return misalignedAccess(env, addr, len, true, value);
  return env.busWrite(addr, len, value, pc, wait);
}

template <bool kRecord, class Env>
void Hart::exception(Env& env, uint32_t pc, uint32_t cause, uint32_t tval, uint32_t wait) {
  if (__builtin_expect((env.heldTraps() >> cause) & 1u, 0)) {
    // The debugger sees it first: nothing changes and no cycle passes.
    eventReported_ = true;
    env.trapHeld(pc, cause, tval);
    return;
  }
  s_.mepc = pc;
  s_.mcauseIrq = false;
  s_.mcauseCode = static_cast<uint16_t>(cause);
  s_.mpil = s_.mil;
  s_.msubmPtyp = s_.msubmTyp;
  s_.msubmTyp = 2;
  s_.mtval = tval;
  s_.mpie = s_.mie;
  s_.mie = false;
  s_.resvValid = false;
  s_.pc = trapBase();
  env.cycles += 1;
  if constexpr (kRecord) {
    record_.trapEntry = true;
    record_.exception = true;
    record_.cause = cause;
    record_.tval = tval;
    record_.pc = pc;
    record_.firstEdge = env.cycles;
  }
  deferred_ += param::COST_TRAP - 1 + wait;
  updateIrqArmed();
  eventReported_ = true;
  env.exceptionTaken(pc, cause, tval, s_.pc);
}

template <bool kRecord, class Env>
void Hart::vectorJump(Env& env, unsigned id, uint32_t pcForBus) {
  const uint32_t entry = s_.mtvt + 4u * id;
  uint32_t target = 0, wait = 0;
  s_.minhv = false;
  if (!load(env, entry, 4, target, pcForBus, wait)) {
    // The table read failed: an instruction access fault at the entry.
    s_.mepc = entry;
    s_.mcauseIrq = false;
    s_.mcauseCode = kInstructionAccessFault;
    s_.mtval = entry;
    s_.msubmPtyp = s_.msubmTyp;
    s_.msubmTyp = 2;
    s_.pc = trapBase();
    env.cycles += 1 + wait + 1;
    if constexpr (kRecord) {
      record_.exception = true;
      record_.cause = kInstructionAccessFault;
      record_.tval = entry;
    }
    eventReported_ = true;
    env.exceptionTaken(entry, kInstructionAccessFault, entry, s_.pc);
    return;
  }
  s_.pc = target & ~1u;
  env.cycles += 1 + wait + 1 + targetPenalty(env, s_.pc);
}

template <bool kRecord, class Env>
void Hart::interrupt(Env& env, const InterruptRequest& r) {
  const uint32_t pc = s_.pc;
  s_.mepc = pc;
  s_.mcauseIrq = true;
  s_.mcauseCode = static_cast<uint16_t>(r.id);
  s_.mpil = s_.mil;
  s_.mil = static_cast<uint8_t>(r.level);
  s_.mpie = s_.mie;
  s_.mie = false;
  s_.msubmPtyp = s_.msubmTyp;
  s_.msubmTyp = 1;
  s_.resvValid = false;
  irqArmed_ = false;
  if constexpr (kRecord) {
    record_.trapEntry = true;
    record_.pc = pc;
    record_.firstEdge = env.cycles + 1;
  }
  if (r.vectored) {
    // Claimed on entry; the handler address comes from mtvt[id] two cycles later.
    const unsigned id = r.id;
    s_.minhv = true;
    env.cycles += param::COST_IRQ_ENTRY - 1;
    if constexpr (kRecord) {
      record_.claimed = true;
      record_.claimId = id;
    }
    env.claimed(id);
    vectorJump<kRecord>(env, id, pc);
  } else {
    // Stays pending until the common entry's jalmnxti claims it.
    const uint32_t base = (s_.mtvt2 & 1u) ? (s_.mtvt2 & ~3u) : trapBase();
    s_.pc = base;
    env.cycles += param::COST_IRQ_ENTRY;
  }
}

template <bool kRecord, class Env>
[[gnu::always_inline]] inline void Hart::step(Env& env) {
  if constexpr (kRecord) record_ = StepRecord{};
  {
    const InterruptRequest& r = env.interruptRequest();
    if (__builtin_expect(interruptDue(r), 0)) {
      interrupt<kRecord>(env, r);
      return;
    }
  }
  const uint32_t pc = s_.pc;
  uint32_t wait = 0;
  const Decoded* dp = fetch(env, pc, wait);
  if (__builtin_expect(dp == nullptr, 0)) {
    exception<kRecord>(env, pc, kInstructionAccessFault, pc, wait);
    return;
  }
  execute<kRecord>(env, *dp, pc, wait);
}

}  // namespace wtm::riscv::iss

#include "HartExecute.h"
#include "HartRunFast.h"
