// The profiler's outputs: the table, the folded stacks and the SVG flame graph, on a small
// known profile and on random edge streams (totals exact, outputs well-formed, no crash).
#include <gtest/gtest.h>

#include <sstream>

#include <algorithm>
#include <array>
#include <random>
#include <regex>

#include "ProfileTestSupport.h"
#include "profile/FlameGraphSvg.h"
#include "profile/ProfileReport.h"

namespace profile_test {
namespace {

// main calls foo (which stalls on UART0 and sleeps) and bar; 100 cycles in all.
CycleProfiler knownProfile() {
  CycleProfiler p(testFunctions(), [](uint64_t) { return "UART0"; });
  Driver d(p);
  d.idle(2);
  d.retire(0x100).retire(0x104, jal(kRa));  // main 2 (+2 reset)
  d.retire(0x200).retire(0x204);            // foo
  p.mmioStall(0x40000000, 10);
  d.idle(10).retire(0x208, kWfi);
  p.slept(50);
  d.retire(0x20c, kRet, 4);                          // foo: 2 + 10 + 1 + 4 = 17, 10 of them stall
  d.retire(0x108).retire(0x10c, jal(kRa));           // main 2
  d.retire(0x300, kNop, 20).retire(0x304, kRet, 5);  // bar 25
  d.retire(0x110, kNop, 2);                          // main 2
  return p;
}

struct TableRow {
  uint64_t exclusive;
  uint64_t inclusive;
  uint64_t instructions;
  uint64_t calls;
  std::string name;
};

// The rows of the "Cycles by function" section.
std::vector<TableRow> functionRows(const std::string& table) {
  std::istringstream lines(table);
  std::string line;
  while (std::getline(lines, line) && line.rfind("Cycles by function", 0) != 0) {
  }
  std::getline(lines, line);  // column headings
  std::vector<TableRow> rows;
  while (std::getline(lines, line) && !line.empty()) {
    std::istringstream fields(line);
    TableRow row;
    std::string percent1, percent2;
    fields >> row.exclusive >> percent1 >> row.inclusive >> percent2 >> row.instructions >> row.calls;
    std::getline(fields >> std::ws, row.name);
    EXPECT_FALSE(fields.fail()) << line;
    rows.push_back(row);
  }
  return rows;
}

std::string tableOf(const CycleProfiler& p) {
  std::ostringstream out;
  p.writeTable(out);
  return out.str();
}

TEST(ProfileTable, RowsSortedByExclusiveCyclesAddingUpToTheTotal) {
  const CycleProfiler p = knownProfile();
  ASSERT_EQ(p.totalCycles(), 100u);
  const std::string table = tableOf(p);
  const std::vector<TableRow> rows = functionRows(table);
  ASSERT_EQ(rows.size(), 6u) << table;
  const std::vector<std::string> order = {"[wfi]", "bar", "[mmio UART0]", "foo", "main", "[reset]"};
  uint64_t sum = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].name, order[i]) << table;
    if (i > 0) {
      EXPECT_GE(rows[i - 1].exclusive, rows[i].exclusive);
    }
    sum += rows[i].exclusive;
  }
  EXPECT_EQ(sum, 100u);
  EXPECT_EQ(rows[0].exclusive, 50u);  // [wfi]
  EXPECT_EQ(rows[0].calls, 1u);       // sleeps
  EXPECT_EQ(rows[1].exclusive, 25u);  // bar
  EXPECT_EQ(rows[2].exclusive, 10u);  // the stall
  EXPECT_EQ(rows[2].calls, 1u);       // accesses
  EXPECT_EQ(rows[3].exclusive, 7u);   // foo's own
  EXPECT_EQ(rows[3].inclusive, 67u);  // with its stall and sleep
  EXPECT_EQ(rows[3].instructions, 4u);
  EXPECT_EQ(rows[4].exclusive, 6u);  // main
  EXPECT_EQ(rows[4].inclusive, 98u);
  EXPECT_EQ(rows[4].calls, 1u);

  EXPECT_NE(table.find("total cycles             100"), std::string::npos) << table;
  EXPECT_NE(table.find("Asleep in wfi, by the function that executed it"), std::string::npos);
  EXPECT_TRUE(std::regex_search(table, std::regex(R"(\n +50  50\.00% +1  foo\n)"))) << table;
  EXPECT_NE(table.find("MMIO stall cycles by peripheral"), std::string::npos);
  EXPECT_TRUE(std::regex_search(table, std::regex(R"(\n +10  10\.00% +1  UART0\n)"))) << table;
  const std::string last = table.substr(table.rfind('\n', table.size() - 2) + 1);
  EXPECT_EQ(last, "total 100 cycles = the sum of the exclusive column\n");
}

TEST(ProfileTable, EmptyProfile) {
  const CycleProfiler p({}, nullptr);
  const std::string table = tableOf(p);
  EXPECT_NE(table.find("total 0 cycles = the sum of the exclusive column"), std::string::npos) << table;
  EXPECT_NE(table.find("(none)"), std::string::npos);
}

