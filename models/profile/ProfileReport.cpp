#include "profile/ProfileReport.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

namespace wtm::profile {
namespace {

std::string percent(uint64_t part, uint64_t total) {
  char text[16];
  std::snprintf(text, sizeof text, "%6.2f%%", total == 0 ? 0.0 : 100.0 * static_cast<double>(part) / total);
  return text;
}

std::string column(uint64_t value, int width) {
  char text[32];
  std::snprintf(text, sizeof text, "%*llu", width, static_cast<unsigned long long>(value));
  return text;
}

constexpr int kCycleWidth = 14;
constexpr int kPercentWidth = 7;
constexpr int kCountWidth = 13;

std::string heading(const std::string& text, int width) {
  return std::string(text.size() < static_cast<size_t>(width) ? width - text.size() : 0, ' ') + text;
}

void writeHeader(const ProfileData& data, std::ostream& out) {
  const uint64_t awake = data.totalCycles - data.sleepCycles;
  char cpi[32];
  std::snprintf(cpi, sizeof cpi, "%.3f", data.instructions == 0 ? 0.0 : static_cast<double>(awake) / data.instructions);
  out << "Cycle profile\n"
      << "  total cycles  " << column(data.totalCycles, kCycleWidth) << "  (the sum of the exclusive column)\n"
      << "  instructions  " << column(data.instructions, kCycleWidth) << "  (" << cpi
      << " cycles per instruction awake)\n"
      << "  asleep in wfi " << column(data.sleepCycles, kCycleWidth) << "  ("
      << percent(data.sleepCycles, data.totalCycles) << ", " << data.sleeps << " sleeps)\n"
      << "  MMIO stalls   " << column(data.mmioStallCycles, kCycleWidth) << "  ("
      << percent(data.mmioStallCycles, data.totalCycles) << ", " << data.mmioAccesses << " accesses)\n\n";
}

void writeFunctionRows(const ProfileData& data, const std::vector<FrameTotals>& totals, std::ostream& out) {
  std::vector<uint32_t> rows;
  for (uint32_t f = 0; f < totals.size(); ++f) {
    if (totals[f].inclusive != 0 || totals[f].entries != 0 || totals[f].instructions != 0) rows.push_back(f);
  }
  std::sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
    if (totals[a].exclusive != totals[b].exclusive) return totals[a].exclusive > totals[b].exclusive;
    if (totals[a].inclusive != totals[b].inclusive) return totals[a].inclusive > totals[b].inclusive;
    return data.frames[a].name < data.frames[b].name;
  });
  out << "Cycles by function (calls: sleeps for [wfi], accesses for [mmio ...])\n"
      << heading("exclusive", kCycleWidth) << " " << heading("%", kPercentWidth) << " "
      << heading("inclusive", kCycleWidth) << " " << heading("%", kPercentWidth) << heading("instructions", kCountWidth)
      << heading("calls", kCountWidth) << "  function\n";
  for (const uint32_t f : rows) {
    const FrameTotals& t = totals[f];
    out << column(t.exclusive, kCycleWidth) << " " << percent(t.exclusive, data.totalCycles) << " "
        << column(t.inclusive, kCycleWidth) << " " << percent(t.inclusive, data.totalCycles)
        << column(t.instructions, kCountWidth) << column(t.entries, kCountWidth) << "  " << data.frames[f].name << "\n";
  }
  out << "\n";
}

