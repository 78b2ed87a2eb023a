#include "LockstepChecker.h"

#include <cstdio>
#include <sstream>

#include "common/Hex.h"

namespace wtm::riscv {

LockstepChecker::LockstepChecker(std::function<const DmiWindow*(uint64_t, unsigned, bool)> dmi,
                                 std::function<bool(uint32_t, unsigned, uint32_t&)> peek)
    : dmi_(std::move(dmi)), peek_(std::move(peek)) {
  env_.owner = this;
}

void LockstepChecker::access(uint32_t addr, unsigned len, bool write, uint32_t value, bool error, uint32_t wait) {
  accesses_.push_back({addr, len, write, value, error, wait});
}

bool LockstepChecker::replay(uint32_t addr, unsigned len, bool write, uint32_t& value, uint32_t& wait) {
  const char* kind = write ? "write" : "read";
  if (accesses_.empty()) {
    if (accessMismatch_.empty())
      accessMismatch_ = std::string("the fast core made a ") + kind + " of " + std::to_string(len) + " bytes at " +
                        hex32(addr) + " that the RTL did not make";
    return false;
  }
  const Access a = accesses_.front();
  accesses_.pop_front();
  if (a.addr != addr || a.len != len || a.write != write || (write && a.value != value)) {
    if (accessMismatch_.empty()) {
      std::ostringstream m;
      m << "memory access differs: RTL " << (a.write ? "write" : "read") << " of " << a.len << " bytes at "
        << hex32(a.addr);
      if (a.write) m << " (" << hex32(a.value) << ")";
      m << ", fast core " << kind << " of " << len << " bytes at " << hex32(addr);
      if (write) m << " (" << hex32(value) << ")";
      accessMismatch_ = m.str();
    }
  }
  if (!write) value = a.value;
  wait += a.wait;
  return !a.error;
}

std::string LockstepChecker::check(const ArchState& rtl, uint64_t rtlCycles) {
  if (stepDue_) {
    stepDue_ = false;
    hart_.flushDeferred(env_);
    hart_.step<true>(env_);
    hart_.flushDeferred(env_);
    ++checked_;
    const iss::StepRecord& r = hart_.lastStep();
    if (r.retired || r.exception) {
      tail_[tailCount_ % kTail] = {r.pc, r.insn};
      ++tailCount_;
    }
    if (hart_.sleeping()) {
      // wfi: the RTL has slept and woken since (it is at a boundary again). How long the core
      // slept is the environment's doing; a wfi that slept on one core only shows in the cycles.
      hart_.wake();
      env_.cycles = rtlCycles;
    }
  } else if (checked_ == 0) {
    hart_.flushDeferred(env_);  // the first fetch, before the first instruction
  }
  const ArchState fast = hart_.state(env_.cycles);
  if (!accessMismatch_.empty()) return report(accessMismatch_, rtl, fast);
  if (!accesses_.empty()) {
    const Access& a = accesses_.front();
    return report(std::string("the RTL made a ") + (a.write ? "write" : "read") + " at " + hex32(a.addr) +
                      " that the fast core did not make",
                  rtl, fast);
  }
  if (rtl.sameAs(fast, true) && env_.cycles == rtlCycles) return {};
  std::string d = rtl.diff(fast, true);
  if (env_.cycles != rtlCycles)
    d += "cycles run: " + std::to_string(rtlCycles) + " vs " + std::to_string(env_.cycles) + "\n";
  return report("the states differ (RTL vs fast core):\n" + d, rtl, fast);
}

std::string LockstepChecker::report(const std::string& what, const ArchState& rtl, const ArchState& fast) const {
  std::ostringstream out;
  const iss::StepRecord& r = hart_.lastStep();
  out << "lockstep: the cores diverged after " << checked_ << " instructions, at the instruction at pc " << hex32(r.pc)
      << " (" << hex32(r.insn) << "): " << what;
  if (what.back() != '\n') out << "\n";
  out << "RTL state:\n"
      << rtl.describe() << "\nfast core state:\n"
      << fast.describe() << "\nlast instructions (pc, encoding):\n";
  const size_t n = tailCount_ < kTail ? tailCount_ : kTail;
  for (size_t i = 0; i < n; ++i) {
    const auto& [pc, insn] = tail_[(tailCount_ - n + i) % kTail];
    out << "  " << hex32(pc) << "  " << hex32(insn) << "\n";
  }
  return out.str();
}

}  // namespace wtm::riscv