TEST(FoldedStacks, OneLinePerStackWithCyclesOfItsOwn) {
  const CycleProfiler p = knownProfile();
  std::ostringstream out;
  p.writeFolded(out);
  EXPECT_EQ(out.str(),
            "[reset] 2\n"
            "main 6\n"
            "main;bar 25\n"
            "main;foo 7\n"
            "main;foo;[mmio UART0] 10\n"
            "main;foo;[wfi] 50\n");
}

TEST(FoldedStacks, NamesCannotBreakTheFormat) {
  EXPECT_EQ(wtm::profile::foldedName("operator;\n"), "operator:_");
  CycleProfiler p({{"a;b", 0x100, 0x10}}, nullptr);
  Driver(p).retire(0x100);
  EXPECT_EQ(folded(p), (std::map<std::string, uint64_t>{{"a:b", 1}}));
}

// ---- SVG ----------------------------------------------------------------------------------------

// Checks that `svg` is well-formed as far as a flame graph needs: every tag closed in order,
// attribute values quoted, text without raw '<' or stray '&'. Returns the element names seen.
std::vector<std::string> checkWellFormed(const std::string& svg) {
  static const std::regex entity("^&(amp|lt|gt|quot|apos);");
  static const std::regex element(R"([a-z]+( [a-zA-Z:-]+="[^"<]*")*/?)");
  std::vector<std::string> open;
  std::vector<std::string> seen;
  size_t at = 0;
  while (true) {
    const size_t lt = svg.find('<', at);
    const std::string text = svg.substr(at, lt == std::string::npos ? std::string::npos : lt - at);
    for (size_t amp = text.find('&'); amp != std::string::npos; amp = text.find('&', amp + 1)) {
      EXPECT_TRUE(std::regex_search(text.substr(amp, 8), entity)) << text;
    }
    EXPECT_EQ(text.find('>'), std::string::npos) << text;
    if (lt == std::string::npos) break;
    const size_t gt = svg.find('>', lt);
    if (gt == std::string::npos) {
      ADD_FAILURE() << "unterminated tag at " << lt;
      break;
    }
    const std::string tag = svg.substr(lt + 1, gt - lt - 1);
    at = gt + 1;
    if (tag.front() == '?') continue;  // the XML declaration
    if (tag.front() == '/') {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) {
        ADD_FAILURE() << "</" << name << "> closes " << (open.empty() ? "nothing" : open.back());
        return seen;
      }
      open.pop_back();
      continue;
    }
    EXPECT_TRUE(std::regex_match(tag, element)) << tag;
    const std::string name = tag.substr(0, tag.find_first_of(" /"));
    seen.push_back(name);
    if (tag.back() != '/') open.push_back(name);
  }
  EXPECT_TRUE(open.empty()) << open.size() << " unclosed, first " << (open.empty() ? "" : open.front());
  return seen;
}

std::string svgOf(const CycleProfiler& p, const std::string& title) {
  std::ostringstream out;
  p.writeSvg(out, title);
  return out.str();
}

size_t count(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<size_t>(std::count(names.begin(), names.end(), name));
}

// Nodes with cycles in their subtree, plus the root: one rectangle each.
size_t visibleNodes(const ProfileData& data) {
  const std::vector<uint64_t> subtree = wtm::profile::subtreeCycles(data);
  size_t visible = 1;
  for (size_t i = 1; i < subtree.size(); ++i) visible += subtree[i] != 0 ? 1 : 0;
  return visible;
}

TEST(FlameGraphSvg, OneRectanglePerStackWithATooltip) {
  const CycleProfiler p = knownProfile();
  const std::string svg = svgOf(p, "hello <on> \"X3\" & more");
  const std::vector<std::string> names = checkWellFormed(svg);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.front(), "svg");
  EXPECT_EQ(count(names, "svg"), 1u);
  EXPECT_EQ(count(names, "rect"), visibleNodes(p.data()));
  EXPECT_EQ(count(names, "rect"), 7u);  // all, [reset], main, foo, bar, [mmio UART0], [wfi]
  EXPECT_EQ(count(names, "title"), count(names, "rect"));
  EXPECT_EQ(count(names, "script"), 0u);
  EXPECT_NE(svg.find("hello &lt;on&gt; &quot;X3&quot; &amp; more"), std::string::npos);
  EXPECT_NE(svg.find("<title>all: 100 cycles, 100.00%</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>foo: 67 cycles, 67.00% (7 in itself)</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>[wfi]: 50 cycles, 50.00%</title>"), std::string::npos) << svg;
}

