// Helpers for the profiler tests: instruction encodings, an edge-stream driver and look-ups of
// the results by function name.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "profile/CycleProfiler.h"

namespace profile_test {

using wtm::profile::CycleProfiler;
using wtm::profile::FrameTotals;
using wtm::profile::ProfileData;
using wtm::profile::ProfileFunction;

// ---- Encodings (only the fields the profiler looks at matter; offsets are left 0) ----------
constexpr uint32_t kRa = 1, kT0 = 5, kA5 = 15;
constexpr uint32_t kNop = 0x00000013;  // addi x0, x0, 0
constexpr uint32_t kBeq = 0x00000063;
constexpr uint32_t kMret = 0x30200073;
constexpr uint32_t kWfi = 0x10500073;
constexpr uint32_t jal(uint32_t rd) { return rd << 7 | 0x6f; }
constexpr uint32_t jalr(uint32_t rd, uint32_t rs1) { return rs1 << 15 | rd << 7 | 0x67; }
constexpr uint32_t kRet = jalr(0, kRa);
constexpr uint32_t csr(uint32_t funct3, uint32_t rd, uint32_t number, uint32_t rs1) {
  return number << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | 0x73;
}
constexpr uint32_t kJalmnxti = csr(1, kRa, 0x7ed, kRa);  // csrrw ra, mnxti, ra
constexpr uint32_t kCNop = 0x0001;
constexpr uint32_t kCJal = 0x2001;                                  // c.jal (RV32)
constexpr uint32_t kCJ = 0xa001;                                    // c.j
constexpr uint32_t cJr(uint32_t rs1) { return 0x8002 | rs1 << 7; }  // c.jr rs1
constexpr uint32_t cJalr(uint32_t rs1) { return 0x9002 | rs1 << 7; }
constexpr uint32_t kCMv = 0x8000 | 10 << 7 | 11 << 2 | 2;  // c.mv a0, a1

// main, foo, bar, handler, isr_entry, fact, and `after_foo` right behind foo (fall-through).
inline std::vector<ProfileFunction> testFunctions() {
  return {{"main", 0x100, 0x40},    {"foo", 0x200, 0x40},       {"after_foo", 0x240, 0x20}, {"bar", 0x300, 0x40},
          {"handler", 0x400, 0x40}, {"isr_entry", 0x500, 0x40}, {"fact", 0x600, 0x40},      {"_start", 0x80, 0x80}};
}

// Drives a profiler like the core does.
class Driver {
 public:
  explicit Driver(CycleProfiler& profiler) : p_(profiler) {}
  // An instruction retiring on an edge of `cycles` cycles.
  Driver& retire(uint32_t pc, uint32_t insn = kNop, uint64_t cycles = 1) {
    p_.edge(cycles, true, pc, insn, false);
    return *this;
  }
  // Edges on which nothing retires.
  Driver& idle(uint64_t cycles) {
    p_.edge(cycles, false, 0, 0, false);
    return *this;
  }
  Driver& trap(uint64_t cycles = 1) {
    p_.edge(cycles, false, 0, 0, true);
    return *this;
  }

 private:
  CycleProfiler& p_;
};

inline FrameTotals totalsOf(const ProfileData& data, const std::string& name) {
  const std::vector<FrameTotals> totals = wtm::profile::frameTotals(data);
  for (size_t f = 0; f < data.frames.size(); ++f) {
    if (data.frames[f].name == name) return totals[f];
  }
  ADD_FAILURE() << "no frame " << name;
  return {};
}

// Folded stacks as stack -> cycles.
inline std::map<std::string, uint64_t> folded(const CycleProfiler& profiler) {
  std::ostringstream out;
  profiler.writeFolded(out);
  std::map<std::string, uint64_t> stacks;
  std::istringstream lines(out.str());
  std::string line;
  while (std::getline(lines, line)) {
    const size_t space = line.rfind(' ');
    EXPECT_NE(space, std::string::npos) << line;
    if (space == std::string::npos) continue;
    EXPECT_EQ(stacks.count(line.substr(0, space)), 0u) << "stack twice: " << line;
    stacks[line.substr(0, space)] += std::stoull(line.substr(space + 1));
  }
  return stacks;
}

inline uint64_t sumOf(const std::map<std::string, uint64_t>& stacks) {
  uint64_t sum = 0;
  for (const auto& entry : stacks) sum += entry.second;
  return sum;
}

}  // namespace profile_test
