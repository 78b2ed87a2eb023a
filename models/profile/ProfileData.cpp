#include "profile/ProfileData.h"

#include <algorithm>

namespace wtm::profile {

ProfileData awakeOnly(ProfileData data) {
  for (size_t i = 1; i < data.nodes.size(); ++i)  // nodes[0], the root, has no frame
    if (data.frames[data.nodes[i].frame].kind == FrameKind::Sleep) data.nodes[i].cycles = 0;
  data.awakeOnly = true;
  data.sleepLeftOut += data.sleepCycles;
  data.totalCycles -= data.sleepCycles;
  data.sleepCycles = 0;
  return data;
}

std::vector<uint64_t> subtreeCycles(const ProfileData& data) {
  std::vector<uint64_t> total(data.nodes.size(), 0);
  for (size_t i = data.nodes.size(); i-- > 0;) {
    total[i] += data.nodes[i].cycles;
    if (i != 0) total[data.nodes[i].parent] += total[i];
  }
  return total;
}

std::vector<std::vector<uint32_t>> childrenByName(const ProfileData& data) {
  std::vector<std::vector<uint32_t>> children(data.nodes.size());
  for (uint32_t i = 1; i < data.nodes.size(); ++i) children[data.nodes[i].parent].push_back(i);
  for (std::vector<uint32_t>& list : children) {
    std::sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      const std::string& nameA = data.frames[data.nodes[a].frame].name;
      const std::string& nameB = data.frames[data.nodes[b].frame].name;
      return nameA != nameB ? nameA < nameB : a < b;
    });
  }
  return children;
}

// Inclusive cycles: the subtree of each node whose frame is not already on the path above it
// (a depth-first walk counting how often each frame is on the current path).
std::vector<FrameTotals> frameTotals(const ProfileData& data) {
  std::vector<FrameTotals> totals(data.frames.size());
  const std::vector<uint64_t> subtree = subtreeCycles(data);
  std::vector<std::vector<uint32_t>> children(data.nodes.size());
  for (uint32_t i = 1; i < data.nodes.size(); ++i) children[data.nodes[i].parent].push_back(i);

  std::vector<uint32_t> onPath(data.frames.size(), 0);
  struct Visit {
    uint32_t node;
    size_t nextChild;
  };
  std::vector<Visit> path{{0, 0}};
  while (!path.empty()) {
    Visit& visit = path.back();
    if (visit.nextChild < children[visit.node].size()) {
      const uint32_t child = children[visit.node][visit.nextChild++];
      const ProfileNode& node = data.nodes[child];
      FrameTotals& t = totals[node.frame];
      t.exclusive += node.cycles;
      t.instructions += node.instructions;
      t.entries += node.entries;
      if (onPath[node.frame]++ == 0) t.inclusive += subtree[child];
      path.push_back({child, 0});
    } else {
      if (visit.node != 0) --onPath[data.nodes[visit.node].frame];
      path.pop_back();
    }
  }
  return totals;
}

}  // namespace wtm::profile