// The awake-only graph: the [wfi] leaf is gone, the rest is measured against the awake cycles.
TEST(FlameGraphSvg, AwakeOnlyLeavesSleepOut) {
  const ProfileData awake = awakeOnly(knownProfile().data());
  EXPECT_EQ(awake.totalCycles, 50u);
  EXPECT_EQ(awake.sleepLeftOut, 50u);
  std::ostringstream out;
  writeFlameGraphSvg(awake, out, "awake");
  const std::string svg = out.str();
  checkWellFormed(svg);
  EXPECT_EQ(svg.find("<title>[wfi]"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>all: 50 cycles, 100.00%</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>foo: 17 cycles, 34.00% (7 in itself)</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("awake cycles only (50 asleep in wfi left out)"), std::string::npos) << svg;
}

// Widths are proportional to inclusive cycles: foo is 67% of the 1180-pixel graph, and the
// frames above it sit inside it.
TEST(FlameGraphSvg, WidthsFollowInclusiveCycles) {
  const std::string svg = svgOf(knownProfile(), "widths");
  auto rectOf = [&](const std::string& title) {
    const size_t at = svg.find("<title>" + title);
    EXPECT_NE(at, std::string::npos) << title;
    std::smatch m;
    const std::string rest = svg.substr(at);
    EXPECT_TRUE(std::regex_search(rest, m, std::regex(R"re(<rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)")re")));
    return std::array<double, 3>{std::stod(m[1]), std::stod(m[2]), std::stod(m[3])};
  };
  const auto all = rectOf("all:");
  const auto main = rectOf("main:");
  const auto foo = rectOf("foo:");
  const auto wfi = rectOf("[wfi]:");
  EXPECT_NEAR(all[2], 1180, 0.01);
  EXPECT_NEAR(main[2], 1180 * 0.98, 0.01);
  EXPECT_NEAR(foo[2], 1180 * 0.67, 0.01);
  EXPECT_NEAR(wfi[2], 1180 * 0.50, 0.01);
  EXPECT_LT(main[1], all[1]);  // callees above their callers
  EXPECT_LT(foo[1], main[1]);
  EXPECT_GE(wfi[0], foo[0]);
  EXPECT_LE(wfi[0] + wfi[2], foo[0] + foo[2] + 0.01);
}

TEST(FlameGraphSvg, EmptyProfileIsStillAnImage) {
  const std::string svg = svgOf(CycleProfiler({}, nullptr), "");
  const std::vector<std::string> names = checkWellFormed(svg);
  EXPECT_EQ(count(names, "rect"), 1u);
}

// ---- Random streams -----------------------------------------------------------------------------

// Edges of every kind at random pcs (in functions and in gaps), with traps, sleeps and stalls:
// the totals stay exact in every output and nothing crashes.
TEST(ProfileOutputs, RandomStreamsKeepTotalsExact) {
  // Half of them plain, so that stacks grow and shrink rather than only grow.
  const uint32_t transfers[] = {kBeq,  jal(kRa), jal(0),   jalr(kRa, kA5), kRet,  jalr(0, kT0), kMret, kJalmnxti, kWfi,
                                kCJal, kCJ,      cJr(kRa), cJalr(kA5),     kCNop, kCMv,         kRet,  cJr(kRa)};
  for (uint32_t seed = 1; seed <= 10; ++seed) {
    std::mt19937 random(seed);
    CycleProfiler p(testFunctions(), [](uint64_t address) { return "R" + std::to_string(address % 5); });
    uint64_t expected = 0;
    for (int i = 0; i < 20000; ++i) {
      const uint32_t pc = random() % 4 == 0 ? static_cast<uint32_t>(random()) : 0x80 + random() % 0x5c0;
      const uint32_t insn = random() % 2 ? kNop : transfers[random() % (sizeof transfers / sizeof transfers[0])];
      const uint64_t cycles = random() % 8 == 0 ? random() % 100 : 1;
      const bool retired = random() % 5 != 0;
      const bool trap = random() % 50 == 0;
      p.edge(cycles, retired, pc, insn, trap);
      expected += cycles;
      if (random() % 40 == 0) {
        const uint64_t sleep = random() % 1000;
        p.slept(sleep);
        expected += sleep;
      }
      if (random() % 20 == 0) p.mmioStall(0x40000000 + random() % 64, random() % 20);
    }
    ASSERT_EQ(p.totalCycles(), expected);
    EXPECT_EQ(sumOf(folded(p)), expected) << "seed " << seed;
    const std::vector<TableRow> rows = functionRows(tableOf(p));
    uint64_t sum = 0;
    for (const TableRow& row : rows) {
      sum += row.exclusive;
      EXPECT_LE(row.exclusive, row.inclusive) << row.name;
      EXPECT_LE(row.inclusive, expected) << row.name;
    }
    EXPECT_EQ(sum, expected) << "seed " << seed;
    const std::vector<std::string> names = checkWellFormed(svgOf(p, "random"));
    EXPECT_LE(count(names, "rect"), visibleNodes(p.data()));  // minus those under 0.1 pixel
  }
}

}  // namespace
}  // namespace profile_test
