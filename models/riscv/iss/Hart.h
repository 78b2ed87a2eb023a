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
    Decoded slot[2048];  // default-constructed: the decoding of 0
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
    if (__builtin_expect(r.valid, 0) && s_.mie && eclicMode() && r.level > s_.mil && !irqMask_) {
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

template <bool kRecord, class Env>
void Hart::execute(Env& env, const Decoded& d, uint32_t pc, uint32_t wait) {
  uint32_t* const x = regs_;
  // A write to mcountinhibit applies from the next instruction: this one counts as before.
  const uint32_t instretStep = instretStep_;
  uint32_t next = pc + d.len;
  uint32_t cost = d.cost;
  uint32_t exc = UINT32_MAX, tval = 0;  // an exception raised by the instruction
  bool redirect = false;
  bool countInstret = true;
  bool selfLoopCheck = false;
  const uint32_t a = x[d.rs1], b = x[d.rs2];
  auto illegal = [&] {
    exc = kIllegalInstruction;
    tval = d.encoding();
  };
  auto memFault = [&](bool isLoad, uint32_t addr) {
    exc = isLoad ? kLoadAccessFault : kStoreAccessFault;
    tval = addr;
  };
  auto fpRm = [&](unsigned& rm) {
    rm = d.rm == 7 ? s_.frm : d.rm;
    return s_.fs != 0 && rm < 5;
  };
  auto fpResult = [&](const fp::Result& res) {
    s_.f[d.rd] = res.value;
    s_.fflags |= res.flags;
    s_.fs = 3;
  };
  auto fpToInt = [&](uint32_t value, uint8_t flags) {
    x[d.rd] = value;
    if (flags) {
      s_.fflags |= flags;
      s_.fs = 3;
    }
  };
  auto doLoad = [&](unsigned len, bool isSigned) {
    const uint32_t addr = a + static_cast<uint32_t>(d.imm);
    if (addr & (len - 1)) {
      if (!(s_.mmiscCtl & 0x40u)) {
        exc = kLoadMisaligned;
        tval = addr;
        return;
      }
      cost += param::COST_MISALIGNED_ACCESS;
    }
    uint32_t v = 0;
    if (!load(env, addr, len, v, pc, wait)) return memFault(true, addr);
    if (isSigned) v = len == 1 ? static_cast<uint32_t>(static_cast<int8_t>(v)) : static_cast<uint32_t>(static_cast<int16_t>(v));
    x[d.rd] = v;
  };
  auto doStore = [&](unsigned len, uint32_t value) {
    const uint32_t addr = a + static_cast<uint32_t>(d.imm);
    if (addr & (len - 1)) {
      if (!(s_.mmiscCtl & 0x40u)) {
        exc = kStoreMisaligned;
        tval = addr;
        return;
      }
      cost += param::COST_MISALIGNED_ACCESS;
    }
    if (!store(env, addr, len, value, pc, wait)) memFault(false, addr);
  };
  auto branch = [&](bool taken) {
    if (taken) {
      next = pc + static_cast<uint32_t>(d.imm);
      cost = d.aux;
      redirect = next != pc + d.len;  // a taken branch to the next instruction refetches nothing new
      selfLoopCheck = true;
    }
  };
  auto amo = [&](auto&& combine) {
    if (a & 3u) {
      exc = kStoreMisaligned;
      tval = a;
      return;
    }
    uint32_t old = 0;
    if (!load(env, a, 4, old, pc, wait)) return memFault(false, a);
    // The write is the second cycle's access.
    env.cycles += 1 + wait;
    cost -= 1;
    wait = 0;
    if (!store(env, a, 4, combine(old), pc, wait)) return memFault(false, a);
    x[d.rd] = old;
  };

  switch (d.op) {
    case Op::Lui: x[d.rd] = static_cast<uint32_t>(d.imm); break;
    case Op::Auipc: x[d.rd] = pc + static_cast<uint32_t>(d.imm); break;
    case Op::Jal:
      x[d.rd] = pc + d.len;
      next = pc + static_cast<uint32_t>(d.imm);
      redirect = next != pc + d.len;
      selfLoopCheck = true;
      break;
    case Op::Jalr:
      next = (a + static_cast<uint32_t>(d.imm)) & ~1u;
      x[d.rd] = pc + d.len;
      redirect = next != pc + d.len;
      break;
    case Op::Beq: branch(a == b); break;
    case Op::Bne: branch(a != b); break;
    case Op::Blt: branch(static_cast<int32_t>(a) < static_cast<int32_t>(b)); break;
    case Op::Bge: branch(static_cast<int32_t>(a) >= static_cast<int32_t>(b)); break;
    case Op::Bltu: branch(a < b); break;
    case Op::Bgeu: branch(a >= b); break;
    case Op::Lb: doLoad(1, true); break;
    case Op::Lh: doLoad(2, true); break;
    case Op::Lw: doLoad(4, false); break;
    case Op::Lbu: doLoad(1, false); break;
    case Op::Lhu: doLoad(2, false); break;
    case Op::Sb: doStore(1, b); break;
    case Op::Sh: doStore(2, b); break;
    case Op::Sw: doStore(4, b); break;
    case Op::Addi: x[d.rd] = a + static_cast<uint32_t>(d.imm); break;
    case Op::Slti: x[d.rd] = static_cast<int32_t>(a) < d.imm; break;
    case Op::Sltiu: x[d.rd] = a < static_cast<uint32_t>(d.imm); break;
    case Op::Xori: x[d.rd] = a ^ static_cast<uint32_t>(d.imm); break;
    case Op::Ori: x[d.rd] = a | static_cast<uint32_t>(d.imm); break;
    case Op::Andi: x[d.rd] = a & static_cast<uint32_t>(d.imm); break;
    case Op::Slli: x[d.rd] = a << d.imm; break;
    case Op::Srli: x[d.rd] = a >> d.imm; break;
    case Op::Srai: x[d.rd] = static_cast<uint32_t>(static_cast<int32_t>(a) >> d.imm); break;
    case Op::Add: x[d.rd] = a + b; break;
    case Op::Sub: x[d.rd] = a - b; break;
    case Op::Sll: x[d.rd] = a << (b & 31); break;
    case Op::Slt: x[d.rd] = static_cast<int32_t>(a) < static_cast<int32_t>(b); break;
    case Op::Sltu: x[d.rd] = a < b; break;
    case Op::Xor: x[d.rd] = a ^ b; break;
    case Op::Srl: x[d.rd] = a >> (b & 31); break;
    case Op::Sra: x[d.rd] = static_cast<uint32_t>(static_cast<int32_t>(a) >> (b & 31)); break;
    case Op::Or: x[d.rd] = a | b; break;
    case Op::And: x[d.rd] = a & b; break;
    case Op::Mul: x[d.rd] = a * b; break;
    case Op::Mulh:
      x[d.rd] = static_cast<uint32_t>((int64_t{static_cast<int32_t>(a)} * int64_t{static_cast<int32_t>(b)}) >> 32);
      break;
    case Op::Mulhsu:
      x[d.rd] = static_cast<uint32_t>((int64_t{static_cast<int32_t>(a)} * static_cast<int64_t>(uint64_t{b})) >> 32);
      break;
    case Op::Mulhu: x[d.rd] = static_cast<uint32_t>((uint64_t{a} * uint64_t{b}) >> 32); break;
    case Op::Div:
      x[d.rd] = b == 0 ? UINT32_MAX
                : (a == 0x80000000u && b == UINT32_MAX) ? a
                                                         : static_cast<uint32_t>(static_cast<int32_t>(a) / static_cast<int32_t>(b));
      break;
    case Op::Divu: x[d.rd] = b == 0 ? UINT32_MAX : a / b; break;
    case Op::Rem:
      x[d.rd] = b == 0 ? a
                : (a == 0x80000000u && b == UINT32_MAX) ? 0
                                                         : static_cast<uint32_t>(static_cast<int32_t>(a) % static_cast<int32_t>(b));
      break;
    case Op::Remu: x[d.rd] = b == 0 ? a : a % b; break;
    case Op::Fence: case Op::FenceI: break;  // one master, in order; code slots check themselves
    case Op::LrW: {
      if (a & 3u) {
        exc = kLoadMisaligned;
        tval = a;
        break;
      }
      uint32_t v = 0;
      if (!load(env, a, 4, v, pc, wait)) {
        memFault(true, a);
        break;
      }
      x[d.rd] = v;
      s_.resvValid = true;
      s_.resvAddr = a;
      break;
    }
    case Op::ScW: {
      if (a & 3u) {
        exc = kStoreMisaligned;
        tval = a;
        break;
      }
      const bool ok = s_.resvValid && s_.resvAddr == a;
      if (ok && !store(env, a, 4, b, pc, wait)) {
        memFault(false, a);
        break;
      }
      x[d.rd] = ok ? 0 : 1;
      s_.resvValid = false;
      break;
    }
    case Op::AmoSwap: amo([&](uint32_t) { return b; }); break;
    case Op::AmoAdd: amo([&](uint32_t o) { return o + b; }); break;
    case Op::AmoXor: amo([&](uint32_t o) { return o ^ b; }); break;
    case Op::AmoAnd: amo([&](uint32_t o) { return o & b; }); break;
    case Op::AmoOr: amo([&](uint32_t o) { return o | b; }); break;
    case Op::AmoMin: amo([&](uint32_t o) { return static_cast<int32_t>(o) < static_cast<int32_t>(b) ? o : b; }); break;
    case Op::AmoMax: amo([&](uint32_t o) { return static_cast<int32_t>(o) > static_cast<int32_t>(b) ? o : b; }); break;
    case Op::AmoMinu: amo([&](uint32_t o) { return o < b ? o : b; }); break;
    case Op::AmoMaxu: amo([&](uint32_t o) { return o > b ? o : b; }); break;
    case Op::Flw: {
      if (s_.fs == 0) {
        illegal();
        break;
      }
      const uint32_t addr = a + static_cast<uint32_t>(d.imm);
      if (addr & 3u) {
        if (!(s_.mmiscCtl & 0x40u)) {
          exc = kLoadMisaligned;
          tval = addr;
          break;
        }
        cost += param::COST_MISALIGNED_ACCESS;
      }
      uint32_t v = 0;
      if (!load(env, addr, 4, v, pc, wait)) {
        memFault(true, addr);
        break;
      }
      s_.f[d.rd] = v;
      s_.fs = 3;
      break;
    }
    case Op::Fsw:
      if (s_.fs == 0) {
        illegal();
        break;
      }
      doStore(4, s_.f[d.rs2]);
      break;
    case Op::Fmadd: case Op::Fmsub: case Op::Fnmsub: case Op::Fnmadd: {
      unsigned rm;
      if (!fpRm(rm)) {
        illegal();
        break;
      }
      const bool negProduct = d.op == Op::Fnmsub || d.op == Op::Fnmadd;
      const bool negAddend = d.op == Op::Fmsub || d.op == Op::Fnmadd;
      fpResult(fp::fma(s_.f[d.rs1], s_.f[d.rs2], s_.f[d.rs3()], negProduct, negAddend, rm));
      break;
    }
    case Op::Fadd: case Op::Fsub: case Op::Fmul: case Op::Fdiv: case Op::Fsqrt: {
      unsigned rm;
      if (!fpRm(rm)) {
        illegal();
        break;
      }
      const uint32_t fa = s_.f[d.rs1], fb = s_.f[d.rs2];
      fpResult(d.op == Op::Fadd   ? fp::add(fa, fb, rm)
               : d.op == Op::Fsub ? fp::sub(fa, fb, rm)
               : d.op == Op::Fmul ? fp::mul(fa, fb, rm)
               : d.op == Op::Fdiv ? fp::div(fa, fb, rm)
                                  : fp::sqrt(fa, rm));
      break;
    }
    case Op::Fsgnj: case Op::Fsgnjn: case Op::Fsgnjx: {
      if (s_.fs == 0) {
        illegal();
        break;
      }
      const uint32_t fa = s_.f[d.rs1], fb = s_.f[d.rs2];
      const uint32_t sign = d.op == Op::Fsgnj ? fb : d.op == Op::Fsgnjn ? ~fb : (fa ^ fb);
      fpResult({(sign & 0x80000000u) | (fa & 0x7FFFFFFFu), 0});
      break;
    }
    case Op::Fmin: case Op::Fmax:
      if (s_.fs == 0) {
        illegal();
        break;
      }
      fpResult(d.op == Op::Fmin ? fp::min(s_.f[d.rs1], s_.f[d.rs2]) : fp::max(s_.f[d.rs1], s_.f[d.rs2]));
      break;
    case Op::FcvtWS: case Op::FcvtWuS: {
      unsigned rm;
      if (!fpRm(rm)) {
        illegal();
        break;
      }
      const fp::Result res = d.op == Op::FcvtWS ? fp::toInt32(s_.f[d.rs1], rm) : fp::toUint32(s_.f[d.rs1], rm);
      fpToInt(res.value, res.flags);
      break;
    }
    case Op::FcvtSW: case Op::FcvtSWu: {
      unsigned rm;
      if (!fpRm(rm)) {
        illegal();
        break;
      }
      fpResult(d.op == Op::FcvtSW ? fp::fromInt32(static_cast<int32_t>(a), rm) : fp::fromUint32(a, rm));
      break;
    }
    case Op::Feq: case Op::Flt: case Op::Fle: {
      if (s_.fs == 0) {
        illegal();
        break;
      }
      const uint32_t fa = s_.f[d.rs1], fb = s_.f[d.rs2];
      const fp::Result res = d.op == Op::Feq ? fp::eq(fa, fb) : d.op == Op::Flt ? fp::lt(fa, fb) : fp::le(fa, fb);
      fpToInt(res.value, res.flags);
      break;
    }
    case Op::FmvXW: case Op::Fclass:
      if (s_.fs == 0) {
        illegal();
        break;
      }
      fpToInt(d.op == Op::FmvXW ? s_.f[d.rs1] : fp::classify(s_.f[d.rs1]), 0);
      break;
    case Op::FmvWX:
      if (s_.fs == 0) {
        illegal();
        break;
      }
      fpResult({a, 0});
      break;
    case Op::Dsp: {
      const DspResult res = executeDsp(d.rm, d.aux, a, b);
      x[d.rd] = res.value;
      if (res.overflow) s_.ucodeOv = true;
      break;
    }
    case Op::Ecall: exc = kEcallFromM; break;
    case Op::Ebreak:
      exc = kBreakpoint;
      tval = pc;
      break;
    case Op::Mret:
      next = s_.mepc;
      redirect = next != pc + d.len;
      s_.mie = s_.mpie;
      s_.mpie = true;
      if (eclicMode()) s_.mil = s_.mpil;
      s_.msubmTyp = s_.msubmPtyp;
      break;
    case Op::Wfi:
      if (!env.interruptRequest().valid) {
        // Asleep until an interrupt is pending; the engine accounts the sleep and the refetch.
        s_.pc = next;
        s_.minstret += instretStep_;
        env.cycles += 1 + wait;
        sleeping_ = true;
        if constexpr (kRecord) {
          record_.retired = true;
          record_.pc = pc;
          record_.insn = d.encoding();
          record_.firstEdge = env.cycles;
        }
        eventReported_ = true;
        env.asleep(pc);
        return;
      }
      break;
    case Op::Csrrw: case Op::Csrrs: case Op::Csrrc: {
      const uint32_t src = d.aux ? d.rs1 : a;
      const auto csrNumber = static_cast<unsigned>(d.imm);
      const bool writes = d.op == Op::Csrrw || d.rs1 != 0;
      uint32_t old = 0;
      if (!csrValue(csrNumber, old, env.cycles) || (writes && (csrNumber >> 10) == 3u) || (isFpCsr(csrNumber) && s_.fs == 0)) {
        illegal();
        break;
      }
      if (csrNumber == csr::jalmnxti) {
        // Claim the next non-vectored interrupt that outranks the interrupted context, enable
        // interrupts and jump through its vector entry, linking to this instruction (tail chaining).
        cost = param::COST_JALMNXTI;
        const InterruptRequest& r = env.interruptRequest();
        if (r.valid && !r.vectored && r.level > s_.mpil) {
          x[d.rd] = pc;
          x[0] = 0;
          s_.mie = true;
          s_.mil = static_cast<uint8_t>(r.level);
          s_.mcauseCode = static_cast<uint16_t>(r.id);
          s_.minstret += instretStep_;
          if constexpr (kRecord) {
            record_.retired = true;
            record_.pc = pc;
            record_.insn = d.encoding();
            record_.claimed = true;
            record_.claimId = r.id;
            record_.firstEdge = env.cycles + 1;
          }
          const unsigned id = r.id;
          updateIrqArmed();
          env.cycles += cost - 1;
          env.claimed(id);
          vectorJump<kRecord>(env, id, pc);
          return;
        }
        x[d.rd] = 0;
        break;
      }
      if (csrNumber == csr::pushmsubm || csrNumber == csr::pushmcause || csrNumber == csr::pushmepc) {
        if (writes) {
          // Store the CSR at sp + 4 * value.
          const uint32_t addr = x[2] + (src << 2);
          const uint32_t value = csrNumber == csr::pushmsubm ? msubmValue(s_)
                               : csrNumber == csr::pushmcause ? mcauseValue(s_, eclicMode())
                                                              : s_.mepc;
          cost = param::COST_STORE;
          if (addr & 3u) {
            exc = kStoreMisaligned;
            tval = addr;
            break;
          }
          if (!store(env, addr, 4, value, pc, wait)) {
            memFault(false, addr);
            break;
          }
        }
        x[d.rd] = 0;
        break;
      }
      x[d.rd] = old;
      if (writes) {
        const uint32_t value = d.op == Op::Csrrw ? src : d.op == Op::Csrrs ? (old | src) : (old & ~src);
        csrWrite(csrNumber, value, env.cycles, true);
        if (csrNumber == csr::minstret || csrNumber == csr::minstreth) countInstret = false;
      }
      break;
    }
    case Op::Illegal: default: illegal(); break;
  }

  updateIrqArmed();
  if (__builtin_expect(exc != UINT32_MAX, 0)) {
    x[0] = 0;
    exception<kRecord>(env, pc, exc, tval, wait);
    return;
  }
  x[0] = 0;
  if (countInstret) s_.minstret += instretStep;
  s_.pc = next;
  if constexpr (kRecord) {
    record_.retired = true;
    record_.pc = pc;
    record_.insn = d.encoding();
    record_.firstEdge = env.cycles + 1;
  }
  // A multi-cycle or redirecting instruction refetches; a 32-bit target at pc[1] costs a cycle more.
  if (redirect && cost > 1) cost += targetPenalty(env, next);
  if (__builtin_expect(selfLoopCheck && next == pc, 0)) {
    env.cycles += 1;
    deferred_ += cost - 1 + wait;
    eventReported_ = true;
    env.selfLoop(pc);
    return;
  }
  env.cycles += cost + wait;
}

}  // namespace wtm::riscv::iss

#include "HartRunFast.h"
