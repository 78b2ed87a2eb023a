// What edge() costs: a loop of calls and returns with refetch bubbles, as the core would report
// it, run for millions of edges. Prints ns per call (a measurement, not a pass/fail limit).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "ProfileTestSupport.h"

namespace profile_test {
namespace {

struct Edge {
  uint64_t cycles;
  bool retired;
  uint32_t pc;
  uint32_t insn;
};

// One iteration of main's loop: 15 instructions and a call of foo (9 instructions and a call of
// bar, 6 instructions); each jump followed by a 2-cycle bubble, every 8th instruction in a
// straight run by a 2-cycle stall.
std::vector<Edge> loopBody() {
  std::vector<Edge> edges;
  auto straight = [&](uint32_t pc, int count) {
    for (int i = 0; i < count; ++i) {
      edges.push_back({1, true, pc + 4 * i, kNop});
      if (i % 8 == 7) edges.push_back({2, false, 0, 0});
    }
    return pc + 4 * count;
  };
  auto jump = [&](uint32_t pc, uint32_t insn) {
    edges.push_back({1, true, pc, insn});
    edges.push_back({1, false, 0, 0});
    edges.push_back({1, false, 0, 0});
  };
  uint32_t pc = straight(0x100, 10);
  jump(pc, jal(kRa));
  uint32_t fooPc = straight(0x200, 4);
  jump(fooPc, jal(kRa));
  const uint32_t barPc = straight(0x300, 5);
  jump(barPc, kRet);
  fooPc = straight(fooPc + 4, 3);
  jump(fooPc, kRet);
  pc = straight(pc + 4, 3);
  jump(pc, jal(0));  // back to the top of the loop
  return edges;
}

TEST(CycleProfilerSpeed, NanosecondsPerEdge) {
  const std::vector<Edge> body = loopBody();
  // A symbol table the size of a real firmware's, so that look-ups are not trivially cached.
  std::vector<ProfileFunction> functions = testFunctions();
  for (uint32_t i = 0; i < 2000; ++i) functions.push_back({"filler" + std::to_string(i), 0x10000 + 0x40 * i, 0x40});
  CycleProfiler p(functions, nullptr);

  const size_t rounds = 400000;
  uint64_t expected = 0;
  for (const Edge& e : body) expected += e.cycles;
  expected *= rounds;
  const auto start = std::chrono::steady_clock::now();
  for (size_t round = 0; round < rounds; ++round) {
    for (const Edge& e : body) p.edge(e.cycles, e.retired, e.pc, e.insn, false);
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const double edges = static_cast<double>(body.size()) * rounds;
  const double ns = std::chrono::duration<double, std::nano>(elapsed).count() / edges;
  std::printf("[   INFO   ] edge(): %.2f ns per call (%.0f M edges, %.0f M edges per second)\n", ns, edges / 1e6,
              1e3 / ns);
  EXPECT_EQ(p.totalCycles(), expected);
  EXPECT_EQ(totalsOf(p.data(), "bar").entries, rounds);
}

}  // namespace
}  // namespace profile_test
