// Hart::runFast: the fast core's hot loop. The common instructions (integer ALU, M, branches,
// jumps, loads and stores served by direct memory) are executed here and dispatched from each
// other's ends through a table of label addresses (threaded code: one indirect jump per
// handler, which the host predicts per predecessor far better than one shared switch); anything
// else goes through execute(), which has every instruction's full semantics. Cycles and minstret
// are kept in locals and written back before anything that could look at them.
#pragma once
// Labels as values are a GNU extension, supported by GCC and Clang.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"

namespace wtm::riscv::iss {

template <class Env>
void Hart::runFast(Env& env, const uint64_t& limit, const std::atomic<bool>& stop, uint32_t stopPc) {
  static_assert(!ReplaysData<Env>::value, "replaying environments use step()");
  void* table[static_cast<size_t>(Op::Count)];
  for (void*& t : table) t = &&slow;
#define WTM_ON(op, label) table[static_cast<size_t>(Op::op)] = &&label
  WTM_ON(Lui, op_lui);
  WTM_ON(Auipc, op_auipc);
  WTM_ON(Addi, op_addi);
  WTM_ON(Slti, op_slti);
  WTM_ON(Sltiu, op_sltiu);
  WTM_ON(Xori, op_xori);
  WTM_ON(Ori, op_ori);
  WTM_ON(Andi, op_andi);
  WTM_ON(Slli, op_slli);
  WTM_ON(Srli, op_srli);
  WTM_ON(Srai, op_srai);
  WTM_ON(Add, op_add);
  WTM_ON(Sub, op_sub);
  WTM_ON(Sll, op_sll);
  WTM_ON(Slt, op_slt);
  WTM_ON(Sltu, op_sltu);
  WTM_ON(Xor, op_xor);
  WTM_ON(Srl, op_srl);
  WTM_ON(Sra, op_sra);
  WTM_ON(Or, op_or);
  WTM_ON(And, op_and);
  WTM_ON(Mul, op_mul);
  WTM_ON(Mulh, op_mulh);
  WTM_ON(Mulhsu, op_mulhsu);
  WTM_ON(Mulhu, op_mulhu);
  WTM_ON(Div, op_div);
  WTM_ON(Divu, op_divu);
  WTM_ON(Rem, op_rem);
  WTM_ON(Remu, op_remu);
  WTM_ON(Beq, op_beq);
  WTM_ON(Bne, op_bne);
  WTM_ON(Blt, op_blt);
  WTM_ON(Bge, op_bge);
  WTM_ON(Bltu, op_bltu);
  WTM_ON(Bgeu, op_bgeu);
  WTM_ON(Jal, op_jal);
  WTM_ON(Jalr, op_jalr);
  WTM_ON(Lb, op_lb);
  WTM_ON(Lh, op_lh);
  WTM_ON(Lw, op_lw);
  WTM_ON(Lbu, op_lbu);
  WTM_ON(Lhu, op_lhu);
  WTM_ON(Sb, op_sb);
  WTM_ON(Sh, op_sh);
  WTM_ON(Sw, op_sw);
  WTM_ON(Fence, op_fence);
  WTM_ON(FenceI, op_fence);
#undef WTM_ON

  uint32_t* const x = regs_;
  // Members the handlers read every instruction, in locals: a register write through `x` (or a
  // store into guest memory) could alias them, which would force a reload per instruction.
  uint32_t page = pageNumber_, limitInPage = codeLimit_;
  const uint8_t* host = codeHost_;
  Decoded* slots = codeSlots_;
  const uint32_t instretStep = instretStep_;
  uint64_t cycles = env.cycles;
  // `limit` only moves when execute() runs (an MMIO access or an interrupt request lowers it):
  // a copy, refreshed there.
  uint64_t end = limit;
  uint64_t instret = s_.minstret;
  uint32_t pc = s_.pc;
  uint32_t next = 0, cost = 0;
  uint32_t off = 0;  // pc's offset in its code page
  const Decoded* d = nullptr;
  const InterruptRequest& request = env.interruptRequest();

  // Write the locals back (before anything outside this loop may look at the state).
#define WTM_SYNC_OUT       \
  do {                     \
    s_.pc = pc;            \
    env.cycles = cycles;   \
    s_.minstret = instret; \
  } while (0)
  // Leave when the loop must hand back, else fetch the next instruction and jump to its handler.
#define WTM_DISPATCH                                                                                          \
  do {                                                                                                        \
    if (__builtin_expect(cycles >= end || pc == stopPc || stop.load(std::memory_order_relaxed), 0)) goto out; \
    {                                                                                                         \
      off = pc & ((1u << kPageBits) - 1);                                                                     \
      if (__builtin_expect((pc >> kPageBits) != page || off >= limitInPage, 0)) goto refetch;                 \
      uint32_t raw;                                                                                           \
      std::memcpy(&raw, host + off, 4);                                                                       \
      d = slots + (off >> 1);                                                                                 \
      if (__builtin_expect(raw != d->raw, 0)) goto refetch;                                                   \
    }                                                                                                         \
    goto* table[static_cast<size_t>(d->op)];                                                                  \
  } while (0)
  // The ending of a sequential instruction of the common cost: its successor is the next slot of
  // the same page while a whole word can still be read there (then no page lookup).
#define WTM_RETIRE_SEQ                                                                                        \
  do {                                                                                                        \
    const uint32_t len = d->len;                                                                              \
    instret += instretStep;                                                                                   \
    cycles += d->cost;                                                                                        \
    pc += len;                                                                                                \
    if (__builtin_expect(cycles >= end || pc == stopPc || stop.load(std::memory_order_relaxed), 0)) goto out; \
    off += len;                                                                                               \
    if (__builtin_expect(off >= limitInPage, 0)) goto refetch;                                                \
    uint32_t raw;                                                                                             \
    std::memcpy(&raw, host + off, 4);                                                                         \
    d += len >> 1;                                                                                            \
    if (__builtin_expect(raw != d->raw, 0)) goto refetch;                                                     \
    goto* table[static_cast<size_t>(d->op)];                                                                  \
  } while (0)
  // The common ending of a handler: next pc and cycles set by it.
#define WTM_RETIRE          \
  do {                      \
    instret += instretStep; \
    cycles += cost;         \
    pc = next;              \
    WTM_DISPATCH;           \
  } while (0)
#define WTM_ALU(label, expr)      \
  label : {                       \
    const uint32_t a = x[d->rs1]; \
    const uint32_t b = x[d->rs2]; \
    (void)a;                      \
    (void)b;                      \
    x[d->rd] = (expr);            \
    WTM_RETIRE_SEQ;               \
  }
  // Branches: taken ones cost d->aux (plus a halfword-target refetch); a branch to itself is an
  // event, left to execute().
#define WTM_BRANCH(label, cond)                                                               \
  label : {                                                                                   \
    const uint32_t a = x[d->rs1];                                                             \
    const uint32_t b = x[d->rs2];                                                             \
    if (cond) {                                                                               \
      next = pc + static_cast<uint32_t>(d->imm);                                              \
      if (__builtin_expect(next == pc, 0)) goto slow;                                         \
      cost = d->aux + ((next != pc + d->len && (next & 2u)) ? targetPenalty(env, next) : 0u); \
    } else {                                                                                  \
      next = pc + d->len;                                                                     \
      cost = d->cost;                                                                         \
    }                                                                                         \
    WTM_RETIRE;                                                                               \
  }
#define WTM_LOAD(label, size, type)                                  \
  label : {                                                          \
    const uint32_t addr = x[d->rs1] + static_cast<uint32_t>(d->imm); \
    if (addr & ((size)-1)) goto slow;                                \
    const DmiWindow* w = env.tryDmi(addr, (size), false);            \
    if (!w) goto slow;                                               \
    type v;                                                          \
    std::memcpy(&v, w->base + (addr - w->start), (size));            \
    x[d->rd] = static_cast<uint32_t>(v);                             \
    WTM_RETIRE_SEQ;                                                  \
  }
#define WTM_STORE(label, size, type)                                 \
  label : {                                                          \
    const uint32_t addr = x[d->rs1] + static_cast<uint32_t>(d->imm); \
    if (addr & ((size)-1)) goto slow;                                \
    const DmiWindow* w = env.tryDmi(addr, (size), true);             \
    if (!w) goto slow;                                               \
    const type v = static_cast<type>(x[d->rs2]);                     \
    std::memcpy(w->base + (addr - w->start), &v, (size));            \
    WTM_RETIRE_SEQ;                                                  \
  }

  // Interrupts are looked at here and after each instruction that execute() ran (which may
  // enable them); a request that arrives meanwhile lowers `limit` (the environment's contract).
  if (interruptDue(request)) goto out;
  WTM_DISPATCH;

  WTM_ALU(op_lui, static_cast<uint32_t>(d->imm))
  WTM_ALU(op_auipc, pc + static_cast<uint32_t>(d->imm))
  WTM_ALU(op_addi, a + static_cast<uint32_t>(d->imm))
  WTM_ALU(op_slti, static_cast<int32_t>(a) < d->imm)
  WTM_ALU(op_sltiu, a < static_cast<uint32_t>(d->imm))
  WTM_ALU(op_xori, a ^ static_cast<uint32_t>(d->imm))
  WTM_ALU(op_ori, a | static_cast<uint32_t>(d->imm))
  WTM_ALU(op_andi, a & static_cast<uint32_t>(d->imm))
  WTM_ALU(op_slli, a << d->imm)
  WTM_ALU(op_srli, a >> d->imm)
  WTM_ALU(op_srai, static_cast<uint32_t>(static_cast<int32_t>(a) >> d->imm))
  WTM_ALU(op_add, a + b)
  WTM_ALU(op_sub, a - b)
  WTM_ALU(op_sll, a << (b & 31))
  WTM_ALU(op_slt, static_cast<int32_t>(a) < static_cast<int32_t>(b))
  WTM_ALU(op_sltu, a < b)
  WTM_ALU(op_xor, a ^ b)
  WTM_ALU(op_srl, a >> (b & 31))
  WTM_ALU(op_sra, static_cast<uint32_t>(static_cast<int32_t>(a) >> (b & 31)))
  WTM_ALU(op_or, a | b)
  WTM_ALU(op_and, a & b)
  WTM_ALU(op_mul, a * b)
  WTM_ALU(op_mulh, static_cast<uint32_t>((int64_t{static_cast<int32_t>(a)} * int64_t{static_cast<int32_t>(b)}) >> 32))
  WTM_ALU(op_mulhsu,
          static_cast<uint32_t>((int64_t{static_cast<int32_t>(a)} * static_cast<int64_t>(uint64_t{b})) >> 32))
  WTM_ALU(op_mulhu, static_cast<uint32_t>((uint64_t{a} * uint64_t{b}) >> 32))
  WTM_ALU(op_div, b == 0 ? UINT32_MAX
                  : (a == 0x80000000u && b == UINT32_MAX)
                      ? a
                      : static_cast<uint32_t>(static_cast<int32_t>(a) / static_cast<int32_t>(b)))
  WTM_ALU(op_divu, b == 0 ? UINT32_MAX : a / b)
  WTM_ALU(op_rem, b == 0 ? a
                  : (a == 0x80000000u && b == UINT32_MAX)
                      ? 0
                      : static_cast<uint32_t>(static_cast<int32_t>(a) % static_cast<int32_t>(b)))
  WTM_ALU(op_remu, b == 0 ? a : a % b)
  WTM_BRANCH(op_beq, a == b)
  WTM_BRANCH(op_bne, a != b)
  WTM_BRANCH(op_blt, static_cast<int32_t>(a) < static_cast<int32_t>(b))
  WTM_BRANCH(op_bge, static_cast<int32_t>(a) >= static_cast<int32_t>(b))
  WTM_BRANCH(op_bltu, a < b)
  WTM_BRANCH(op_bgeu, a >= b)
  WTM_LOAD(op_lb, 1, int8_t)
  WTM_LOAD(op_lh, 2, int16_t)
  WTM_LOAD(op_lw, 4, uint32_t)
  WTM_LOAD(op_lbu, 1, uint8_t)
  WTM_LOAD(op_lhu, 2, uint16_t)
  WTM_STORE(op_sb, 1, uint8_t)
  WTM_STORE(op_sh, 2, uint16_t)
  WTM_STORE(op_sw, 4, uint32_t)

op_jal : {
  next = pc + static_cast<uint32_t>(d->imm);
  if (__builtin_expect(next == pc, 0)) goto slow;
  x[d->rd] = pc + d->len;
  cost = d->cost + ((next != pc + d->len && (next & 2u)) ? targetPenalty(env, next) : 0u);
  WTM_RETIRE;
}
op_jalr : {
  next = (x[d->rs1] + static_cast<uint32_t>(d->imm)) & ~1u;
  x[d->rd] = pc + d->len;
  cost = d->cost + ((next != pc + d->len && (next & 2u)) ? targetPenalty(env, next) : 0u);
  WTM_RETIRE;
}
op_fence : {
  next = pc + d->len;
  cost = d->cost;
  WTM_RETIRE;
}

refetch : {
  // A page change, a page end, code not served directly, or a slot to decode (again).
  WTM_SYNC_OUT;
  uint32_t wait = 0;
  d = fetch(env, pc, wait);
  page = pageNumber_;
  limitInPage = codeLimit_;
  host = codeHost_;
  slots = codeSlots_;
  if (d == nullptr) {
    exception<false>(env, pc, kInstructionAccessFault, pc, wait);
    return;
  }
  off = pc & ((1u << kPageBits) - 1);  // a slot of the page (limitInPage 0 when d is not one)
  if (wait == 0) goto* table[static_cast<size_t>(d->op)];
  // Fetched over the bus: the general path, charged the fetch's wait.
  eventReported_ = false;
  execute<false>(env, *d, pc, wait);
  goto resume;
}

slow : {
  WTM_SYNC_OUT;
  eventReported_ = false;
  execute<false>(env, *d, pc, 0);
  goto resume;
}

resume : {
  // execute() may have changed mcountinhibit (a CSR write): leave, the next call reloads it.
  if (eventReported_ || sleeping_ || instretStep != instretStep_ || interruptDue(request)) return;
  cycles = env.cycles;
  instret = s_.minstret;
  pc = s_.pc;
  end = limit;
  WTM_DISPATCH;
}

out:
  WTM_SYNC_OUT;
#undef WTM_SYNC_OUT
#undef WTM_DISPATCH
#undef WTM_RETIRE
#undef WTM_RETIRE_SEQ
#undef WTM_ALU
#undef WTM_BRANCH
#undef WTM_LOAD
#undef WTM_STORE
}

}  // namespace wtm::riscv::iss

#pragma GCC diagnostic pop
