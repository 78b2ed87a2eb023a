// Hart::execute: every instruction of the core with its full semantics, legality checks, traps
// and cycle accounting (the slow path of runFast and the whole of step()).
#pragma once

namespace wtm::riscv::iss {

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
  // A misaligned access traps with `cause` unless mmisc_ctl.MISALIGN lets the core split it (at a cost).
  auto alignedOrSplit = [&](uint32_t addr, unsigned len, uint32_t cause) {
    if (!(addr & (len - 1))) return true;
    if (!(s_.mmiscCtl & 0x40u)) {
      exc = cause;
      tval = addr;
      return false;
    }
    cost += param::COST_MISALIGNED_ACCESS;
    return true;
  };
  auto doLoad = [&](unsigned len, bool isSigned) {
    const uint32_t addr = a + static_cast<uint32_t>(d.imm);
    if (!alignedOrSplit(addr, len, kLoadMisaligned)) return;
    uint32_t v = 0;
    if (!load(env, addr, len, v, pc, wait)) return memFault(true, addr);
    if (isSigned)
      v = len == 1 ? static_cast<uint32_t>(static_cast<int8_t>(v)) : static_cast<uint32_t>(static_cast<int16_t>(v));
    x[d.rd] = v;
  };
  auto doStore = [&](unsigned len, uint32_t value) {
    const uint32_t addr = a + static_cast<uint32_t>(d.imm);
    if (!alignedOrSplit(addr, len, kStoreMisaligned)) return;
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
                : (a == 0x80000000u && b == UINT32_MAX)
                    ? a
                    : static_cast<uint32_t>(static_cast<int32_t>(a) / static_cast<int32_t>(b));
      break;
    case Op::Divu: x[d.rd] = b == 0 ? UINT32_MAX : a / b; break;
    case Op::Rem:
      x[d.rd] = b == 0 ? a
                : (a == 0x80000000u && b == UINT32_MAX)
                    ? 0
                    : static_cast<uint32_t>(static_cast<int32_t>(a) % static_cast<int32_t>(b));
      break;
    case Op::Remu: x[d.rd] = b == 0 ? a : a % b; break;
    case Op::Fence:
    case Op::FenceI: break;  // one master, in order; code slots check themselves
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
      if (!alignedOrSplit(addr, 4, kLoadMisaligned)) break;
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
    case Op::Fmadd:
    case Op::Fmsub:
    case Op::Fnmsub:
    case Op::Fnmadd: {
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
    case Op::Fadd:
    case Op::Fsub:
    case Op::Fmul:
    case Op::Fdiv:
    case Op::Fsqrt: {
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
    case Op::Fsgnj:
    case Op::Fsgnjn:
    case Op::Fsgnjx: {
      if (s_.fs == 0) {
        illegal();
        break;
      }
      const uint32_t fa = s_.f[d.rs1], fb = s_.f[d.rs2];
      const uint32_t sign = d.op == Op::Fsgnj ? fb : d.op == Op::Fsgnjn ? ~fb : (fa ^ fb);
      fpResult({(sign & 0x80000000u) | (fa & 0x7FFFFFFFu), 0});
      break;
    }
    case Op::Fmin:
    case Op::Fmax:
      if (s_.fs == 0) {
        illegal();
        break;
      }
      fpResult(d.op == Op::Fmin ? fp::min(s_.f[d.rs1], s_.f[d.rs2]) : fp::max(s_.f[d.rs1], s_.f[d.rs2]));
      break;
    case Op::FcvtWS:
    case Op::FcvtWuS: {
      unsigned rm;
      if (!fpRm(rm)) {
        illegal();
        break;
      }
      const fp::Result res = d.op == Op::FcvtWS ? fp::toInt32(s_.f[d.rs1], rm) : fp::toUint32(s_.f[d.rs1], rm);
      fpToInt(res.value, res.flags);
      break;
    }
    case Op::FcvtSW:
    case Op::FcvtSWu: {
      unsigned rm;
      if (!fpRm(rm)) {
        illegal();
        break;
      }
      fpResult(d.op == Op::FcvtSW ? fp::fromInt32(static_cast<int32_t>(a), rm) : fp::fromUint32(a, rm));
      break;
    }
    case Op::Feq:
    case Op::Flt:
    case Op::Fle: {
      if (s_.fs == 0) {
        illegal();
        break;
      }
      const uint32_t fa = s_.f[d.rs1], fb = s_.f[d.rs2];
      const fp::Result res = d.op == Op::Feq ? fp::eq(fa, fb) : d.op == Op::Flt ? fp::lt(fa, fb) : fp::le(fa, fb);
      fpToInt(res.value, res.flags);
      break;
    }
    case Op::FmvXW:
    case Op::Fclass:
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
    case Op::Csrrw:
    case Op::Csrrs:
    case Op::Csrrc: {
      const uint32_t src = d.aux ? d.rs1 : a;
      const auto csrNumber = static_cast<unsigned>(d.imm);
      const bool writes = d.op == Op::Csrrw || d.rs1 != 0;
      uint32_t old = 0;
      if (!csrValue(csrNumber, old, env.cycles) || (writes && (csrNumber >> 10) == 3u) ||
          (isFpCsr(csrNumber) && s_.fs == 0)) {
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
          const uint32_t value = csrNumber == csr::pushmsubm    ? msubmValue(s_)
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
    case Op::Illegal:
    default: illegal(); break;
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