// Sleep by the frame that executed wfi (the parent of each [wfi] leaf).
void writeSleepRows(const ProfileData& data, std::ostream& out) {
  std::map<std::string, std::pair<uint64_t, uint64_t>> byFunction;  // cycles, sleeps
  for (const ProfileNode& node : data.nodes) {
    if (node.frame >= data.frames.size() || data.frames[node.frame].kind != FrameKind::Sleep) continue;
    auto& row = byFunction[data.frames[data.nodes[node.parent].frame].name];
    row.first += node.cycles;
    row.second += node.entries;
  }
  std::vector<std::pair<std::string, std::pair<uint64_t, uint64_t>>> rows(byFunction.begin(), byFunction.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  out << "Asleep in wfi, by the function that executed it\n"
      << heading("cycles", kCycleWidth) << " " << heading("%", kPercentWidth) << heading("sleeps", kCountWidth)
      << "  function\n";
  for (const auto& [name, row] : rows) {
    out << column(row.first, kCycleWidth) << " " << percent(row.first, data.totalCycles)
        << column(row.second, kCountWidth) << "  " << name << "\n";
  }
  if (rows.empty()) out << "  (none)\n";
  out << "\n";
}

void writeMmioRows(const ProfileData& data, const std::vector<FrameTotals>& totals, std::ostream& out) {
  std::vector<uint32_t> rows;
  for (uint32_t f = 0; f < data.frames.size(); ++f) {
    if (data.frames[f].kind == FrameKind::Mmio && totals[f].entries != 0) rows.push_back(f);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
    if (totals[a].exclusive != totals[b].exclusive) return totals[a].exclusive > totals[b].exclusive;
    return data.frames[a].region < data.frames[b].region;
  });
  out << "MMIO stall cycles by peripheral\n"
      << heading("cycles", kCycleWidth) << " " << heading("%", kPercentWidth) << heading("accesses", kCountWidth)
      << "  peripheral\n";
  for (const uint32_t f : rows) {
    out << column(totals[f].exclusive, kCycleWidth) << " " << percent(totals[f].exclusive, data.totalCycles)
        << column(totals[f].entries, kCountWidth) << "  " << data.frames[f].region << "\n";
  }
  if (rows.empty()) out << "  (none)\n";
  if (data.mmioUnattributedCycles != 0) {
    out << "  (" << data.mmioUnattributedCycles
        << " more stall cycles were reported than their stacks had of their own; those stay with the stacks)\n";
  }
  out << "\n";
}

}  // namespace

void writeProfileTable(const ProfileData& data, std::ostream& out) {
  const std::vector<FrameTotals> totals = frameTotals(data);
  writeHeader(data, out);
  writeFunctionRows(data, totals, out);
  writeSleepRows(data, out);
  writeMmioRows(data, totals, out);
  uint64_t sum = 0;
  for (const FrameTotals& t : totals) sum += t.exclusive;
  out << "total " << data.totalCycles << " cycles"
      << (sum == data.totalCycles
              ? " = the sum of the exclusive column\n"
              : " != the sum of the exclusive column " + std::to_string(sum) + " (a profiler bug)\n");
}

std::string foldedName(const std::string& name) {
  std::string safe = name;
  for (char& c : safe) {
    if (c == ';') c = ':';
    else if (static_cast<unsigned char>(c) < 0x20) c = '_';
  }
  return safe;
}

void writeFoldedStacks(const ProfileData& data, std::ostream& out) {
  const std::vector<std::vector<uint32_t>> children = childrenByName(data);
  std::vector<std::string> names;
  names.reserve(data.frames.size());
  for (const ProfileFrame& frame : data.frames) names.push_back(foldedName(frame.name));

  struct Visit {
    uint32_t node;
    size_t nextChild;
    size_t pathLength;  // of `path` before this node's name was appended
  };
  std::string path;
  std::vector<Visit> stack{{0, 0, 0}};
  while (!stack.empty()) {
    Visit& visit = stack.back();
    if (visit.nextChild == children[visit.node].size()) {
      path.resize(visit.pathLength);
      stack.pop_back();
      continue;
    }
    const uint32_t child = children[visit.node][visit.nextChild++];
    const size_t length = path.size();
    if (!path.empty()) path += ';';
    path += names[data.nodes[child].frame];
    if (data.nodes[child].cycles != 0) out << path << ' ' << data.nodes[child].cycles << '\n';
    stack.push_back({child, 0, length});
  }
}

}  // namespace wtm::profile
